import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, type Model, type Trace } from '../index';

const hostnames = readFileSync(new URL('../../../public/scenarios/hostnames.yaml', import.meta.url), 'utf8');

function model(text: string): Model {
  return deriveModel([{ name: 'test.yaml', text }]);
}

function clusterIP(m: Model, name: string): string {
  const svc = m.state.services.find((s) => s.metadata.name === name);
  if (!svc?.spec.clusterIP) throw new Error(`no service ${name}`);
  return svc.spec.clusterIP;
}

function walk(m: Model, to: string, extra: { seed?: number; endpoint?: string; from?: string } = {}): Trace {
  const [ip, port] = to.split(':');
  const from = extra.from ?? 'pod/default/client';
  const [kind, a, b] = from.split('/');
  return walkPacket(m, {
    from: kind === 'node' ? { kind: 'node', name: a! } : { kind: 'pod', namespace: a!, name: b! },
    to: { kind: 'ip', ip: ip!, port: Number(port), proto: 'tcp' },
    ...(extra.seed !== undefined ? { seed: extra.seed } : {}),
    ...(extra.endpoint ? { endpoint: extra.endpoint } : {}),
  });
}

function hostnamesEndpoints(m: Model): string[] {
  return m.state.pods.filter((p) => p.metadata.labels?.app === 'hostnames').map((p) => `${p.status.podIP}:9376`);
}

describe('the hostnames walk (ClusterIP)', () => {
  const m = model(hostnames);
  const vip = clusterIP(m, 'hostnames');

  it('delivers the SYN to one of the three hostnames pods and brings the reply back from the ClusterIP', () => {
    const trace = walk(m, `${vip}:80`);
    expect(trace.outcome.result).toBe('delivered');
    expect(trace.outcome.service).toBe('default/hostnames');
    expect(hostnamesEndpoints(m)).toContain(trace.outcome.endpoint);
    const last = trace.steps[trace.steps.length - 1]!;
    expect(last.phase).toBe('reply');
    expect(last.at).toMatchObject({ element: 'pod', pod: 'default/client' });
    expect(`${last.after.src}:${last.after.sport}`).toBe(`${vip}:80`);
  });

  it('DNATs in PREROUTING with the KUBE-SEP rule, quoting the exact line of the node iptables-save', () => {
    const trace = walk(m, `${vip}:80`);
    const dnat = trace.steps.find((s) => s.explain.key === 'explain.hook.dnat')!;
    expect(dnat.at).toMatchObject({ element: 'netfilter', hook: 'PREROUTING', node: 'worker-2' });
    expect(dnat.rule!.chain).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
    expect(dnat.rule!.text).toContain(`--to-destination ${trace.outcome.endpoint}`);
    const save = m.dataplane.node('worker-2')!.iptablesSave.split('\n');
    expect(save[dnat.rule!.line - 1]).toBe(dnat.rule!.text);
    expect(String(dnat.explain.params.chain)).toMatch(/KUBE-SERVICES → KUBE-SVC-\w+ → KUBE-SEP-\w+/);
    expect(dnat.after.dst).toBe(trace.outcome.endpoint!.split(':')[0]);
  });

  it('reaches every endpoint when forced, crossing the VXLAN tunnel only for pods on another node', () => {
    for (const endpoint of hostnamesEndpoints(m)) {
      const trace = walk(m, `${vip}:80`, { endpoint });
      expect(trace.outcome.endpoint).toBe(endpoint);
      const crossesTunnel = trace.steps.some((s) => s.explain.key === 'explain.vxlan.encap');
      expect(crossesTunnel).toBe(trace.outcome.node !== 'worker-2');
    }
  });

  it('spreads seeds over all three endpoints, as the statistic cascade does', () => {
    const chosen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) chosen.add(walk(m, `${vip}:80`, { seed }).outcome.endpoint!);
    expect([...chosen].sort()).toEqual(hostnamesEndpoints(m).sort());
  });

  it('records the conntrack entry with the DNAT, and undoes it in POSTROUTING on the way back', () => {
    const trace = walk(m, `${vip}:80`);
    const confirmed = trace.steps.find((s) => s.conntrack && s.phase === 'request')!;
    expect(confirmed.conntrack!.orig.dst).toBe(vip);
    expect(confirmed.conntrack!.dnat).toBe(true);
    const undo = trace.steps.find((s) => s.explain.key === 'explain.hook.ctReply' && s.at.hook === 'POSTROUTING')!;
    expect(undo.after.src).toBe(vip);
  });

  it('from a node, masquerades the source so the reply comes back through it', () => {
    const trace = walk(m, `${vip}:80`, { from: 'node/control-plane' });
    expect(trace.outcome.result).toBe('delivered');
    expect(trace.steps.some((s) => s.at.hook === 'OUTPUT' && s.explain.key === 'explain.hook.dnat')).toBe(true);
    expect(trace.steps.some((s) => s.explain.key === 'explain.hook.masquerade')).toBe(true);
  });
});

