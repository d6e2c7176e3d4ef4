// A node whose kernel is older than 5.13 in nftables mode: kube-proxy does not start there, the
// learner is told so at the node's kernelVersion, and a packet to a Service from that node finds
// no kube-proxy rule; the other nodes keep theirs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../model';
import { walkPacket } from '../trace/walkPacket';
import type { DeriveOptions } from '../modelTypes';
import { kernelTooOldForNftables } from './nftKernel';

const hostnames = readFileSync(new URL('../../../public/scenarios/hostnames.yaml', import.meta.url), 'utf8');
const node = (name: string, kernel: string) =>
  `---\napiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\nstatus:\n  nodeInfo:\n    kernelVersion: ${kernel}\n    osImage: Debian GNU/Linux\n`;
/** Two nodes: worker-1 on a current kernel, worker-2 on `kernel`. */
const oldKernel = (kernel: string) => `${hostnames}${node('worker-1', '6.1.0-18-amd64')}${node('worker-2', kernel)}`;
const model = (text: string, proxyMode: DeriveOptions['proxyMode']) => deriveModel([{ name: 'm.yaml', text }], { proxyMode });
/** To the hostnames Service from a pod of the default namespace on `on`. */
const fromNode = (m: ReturnType<typeof model>, on: string) => {
  const vip = m.state.services.find((s) => s.metadata.name === 'hostnames')!.spec.clusterIP!;
  const pod = m.state.pods.find((p) => p.spec.nodeName === on && p.metadata.namespace === 'default')!;
  return walkPacket(m, {
    from: { kind: 'pod', namespace: 'default', name: pod.metadata.name },
    to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' },
  });
};

describe('kube-proxy in nftables mode needs kernel 5.13', () => {
  it('reads the kernel release as Kubernetes does: major.minor, the distribution suffix ignored', () => {
    const on = (kernelVersion: string) => kernelTooOldForNftables({ status: { nodeInfo: { kernelVersion } } });
    expect(on('5.10.0-28-amd64')).toBe(true);
    expect(on('4.19.0')).toBe(true);
    expect(on('5.13.0')).toBe(false);
    expect(on('6.8.0-1014-aws')).toBe(false);
    expect(on('5.15.0-1052-azure')).toBe(false);
    // Unknown: kube-proxy's own check would decide; the model assumes it passes.
    expect(on('')).toBe(false);
  });

  it('an old kernel in nftables mode: a warning at the node, and a pod on it reaches no pod through the Service', () => {
    const m = model(oldKernel('5.10.0-28-amd64'), 'nftables');
    const warning = m.diagnostics.find((d) => d.code === 'kubeProxy.nftables.kernel');
    expect(warning).toMatchObject({ severity: 'warning', params: { node: 'worker-2', kernel: '5.10.0-28-amd64', need: '5.13' } });
    expect(warning!.line).toBeGreaterThan(hostnames.split('\n').length);
    const walk = fromNode(m, 'worker-2');
    expect(walk.steps.some((s) => s.nat?.kind === 'dnat')).toBe(false);
    expect(walk.outcome.result).not.toBe('delivered');
    const hook = walk.steps.find((s) => s.at.node === 'worker-2' && s.at.hook === 'PREROUTING');
    expect(hook?.explain.key).toBe('explain.hook.noKubeProxy');
    // From worker-1, whose kube-proxy runs: DNATed there and delivered.
    const fromOther = fromNode(m, 'worker-1');
    expect(fromOther.outcome.result).toBe('delivered');
    expect(fromOther.steps.find((s) => s.nat?.kind === 'dnat')?.at.node).toBe('worker-1');
  });

  it('the same node in iptables mode, or with kernel 5.13: no warning, the packet is delivered', () => {
    for (const m of [model(oldKernel('5.10.0-28-amd64'), 'iptables'), model(oldKernel('5.13.0-1-generic'), 'nftables')]) {
      expect(m.diagnostics.some((d) => d.code === 'kubeProxy.nftables.kernel')).toBe(false);
      expect(fromNode(m, 'worker-2').outcome.result).toBe('delivered');
    }
  });
});
