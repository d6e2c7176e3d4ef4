import { describe, expect, it } from 'vitest';
import { kubeProxyJumpRules, type JumpRule } from './jumpRules';
import { clusterState } from './testFixtures';

/** Apply the rules as iptables -I / -A would, to a node with empty built-in chains. */
function apply(rules: JumpRule[]): Record<string, string[]> {
  const chains: Record<string, string[]> = {};
  for (const r of rules) {
    const key = `${r.table} ${r.chain}`;
    const list = (chains[key] ??= []);
    const text = r.args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ');
    if (r.position === 'insert') list.unshift(text);
    else list.push(text);
  }
  return chains;
}

describe('kubeProxyJumpRules', () => {
  const chains = apply(kubeProxyJumpRules(clusterState({}), 'worker-1'));

  it('hooks KUBE-SERVICES into nat PREROUTING and OUTPUT, KUBE-POSTROUTING into POSTROUTING', () => {
    expect(chains['nat PREROUTING']).toEqual(['-m comment --comment "kubernetes service portals" -j KUBE-SERVICES']);
    expect(chains['nat OUTPUT']).toEqual(['-m comment --comment "kubernetes service portals" -j KUBE-SERVICES']);
    expect(chains['nat POSTROUTING']).toEqual(['-m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING']);
  });

  it('leaves filter INPUT, FORWARD and OUTPUT in the order a real node shows', () => {
    expect(chains['filter INPUT']).toEqual([
      '-m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
      '-m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-j KUBE-FIREWALL',
    ]);
    expect(chains['filter FORWARD'].map((r) => r.split(' ').at(-1))).toEqual([
      'KUBE-PROXY-FIREWALL',
      'KUBE-FORWARD',
      'KUBE-SERVICES',
      'KUBE-EXTERNAL-SERVICES',
    ]);
    expect(chains['filter OUTPUT'].map((r) => r.split(' ').at(-1))).toEqual(['KUBE-PROXY-FIREWALL', 'KUBE-SERVICES', 'KUBE-FIREWALL']);
  });
});