describe('what edits do to the walk', () => {
  it('scaling to 5 replicas rewrites the cascade and the walk reaches the new pods', () => {
    const m = model(hostnames.replace('replicas: 3', 'replicas: 5'));
    const vip = clusterIP(m, 'hostnames');
    expect(hostnamesEndpoints(m)).toHaveLength(5);
    expect(m.dataplane.node('worker-1')!.iptablesRestore).toContain('--probability 0.2000000000');
    const reached = new Set(Array.from({ length: 60 }, (_, seed) => walk(m, `${vip}:80`, { seed }).outcome.endpoint));
    expect(reached.size).toBe(5);
  });

  it('a selector that matches nothing ends the walk at kube-proxy REJECT, and says why', () => {
    const m = model(hostnames.replace(/selector:\n {4}app: hostnames/, 'selector:\n    app: hostname'));
    const vip = clusterIP(m, 'hostnames');
    const trace = walk(m, `${vip}:80`);
    expect(trace.outcome.result).toBe('rejected');
    const reject = trace.steps.find((s) => s.explain.key === 'explain.hook.reject')!;
    expect(reject.rule!.table).toBe('filter');
    expect(reject.rule!.text).toContain('has no endpoints');
    expect(reject.rule!.text).toContain('--reject-with icmp-port-unreachable');
    expect(trace.steps[trace.steps.length - 1]!.explain.key).toBe('explain.reject.icmp');
  });

  it('broken YAML in one document leaves the others walking', () => {
    const broken = hostnames.replace('  replicas: 3', '  replicas: [3');
    const m = model(broken);
    expect(m.diagnostics.some((d) => d.severity === 'error' && d.code === 'yaml.syntax')).toBe(true);
    expect(m.state.services.some((s) => s.metadata.name === 'hostnames')).toBe(true);
    expect(m.state.pods.some((p) => p.metadata.name === 'client')).toBe(true);
  });
});

describe('from the client on the LAN (NodePort)', () => {
  const nodeport = readFileSync(new URL('../../../public/scenarios/nodeport.yaml', import.meta.url), 'utf8');
  const m = model(nodeport);

  it('ARPs for the node, DNATs through KUBE-NODEPORTS and SNATs so the pod sees the node, not the client', () => {
    const trace = walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip: '192.168.1.11', port: 30080, proto: 'tcp' } });
    expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'default/my-nginx' });
    expect(trace.steps[1]!.explain.key).toBe('explain.arp.reply');
    const dnat = trace.steps.find((s) => s.explain.key === 'explain.hook.dnat')!;
    expect(String(dnat.explain.params.chain)).toContain('KUBE-NODEPORTS → KUBE-EXT-');
    const delivered = trace.steps.find((s) => s.explain.key === 'explain.deliver.pod')!;
    expect(delivered.after.src).not.toBe('192.168.1.100');
    const last = trace.steps[trace.steps.length - 1]!;
    expect(last.at.element).toBe('client');
    expect(`${last.after.src}:${last.after.sport}`).toBe('192.168.1.11:30080');
  });

  it('a NodePort nobody declared is not answered by kube-proxy: the packet reaches the node itself', () => {
    const trace = walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip: '192.168.1.11', port: 30999, proto: 'tcp' } });
    expect(trace.outcome.service).toBeUndefined();
    expect(trace.steps.some((s) => s.explain.key === 'explain.hook.dnat')).toBe(false);
  });
});

