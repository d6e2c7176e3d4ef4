// A KubeProxyConfiguration with mode nftables: what is kept, and the warnings a learner sees.
import { describe, expect, it } from 'vitest';
import { deriveModel, nftablesDump } from '../index';

const derive = (config: string) =>
  deriveModel([{ name: 'kp.yaml', text: `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${config}` }]);
const warnings = (m: ReturnType<typeof derive>) => m.diagnostics.filter((d) => d.code.startsWith('kubeProxy.'));

describe('KubeProxyConfiguration mode: nftables', () => {
  it('selects nftables mode, as kube-proxy would, without a warning: the walk goes through its nftables table', () => {
    const m = derive('mode: nftables\n');
    expect(warnings(m)).toEqual([]);
    expect(m.state.config.proxy.mode).toBe('nftables');
    expect(m.dataplane.node(m.dataplane.nodeNames[0]!)?.nft?.dump).toContain('add table ip kube-proxy');
  });

  it('refuses a mode kube-proxy does not know, and keeps iptables mode', () => {
    const m = derive('mode: kernelspace\n');
    expect(m.diagnostics.some((d) => d.severity === 'error' && d.line === 3)).toBe(true);
    expect(m.state.config.proxy.mode).toBe('iptables');
  });

  it('names the iptables and ipvs fields kube-proxy ignores in nftables mode, at the first one, and does not apply them', () => {
    const m = derive('mode: nftables\niptables:\n  masqueradeAll: true\n  masqueradeBit: 14\nipvs:\n  scheduler: lc\n');
    const other = warnings(m).find((d) => d.code === 'kubeProxy.nftables.otherModeFields');
    expect(other?.params).toEqual({ fields: 'iptables.masqueradeAll, ipvs.scheduler' });
    expect([other?.line, other?.severity]).toEqual([5, 'warning']);
    expect(m.state.config.proxy.masqueradeAll).toBe(false);
    expect(m.state.config.proxy.ipvsScheduler).toBe('');
  });

  it('takes masqueradeAll and masqueradeBit from the nftables section, as kube-proxy does in that mode', () => {
    const m = derive('mode: nftables\nnftables:\n  masqueradeAll: true\n  masqueradeBit: 15\n');
    expect(warnings(m)).toEqual([]);
    expect([m.state.config.proxy.masqueradeAll, m.state.config.proxy.masqueradeBit]).toEqual([true, 15]);
    const dump = nftablesDump(m.state, m.dataplane.nodeNames[0]!);
    expect(dump).toContain('add rule ip kube-proxy mark-for-masquerade mark set mark or 0x00008000');
    expect(dump).toMatch(
      /^add rule ip kube-proxy service-\w{8}-default\/kubernetes\/tcp\/https ip daddr 10\.96\.0\.1 jump mark-for-masquerade$/m,
    );
  });

  it('in iptables mode the same fields apply, with no warning', () => {
    const m = derive('mode: iptables\niptables:\n  masqueradeAll: true\n');
    expect(warnings(m)).toEqual([]);
    expect(m.state.config.proxy.masqueradeAll).toBe(true);
  });
});
