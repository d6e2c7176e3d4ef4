import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, traceSeries, type DeriveOptions, type Model } from '../index';

const scenario = (name: string) => readFileSync(new URL(`../../../public/scenarios/${name}.yaml`, import.meta.url), 'utf8');
const derive = (text: string, options: DeriveOptions = {}): Model => deriveModel([{ name: 'lb.yaml', text }], options);
const fromClient = (m: Model, ip: string, port: number) =>
  walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip, port, proto: 'tcp' } });

describe('MetalLB layer 2: the client reaches the LoadBalancer IP through the elected speaker', () => {
  const text = scenario('metallb-l2');
  const m = derive(text);
  const announcement = m.state.metallb!.announcements[0]!;

  it('MetalLB assigns the first address of the pool and elects one node to answer ARP', () => {
    expect(announcement).toMatchObject({ service: 'default/nginx', ip: '192.168.1.240', protocol: 'layer2' });
    expect(announcement.nodes).toHaveLength(1);
    expect(announcement.candidates![0]).toBe(announcement.nodes[0]);
    const svc = m.state.services.find((s) => s.metadata.name === 'nginx')!;
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '192.168.1.240', ipMode: 'VIP' }]);
  });

  it('the announcer answers ARP with its own MAC and the walk enters that node', () => {
    const trace = fromClient(m, '192.168.1.240', 80);
    expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'default/nginx', announcer: announcement.nodes[0] });
    const arp = trace.steps.find((s) => s.explain.key === 'explain.arp.metallb')!;
    expect(arp.after.dstMac).toBe(m.state.hosts[announcement.nodes[0]!]!.nic.mac);
    expect(trace.steps[trace.steps.length - 1]!.after.src).toBe('192.168.1.240');
  });

  it('taking the announcer down fails over: a gratuitous ARP from the next node, which now answers', () => {
    const down = derive(text, { downNodes: [announcement.nodes[0]!] });
    const next = announcement.candidates![1]!;
    const trace = fromClient(down, '192.168.1.240', 80);
    expect(trace.steps.some((s) => s.explain.key === 'explain.arp.gratuitous' && s.explain.params.to === next)).toBe(true);
    expect(trace.outcome).toMatchObject({ result: 'delivered', announcer: next });
    expect(trace.outcome.node).not.toBe(announcement.nodes[0]);
  });
});

describe('MetalLB BGP: the router spreads flows over the advertising nodes', () => {
  const m = derive(scenario('metallb-bgp'));
  const a = m.state.metallb!.announcements[0]!;

  it('every eligible node advertises the aggregated prefix; the router holds them as ECMP next hops', () => {
    expect(a.protocol).toBe('bgp');
    const route = m.state.metallb!.routers[0]!.routes[0]!;
    expect(route.nextHops.map((h) => h.node).sort()).toEqual([...a.nodes].sort());
  });

  it('the walk goes through the router to the next hop its hash picks', () => {
    const trace = fromClient(m, a.ip, 80);
    const hop = trace.steps.find((s) => s.explain.key === 'explain.router.ecmp')!;
    expect(a.nodes).toContain(hop.explain.params.node);
    expect(trace.outcome).toMatchObject({ result: 'delivered', announcer: hop.explain.params.node });
  });
});

describe('externalTrafficPolicy, Cluster vs Local', () => {
  const base = scenario('nodeport');
  const local = base.replace('  type: NodePort\n', '  type: NodePort\n  externalTrafficPolicy: Local\n');

  it('Cluster: the pod sees a node address; Local: the pod sees the client, and a node without a local pod drops it', () => {
    const cluster = derive(base);
    const lm = derive(local);
    const podNodes = new Set(lm.state.pods.filter((p) => p.metadata.labels?.run === 'my-nginx').map((p) => p.spec.nodeName));
    const withPod = lm.state.nodes.find((n) => podNodes.has(n.metadata.name))!;
    const ip = (m: Model, name: string) => m.state.nodes.find((n) => n.metadata.name === name)!.status.addresses![0]!.address;
    const seenBy = (m: Model, node: string) =>
      fromClient(m, ip(m, node), 30080).steps.find((s) => s.explain.key === 'explain.deliver.pod')?.after.src;

    expect(seenBy(cluster, withPod.metadata.name)).not.toBe('192.168.1.100');
    expect(seenBy(lm, withPod.metadata.name)).toBe('192.168.1.100');
    const without = lm.state.nodes.find((n) => !podNodes.has(n.metadata.name))!;
    const dropped = fromClient(lm, ip(lm, without.metadata.name), 30080);
    expect(dropped.outcome.result).toBe('dropped');
    expect(dropped.steps.find((s) => s.explain.key === 'explain.hook.drop')!.rule!.text).toContain('has no local endpoints');
  });
});

describe('sessionAffinity: ClientIP', () => {
  const text = readFileSync(new URL('../../../public/scenarios/hostnames.yaml', import.meta.url), 'utf8');
  const spec = (m: Model) => ({
    from: { kind: 'pod' as const, namespace: 'default', name: 'client' },
    to: {
      kind: 'ip' as const,
      ip: m.state.services.find((s) => s.metadata.name === 'hostnames')!.spec.clusterIP!,
      port: 80,
      proto: 'tcp' as const,
    },
  });

  it('without affinity, ten connections spread over the endpoints; with it, the recent list pins them to the first', () => {
    const plain = derive(text);
    const spread = new Set(traceSeries(plain, spec(plain), 10).map((t) => t.outcome.endpoint));
    expect(spread.size).toBeGreaterThan(1);

    const sticky = derive(
      text.replace('  selector:\n    app: hostnames\n  ports:', '  sessionAffinity: ClientIP\n  selector:\n    app: hostnames\n  ports:'),
    );
    const series = traceSeries(sticky, spec(sticky), 10);
    expect(new Set(series.map((t) => t.outcome.endpoint)).size).toBe(1);
    const recheck = series[1]!.steps.flatMap((s) => s.rulesVisited ?? []).find((v) => v.matched && v.rule.text.includes('--rcheck'));
    expect(recheck?.rule.text).toContain('--seconds 10800');
  });
});

describe('what-if: flipping externalTrafficPolicy without editing the manifest', () => {
  it('Local keeps the client address where Cluster hid it, on the same node and the same request', () => {
    const text = readFileSync(new URL('../../../public/scenarios/etp-local.yaml', import.meta.url), 'utf8');
    const asWritten = derive(text);
    const flipped = derive(text, { externalTrafficPolicy: { 'default/echo': 'Cluster' } });
    const seen = (m: Model) => fromClient(m, '192.168.1.11', 30800).steps.find((s) => s.explain.key === 'explain.deliver.pod')?.after.src;
    expect(seen(asWritten)).toBe('192.168.1.100');
    expect(seen(flipped)).not.toBe('192.168.1.100');
    // And the node without the pod now forwards instead of dropping.
    expect(fromClient(asWritten, '192.168.1.12', 30800).outcome.result).toBe('dropped');
    expect(fromClient(flipped, '192.168.1.12', 30800).outcome.result).toBe('delivered');
  });
});
