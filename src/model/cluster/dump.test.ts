// A pasted dump is what the cluster held: controllers hold the pods it shows and make only the
// missing ones, nodes its pods ran on are added, built-ins are the dump's own, and k3s, kind and
// kubeadm dumps round-trip with their addresses, placements and statuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateDiagnostic } from '../../i18n/i18n';
import { iptablesRestore } from '../kubeproxy/iptablesRestore';
import type { DaemonSet, Manifest, Node, Pod, ReplicaSet, StatefulSet } from '../manifest/types';
import { deriveModel } from '../model';
import { walkPacket } from '../trace/walkPacket';
import { reconcile } from './reconcile';
import { deployment, manifest, pod } from './testFixtures';
import type { ClusterState } from './types';

const node = (name: string, ip: string, podCIDR: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  spec: { podCIDR, podCIDRs: [podCIDR] },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});

/** A pod as a dump shows it: owned, bound, running with its addresses. */
function dumped(
  name: string,
  labels: Record<string, string>,
  owner: [string, string, string?],
  nodeName: string,
  podIP: string,
  hostIP: string,
): Pod {
  const p = pod(name, labels, { nodeName }, { phase: 'Running', podIP, hostIP, conditions: [{ type: 'Ready', status: 'True' }] });
  p.metadata.uid = `uid-${name}`;
  p.metadata.creationTimestamp = '2026-11-20T09:14:07Z';
  p.metadata.ownerReferences = [
    { apiVersion: 'apps/v1', kind: owner[0], name: owner[1], uid: owner[2] ?? `uid-${owner[1]}`, controller: true },
  ];
  return p;
}

const nodes = [
  node('n1', '192.168.1.21', '10.244.1.0/24'),
  node('n2', '192.168.1.22', '10.244.2.0/24'),
  node('n3', '192.168.1.23', '10.244.3.0/24'),
];
const web = { app: 'web', 'pod-template-hash': '7d9f8b6c5' };
const podsOf = (s: ClusterState, prefix: string) => s.pods.filter((p) => p.metadata.name.startsWith(prefix)).map((p) => p.metadata.name);
const codes = (s: ClusterState) => s.diagnostics.map((d) => d.code);
const run = (objects: (Node | Pod | ReturnType<typeof deployment> | ReplicaSet | StatefulSet | DaemonSet)[]) =>
  reconcile(objects.map((o) => manifest(o)) as Manifest[]);