describe('kube-proxy in IPVS mode', () => {
  const ipvsConfig = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
  const m = model(`${hostnames}---\n${ipvsConfig}`);
  const vip = clusterIP(m, 'hostnames');

  it('delivers locally to kube-ipvs0, lets IPVS pick a real server, and undoes it for the reply', () => {
    const trace = walk(m, `${vip}:80`);
    expect(trace.outcome.result).toBe('delivered');
    const ipvs = trace.steps.find((s) => s.at.element === 'ipvs')!;
    expect(ipvs.explain.key).toBe('explain.ipvs.dnat');
    expect(ipvs.ipvs!.virtualServer).toBe(`TCP  ${vip}:80 rr`);
    const listing = m.dataplane.node('worker-2')!.ipvs!.ipvsadm.split('\n');
    expect(listing[ipvs.ipvs!.line - 1]!.trimEnd()).toBe(ipvs.ipvs!.virtualServer);
    expect(ipvs.ipvs!.realServer).toBe(trace.outcome.endpoint);
    expect(trace.steps.some((s) => String(s.rule?.chain ?? '').startsWith('KUBE-SVC-'))).toBe(false);
    const last = trace.steps[trace.steps.length - 1]!;
    expect(`${last.after.src}:${last.after.sport}`).toBe(`${vip}:80`);
  });

  it('round-robins: connection N goes to real server N', () => {
    const reached = [1, 2, 3].map((seed) => walk(m, `${vip}:80`, { seed }).outcome.endpoint);
    expect(new Set(reached).size).toBe(3);
  });

  it('a virtual server with no real servers ends in a TCP reset', () => {
    const empty = model(`${hostnames.replace(/selector:\n {4}app: hostnames/, 'selector:\n    app: nothing')}---\n${ipvsConfig}`);
    const trace = walk(empty, `${clusterIP(empty, 'hostnames')}:80`);
    expect(trace.outcome.result).toBe('rejected');
    expect(trace.steps.some((s) => s.explain.key === 'explain.ipvs.noRealServer')).toBe(true);
  });
});

describe('a name instead of an address: DNS first', () => {
  const m = model(hostnames);
  const to = (name: string) =>
    walkPacket(m, { from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { kind: 'name', name, port: 80, proto: 'tcp' } });

  it('sends the query to kube-dns, which kube-proxy DNATs to a CoreDNS pod, then connects to the answer', () => {
    const trace = to('hostnames');
    expect(trace.outcome.dns).toMatchObject({ status: 'answered', queries: 1, addresses: [clusterIP(m, 'hostnames')] });
    const query = trace.steps.filter((s) => s.stage?.kind === 'dns');
    expect(query[0]!.after).toMatchObject({ proto: 'udp', dst: '10.96.0.10', dport: 53 });
    const dnat = query.find((s) => s.explain.key === 'explain.hook.dnat')!;
    expect(dnat.after.dst).toMatch(/^10\.244\./);
    expect(dnat.rule!.text).toContain('kube-system/kube-dns:dns');
    expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'default/hostnames' });
  });

  it('walks the search list: hostnames.default is answered by the second query', () => {
    const trace = to('hostnames.default');
    expect(trace.outcome.dns).toMatchObject({ status: 'answered', queries: 2, answeredBy: 2 });
    const qnames = [...new Set(trace.steps.filter((s) => s.stage?.kind === 'dns').map((s) => (s.stage as { qname: string }).qname))];
    expect(qnames).toEqual(['hostnames.default.default.svc.cluster.local.', 'hostnames.default.svc.cluster.local.']);
  });

  it('a name that does not exist ends after every search suffix and the name as-is, with NXDOMAIN', () => {
    const trace = to('nosuch');
    expect(trace.outcome.result).toBe('dropped');
    expect(trace.outcome.dns).toMatchObject({ status: 'nxdomain', queries: 4 });
    expect(trace.steps.some((s) => s.stage?.kind === 'connect')).toBe(false);
  });

  it('an FQDN with a trailing dot is one query', () => {
    expect(to('hostnames.default.svc.cluster.local.').outcome.dns!.queries).toBe(1);
  });
});