describe('a Deployment whose pods are in the dump (its ReplicaSet is not)', () => {
  const one = dumped('web-7d9f8b6c5-4hq2m', web, ['ReplicaSet', 'web-7d9f8b6c5'], 'n1', '10.244.1.5', '192.168.1.21');
  const two = dumped('web-7d9f8b6c5-n8z7c', web, ['ReplicaSet', 'web-7d9f8b6c5'], 'n2', '10.244.2.7', '192.168.1.22');

  it('holds the dumped pods: as many as replicas means no new pod and no event', () => {
    const s = run([...nodes, deployment('web', 2, { app: 'web' }), one, two]);
    expect(podsOf(s, 'web-')).toEqual(['web-7d9f8b6c5-4hq2m', 'web-7d9f8b6c5-n8z7c']);
    expect(s.events.filter((e) => e.object.includes('web'))).toEqual([]);
    // The ReplicaSet is the dump's: its name and uid, owned by the Deployment.
    const rs = s.workloads!.find((w): w is ReplicaSet => w.kind === 'ReplicaSet' && w.metadata.name === 'web-7d9f8b6c5')!;
    expect(rs.metadata.uid).toBe('uid-web-7d9f8b6c5');
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web' });
    expect(rs.spec.replicas).toBe(2);
  });

  it('keeps what each dumped pod carries: node, addresses, phase and conditions', () => {
    const given = dumped('web-7d9f8b6c5-4hq2m', web, ['ReplicaSet', 'web-7d9f8b6c5'], 'n1', '10.244.1.5', '192.168.1.21');
    given.status.conditions = [{ type: 'Ready', status: 'False' }];
    const s = run([...nodes, deployment('web', 1, { app: 'web' }), given]);
    const p = s.pods.find((x) => x.metadata.name === 'web-7d9f8b6c5-4hq2m')!;
    expect(p.spec.nodeName).toBe('n1');
    expect(p.status).toMatchObject({
      phase: 'Running',
      podIP: '10.244.1.5',
      hostIP: '192.168.1.21',
      conditions: [{ type: 'Ready', status: 'False' }],
    });
    expect(s.podNets['default/web-7d9f8b6c5-4hq2m']).toMatchObject({ node: 'n1', ip: '10.244.1.5' });
  });

  it('makes only the missing pods, named by the dump’s ReplicaSet', () => {
    const s = run([...nodes, deployment('web', 3, { app: 'web' }), one]);
    const names = podsOf(s, 'web-');
    expect(names).toHaveLength(3);
    expect(names).toContain('web-7d9f8b6c5-4hq2m');
    for (const n of names) expect(n).toMatch(/^web-7d9f8b6c5-[a-z0-9]{5}$/);
    expect(s.events.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(2);
  });

  it('keeps every dumped pod when the dump shows more than replicas: the dump is the truth', () => {
    const s = run([...nodes, deployment('web', 1, { app: 'web' }), one, two]);
    expect(podsOf(s, 'web-')).toEqual(['web-7d9f8b6c5-4hq2m', 'web-7d9f8b6c5-n8z7c']);
    expect(s.events.some((e) => e.reason === 'SuccessfulDelete')).toBe(false);
  });

  it('finds the owner by uid when the name in the reference is not the ReplicaSet’s', () => {
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-7d9f8b6c5', namespace: 'default', uid: 'rs-uid' },
      spec: {
        replicas: 1,
        selector: { matchLabels: web },
        template: { metadata: { labels: web }, spec: { containers: [{ name: 'web' }] } },
      },
    };
    const renamed = dumped('web-7d9f8b6c5-4hq2m', web, ['ReplicaSet', 'old-name', 'rs-uid'], 'n1', '10.244.1.5', '192.168.1.21');
    const s = run([...nodes, rs, renamed]);
    expect(podsOf(s, 'web-')).toEqual(['web-7d9f8b6c5-4hq2m']);
  });
});

describe('StatefulSet and DaemonSet pods in the dump', () => {
  const sts: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default', uid: 'uid-db' },
    spec: {
      replicas: 3,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db' }] } },
    },
  };
  const ds: DaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'uid-agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent' }] } },
    },
  };

  it('a StatefulSet makes only the ordinals the dump lacks', () => {
    const s = run([
      ...nodes,
      sts,
      dumped('db-0', { app: 'db' }, ['StatefulSet', 'db'], 'n2', '10.244.2.20', '192.168.1.22'),
      dumped('db-1', { app: 'db' }, ['StatefulSet', 'db'], 'n3', '10.244.3.20', '192.168.1.23'),
    ]);
    expect(podsOf(s, 'db-')).toEqual(['db-0', 'db-1', 'db-2']);
    expect(s.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message.params.pod)).toEqual(['db-2']);
    expect(s.pods.find((p) => p.metadata.name === 'db-0')!.status.podIP).toBe('10.244.2.20');
  });

  it('a DaemonSet makes a pod only on the node the dump shows none on', () => {
    const s = run([
      ...nodes,
      ds,
      dumped('agent-x1', { app: 'agent' }, ['DaemonSet', 'agent'], 'n1', '10.244.1.30', '192.168.1.21'),
      dumped('agent-x2', { app: 'agent' }, ['DaemonSet', 'agent'], 'n2', '10.244.2.30', '192.168.1.22'),
    ]);
    const agents = s.pods.filter((p) => p.metadata.name.startsWith('agent-'));
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual(['n1', 'n2', 'n3']);
    expect(agents.filter((p) => p.spec.nodeName !== 'n3').map((p) => p.metadata.name)).toEqual(['agent-x1', 'agent-x2']);
  });
});

describe('a pod bound to a node the dump left out', () => {
  const ghost = dumped('web-7d9f8b6c5-4hq2m', web, ['ReplicaSet', 'web-7d9f8b6c5'], 'n4', '10.244.7.4', '192.168.1.24');

  it('with nodes pasted: adds the node with the pod’s hostIP and a podCIDR holding its address, and says so', () => {
    const s = run([...nodes, ghost]);
    const added = s.nodes.find((n) => n.metadata.name === 'n4')!;
    expect(added.status.addresses?.[0]).toEqual({ type: 'InternalIP', address: '192.168.1.24' });
    expect(added.spec.podCIDR).toBe('10.244.7.0/24');
    // The cluster's own node, which the picture does not tag as a default one.
    expect(s.origins['Node//n4']).toBe('manifest');
    const p = s.pods.find((x) => x.metadata.name === ghost.metadata.name)!;
    expect(p.status).toMatchObject({ phase: 'Running', podIP: '10.244.7.4', hostIP: '192.168.1.24' });
    expect(codes(s)).not.toContain('pod.nodeName.unknown');
    const info = s.diagnostics.find((d) => d.code === 'dump.nodeAdded')!;
    expect(info).toMatchObject({
      severity: 'info',
      params: { node: 'n4', pod: ghost.metadata.name, ip: '192.168.1.24', podCIDR: '10.244.7.0/24' },
    });
    expect(info.file).toMatch(/#spec\.nodeName$/);
    expect(translateDiagnostic('en', info)).toContain('Node "n4" is not in the paste, but pod "web-7d9f8b6c5-4hq2m" runs on it');
    expect(translateDiagnostic('zh-CN', info)).toContain('粘贴内容里没有节点 "n4"');
  });

  it('counts the nodes it adds against the cap of 5,000 nodes: pods on those past it wait, said once', () => {
    const pods = Array.from({ length: 5_001 }, (_, i) => pod(`p${i}`, { app: 'x' }, { nodeName: `m${i}` }, { phase: 'Running' }));
    const s = run([nodes[0]!, ...pods]);
    expect(s.nodes).toHaveLength(5_000);
    const capped = s.diagnostics.filter((d) => d.code === 'limits.nodes');
    expect(capped).toHaveLength(1);
    expect(capped[0]!.params).toMatchObject({ cap: 5_000, left: 2, name: 'm4999' });
    const unknown = s.diagnostics.filter((d) => d.code === 'pod.nodeName.unknown').map((d) => d.params.pod);
    expect(unknown).toEqual(['p4999', 'p5000']);
  });

  it('leaves the podCIDR to node IPAM when the pods there show addresses of two ranges', () => {
    const other = dumped('web-7d9f8b6c5-zz9qq', web, ['ReplicaSet', 'web-7d9f8b6c5'], 'n4', '10.244.8.4', '192.168.1.24');
    const s = run([...nodes, ghost, other]);
    expect(s.nodes.find((n) => n.metadata.name === 'n4')!.spec.podCIDR).toBe('10.244.0.0/24');
  });

  it('with no nodes pasted: a dump’s pod on a node the defaults lack makes the dump’s nodes the cluster’s', () => {
    const s = run([ghost, dumped('web-7d9f8b6c5-n8z7c', web, ['ReplicaSet', 'web-7d9f8b6c5'], 'worker-1', '10.244.1.7', '192.168.1.11')]);
    expect(s.nodes.map((n) => n.metadata.name)).toEqual(['n4', 'worker-1']);
    expect(s.nodes.find((n) => n.metadata.name === 'worker-1')!.status.addresses?.[0]?.address).toBe('192.168.1.11');
  });

  it('a pod the learner bound by hand to a missing node still waits, with the warning, beside the default nodes', () => {
    const s = run([pod('pinned', { app: 'x' }, { nodeName: 'worker-9' })]);
    expect(s.nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(s.pods.find((p) => p.metadata.name === 'pinned')!.status.phase).toBe('Pending');
    expect(codes(s)).toContain('pod.nodeName.unknown');
  });
});

describe('a dump without its nodes (kubectl get services,pods -A -o yaml of the k3s cluster)', () => {
  const text = readFileSync(new URL('./testdata/k3s-dump.yaml', import.meta.url), 'utf8');
  // The same List with its Node items left out.
  const withoutNodes = text.replace(/^- apiVersion: v1\n {2}kind: Node\n(?: {2,}.*\n)+/gm, '');
  const m = deriveModel([{ name: 'pods.yaml', text: withoutNodes }]);

  it('has the nodes its pods ran on, with their addresses, and reads the pod and node networks off the pods', () => {
    expect(withoutNodes).not.toContain('kind: Node');
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const facts = m.state.nodes.map((n) => `${n.metadata.name} ${n.status.addresses?.[0]?.address} ${n.spec.podCIDR}`);
    expect(facts).toEqual([
      'k3s-agent-1 192.168.64.3 10.42.1.0/24',
      'k3s-agent-2 192.168.64.4 10.42.2.0/24',
      'k3s-server 192.168.64.2 10.42.0.0/24',
    ]);
    expect(m.state.config).toMatchObject({ clusterCIDR: '10.42.0.0/16', nodeSubnet: '192.168.64.0/24' });
    const said = m.diagnostics.filter((d) => d.code.startsWith('dump.inferred.'));
    expect(said.map((d) => `${d.code} ${d.params.cidr}`).sort()).toEqual([
      'dump.inferred.clusterCIDR 10.42.0.0/16',
      'dump.inferred.nodeSubnet 192.168.64.0/24',
    ]);
    expect(
      translateDiagnostic(
        'en',
        said.find((d) => d.code === 'dump.inferred.clusterCIDR')!,
      ),
    ).toContain("Pod network taken to be 10.42.0.0/16, from the pods' addresses (pod metrics-server-5985cbc9d7-x2k4q has 10.42.0.3)");
  });

  it('a laptop on the LAN reaches the NodePort at a node’s own address', () => {
    const trace = walkPacket(m, { from: { kind: 'client' }, to: { kind: 'ip', ip: '192.168.64.3', port: 31080, proto: 'tcp' } });
    expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'shop/web' });
  });
});

describe('a dump without the pods its EndpointSlices list (kubectl get services,endpointslices -A -o yaml)', () => {
  const text = readFileSync(new URL('./testdata/k3s-dump.yaml', import.meta.url), 'utf8');
  // The k3s List with the shop pods left out, and one of them shown terminating in its slice.
  const items = text.split(/^(?=- )/m);
  const slices = items
    .filter((item) => !(/^ {2}kind: Pod$/m.test(item) && /^ {4}namespace: shop$/m.test(item)))
    .join('')
    .replace(
      /(- addresses:\n {4}- 10\.42\.2\.7\n {4}conditions:\n) {6}ready: true\n {6}serving: true\n {6}terminating: false/,
      '$1      ready: false\n      serving: true\n      terminating: true',
    );
  const m = deriveModel([{ name: 'slices.yaml', text: slices }]);
  const web = () => m.state.endpointSlices.find((s) => s.metadata.namespace === 'shop' && s.metadata.name === 'web-x7k2p')!;

  it('keeps the slice as pasted, conditions and all, with an info at its first endpoint', () => {
    expect(slices).not.toContain('name: web-7d9f8b6c5-4hq2m\n    namespace: shop\n    labels');
    expect(web().endpoints.map((e) => `${e.addresses[0]} ${e.nodeName} ${JSON.stringify(e.conditions)}`)).toEqual([
      '10.42.1.5 k3s-agent-1 {"ready":true,"serving":true,"terminating":false}',
      '10.42.2.7 k3s-agent-2 {"ready":false,"serving":true,"terminating":true}',
    ]);
    expect(m.state.endpointSlices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')).toHaveLength(1);
    const info = m.diagnostics.filter((d) => d.code === 'dump.sliceKept');
    const firstEndpoint = slices.slice(0, slices.indexOf('  - addresses:\n    - 10.42.1.5')).split('\n').length;
    expect(info.map((d) => `${d.severity} ${d.line} ${d.params.pod} ${d.params.pods}`)).toEqual([
      `info ${firstEndpoint} web-7d9f8b6c5-4hq2m 2`,
    ]);
    expect(translateDiagnostic('en', info[0]!)).toContain('PacketWalk added each such pod as the slice shows it');
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('adds the pods it lists where it shows them, ready as it shows them', () => {
    const pods = m.state.pods.filter((p) => p.metadata.namespace === 'shop');
    expect(
      pods.map(
        (p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP} ${p.status.conditions?.find((c) => c.type === 'Ready')?.status}`,
      ),
    ).toEqual(['web-7d9f8b6c5-4hq2m k3s-agent-1 10.42.1.5 True', 'web-7d9f8b6c5-n8z7c k3s-agent-2 10.42.2.7 False']);
  });

  it('kube-proxy uses the ready endpoint, and a walk to the Service reaches its pod', () => {
    const rules = iptablesRestore(m.state, 'k3s-agent-2', 4);
    expect(rules).toContain('--comment "shop/web:http -> 10.42.1.5:8080" -j KUBE-SEP-');
    expect(rules).not.toContain('-> 10.42.2.7:8080');
    const trace = walkPacket(m, {
      from: { kind: 'node', name: 'k3s-agent-2' },
      to: { kind: 'ip', ip: '10.43.52.200', port: 80, proto: 'tcp' },
    });
    expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'shop/web', pod: 'shop/web-7d9f8b6c5-4hq2m' });
  });
});

describe('built-ins are the dump’s own, never doubled', () => {
  const dns = { 'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc' };
  const systemPods = (s: ClusterState) =>
    s.pods.filter((p) => p.metadata.namespace !== 'default').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);

  it('the dump’s CoreDNS pods are CoreDNS: no model-made ones beside them', () => {
    const coredns = dumped('coredns-668d6bf9bc-8vq2n', dns, ['ReplicaSet', 'coredns-668d6bf9bc'], 'n1', '10.244.1.2', '192.168.1.21');
    coredns.metadata.namespace = 'kube-system';
    const s = run([...nodes, coredns]);
    expect(systemPods(s).filter((p) => p.includes('coredns'))).toEqual(['kube-system/coredns-668d6bf9bc-8vq2n']);
    // kube-dns answers from the dump's pod.
    const slice = s.endpointSlices.find((e) => e.metadata.labels?.['kubernetes.io/service-name'] === 'kube-dns')!;
    expect(slice.endpoints.map((e) => e.addresses[0])).toEqual(['10.244.1.2']);
  });

  it('the dump’s kube-proxy pods are kube-proxy’s: one per node, none added', () => {
    const kp = ['n1', 'n2', 'n3'].map((n, i) => {
      const p = dumped(
        `kube-proxy-${n}x`,
        { 'k8s-app': 'kube-proxy' },
        ['DaemonSet', 'kube-proxy'],
        n,
        `192.168.1.2${i + 1}`,
        `192.168.1.2${i + 1}`,
      );
      p.metadata.namespace = 'kube-system';
      p.spec.hostNetwork = true;
      return p;
    });
    const s = run([...nodes, ...kp]);
    expect(systemPods(s).filter((p) => p.includes('kube-proxy'))).toEqual([
      'kube-system/kube-proxy-n1x',
      'kube-system/kube-proxy-n2x',
      'kube-system/kube-proxy-n3x',
    ]);
  });

  it('k3s runs kube-proxy and flannel inside its own process: no pods for them, the same rules', () => {
    const k3sNode = { ...node('k3s-1', '192.168.64.2', '10.244.0.0/24') };
    k3sNode.metadata.labels = { 'node.kubernetes.io/instance-type': 'k3s' };
    const s = run([k3sNode]);
    expect(systemPods(s).filter((p) => /kube-proxy|flannel/.test(p))).toEqual([]);
    expect(s.namespaces.map((n) => n.metadata.name)).not.toContain('kube-flannel');
  });

  it('a dump that shows another CNI (kindnet) has no flannel pods', () => {
    const kindnet = dumped('kindnet-4wz8d', { app: 'kindnet' }, ['DaemonSet', 'kindnet'], 'n1', '192.168.1.21', '192.168.1.21');
    kindnet.metadata.namespace = 'kube-system';
    const s = run([...nodes, kindnet]);
    expect(systemPods(s).filter((p) => p.includes('flannel'))).toEqual([]);
    expect(systemPods(s).filter((p) => p.includes('kube-proxy'))).toHaveLength(3);
  });
});

/** Each dump's pods, as `ns/name node podIP hostIP phase`. */
function podFacts(pods: Pod[]): string[] {
  return pods
    .map((p) => `${p.metadata.namespace}/${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP} ${p.status.hostIP} ${p.status.phase}`)
    .sort();
}

interface DumpCase {
  file: string;
  /** A dumped pod, the Service it asks for by name, and the pods behind it. */
  from: string;
  to: string;
  port: number;
  backends: string[];
  /** A node and a rule kube-proxy writes there from the dump's addresses. */
  node: string;
  rule: string;
}

const cases: DumpCase[] = [
  {
    file: 'k3s-dump.yaml',
    from: 'kube-system/metrics-server-5985cbc9d7-x2k4q',
    to: 'web.shop',
    port: 80,
    backends: ['shop/web-7d9f8b6c5-4hq2m', 'shop/web-7d9f8b6c5-n8z7c'],
    node: 'k3s-agent-1',
    rule: '-A KUBE-NODEPORTS -m comment --comment shop/web:http -m tcp -p tcp --dport 31080 -j KUBE-EXT-',
  },
  {
    file: 'kind-dump.yaml',
    from: 'default/web-6d4cf56db6-g5tqz',
    to: 'api',
    port: 8080,
    backends: ['default/api-5c8d9b7f4b-b7x9k'],
    node: 'kind-worker',
    rule: '--comment "default/api:http -> 10.244.1.4:8080" -j KUBE-SEP-',
  },
  {
    file: 'kubeadm-dump.yaml',
    from: 'shop/storefront-59b8c6d7f8-c2d9p',
    to: 'cart',
    port: 9090,
    backends: ['shop/cart-84c7d6f5d9-j4lmt', 'shop/cart-84c7d6f5d9-vq8zs'],
    node: 'node-1',
    rule: '-A KUBE-NODEPORTS -m comment --comment shop/storefront:http -m tcp -p tcp --dport 3080 -j KUBE-EXT-',
  },
];

describe.each(cases)('$file round-trips', (c) => {
  const text = readFileSync(new URL(`./testdata/${c.file}`, import.meta.url), 'utf8');
  const m = deriveModel([{ name: c.file, text }]);
  const pasted = m.manifests.map((x) => x.object);
  const pastedPods = pasted.filter((o): o is Pod => o.kind === 'Pod');

  it('derives with no error or warning', () => {
    expect(m.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([]);
  });

  it('holds exactly the dumped pods, each where the dump put it with its addresses and phase', () => {
    expect(podFacts(m.state.pods)).toEqual(podFacts(pastedPods));
  });

  it('keeps the dumped ClusterIPs and node ports', () => {
    const facts = (svcs: typeof m.state.services) =>
      svcs
        .map(
          (s) =>
            `${s.metadata.namespace}/${s.metadata.name} ${s.spec.clusterIP} ${(s.spec.ports ?? []).map((p) => p.nodePort ?? '-').join(',')}`,
        )
        .sort();
    expect(facts(m.state.services)).toEqual(facts(pasted.filter((o) => o.kind === 'Service') as typeof m.state.services));
  });

  it('kube-proxy’s rules use the dumped addresses and ports', () => {
    expect(iptablesRestore(m.state, c.node, 4)).toContain(c.rule);
  });

  it('a walk from a dumped pod to a dumped Service, by name through DNS, reaches a dumped pod', () => {
    const [namespace, name] = c.from.split('/') as [string, string];
    const trace = walkPacket(m, { from: { kind: 'pod', namespace, name }, to: { kind: 'name', name: c.to, port: c.port, proto: 'tcp' } });
    expect(trace.outcome.result).toBe('delivered');
    expect(c.backends).toContain(trace.outcome.pod);
  });
});

describe('the gallery’s “Your cluster’s dump” (public/scenarios/cluster-dump.yaml)', () => {
  const name = 'cluster-dump.yaml';
  const text = readFileSync(new URL(`../../../public/scenarios/${name}`, import.meta.url), 'utf8');
  const m = deriveModel([{ name, text }]);

  it('is a k3s dump taken as it is: no error or warning, its pods and no others (k3s has no kube-proxy or flannel pods)', () => {
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const pasted = m.manifests.map((x) => x.object).filter((o): o is Pod => o.kind === 'Pod');
    expect(podFacts(m.state.pods)).toEqual(podFacts(pasted));
    expect(m.state.nodes.map((n) => n.metadata.name)).toEqual(['k3s-agent', 'k3s-agent-2', 'k3s-server']);
  });
});
