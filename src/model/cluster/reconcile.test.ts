import { describe, expect, it } from 'vitest';
import { cidrContains } from '../net';
import type { Endpoints, EndpointSlice, KubeProxyConfiguration, Manifest, Node, StatefulSet, DaemonSet } from '../manifest/types';
import { reconcile } from './reconcile';
import { deployment, hostnames, manifest, pod, service } from './testFixtures';
import type { ClusterState } from './types';

const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
const podsOf = (s: ClusterState, prefix: string, ns = 'default') =>
  s.pods.filter((p) => p.metadata.namespace === ns && p.metadata.name.startsWith(prefix));
const slicesOf = (s: ClusterState, svc: string, ns = 'default') =>
  s.endpointSlices.filter((e) => e.metadata.namespace === ns && e.metadata.labels?.['kubernetes.io/service-name'] === svc);
const codes = (s: ClusterState) => s.diagnostics.map((d) => d.code);

function node(name: string, labels: Record<string, string> = {}, spec: Node['spec'] = {}, status: Node['status'] = {}): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec, status };
}

describe('default cluster', () => {
  const s = reconcile([]);

  it('has the three kubeadm nodes with their addresses, podCIDRs and the control-plane taint', () => {
    expect(s.nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(s.nodes.map((n) => n.status.addresses?.find((a) => a.type === 'InternalIP')?.address)).toEqual([
      '192.168.1.10',
      '192.168.1.11',
      '192.168.1.12',
    ]);
    expect(s.nodes.map((n) => n.spec.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
    expect(s.nodes[0]!.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(s.nodes[0]!.metadata.labels).toHaveProperty('node-role.kubernetes.io/control-plane', '');
    expect(s.nodes[1]!.spec.taints ?? []).toEqual([]);
    expect(s.nodes.every((n) => n.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))).toBe(true);
    expect(s.origins['Node//worker-1']).toBe('default');
  });

  it('gives each node eth0, cni0 on the first pod address and the flannel VTEP on the network address', () => {
    const h = s.hosts['worker-1']!;
    expect(h.nic).toMatchObject({ name: 'eth0', ip: '192.168.1.11' });
    expect(h.nic.mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    expect(h.cni0).toMatchObject({ ip: '10.244.1.1', cidr: '10.244.1.0/24' });
    expect(h.vtep).toMatchObject({ name: 'flannel.1', ip: '10.244.1.0' });
    expect(new Set(Object.values(s.hosts).flatMap((x) => [x.nic.mac, x.cni0.mac, x.vtep.mac])).size).toBe(9);
  });

  it('uses the kubeadm + flannel configuration', () => {
    expect(s.config).toMatchObject({
      clusterCIDR: '10.244.0.0/16',
      serviceCIDR: '10.96.0.0/12',
      nodeCIDRMaskSize: 24,
      nodePortRange: [30000, 32767],
      clusterDomain: 'cluster.local',
      dnsServiceIP: '10.96.0.10',
      nodeSubnet: '192.168.1.0/24',
      fromManifests: [],
    });
    expect(s.config.proxy).toMatchObject({ mode: 'iptables', masqueradeBit: 14, localhostNodePorts: true, detectLocalMode: 'ClusterCIDR' });
  });

  it('has the built-in namespaces, Services, CoreDNS, kube-proxy and flannel pods', () => {
    expect(s.namespaces.map((n) => n.metadata.name)).toEqual(['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system']);
    const k8s = s.services.find((x) => x.metadata.name === 'kubernetes')!;
    expect(k8s.spec.clusterIP).toBe('10.96.0.1');
    expect(k8s.spec.ports).toEqual([{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }]);
    expect(slicesOf(s, 'kubernetes')[0]).toMatchObject({
      metadata: { name: 'kubernetes' },
      endpoints: [{ addresses: ['192.168.1.10'] }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
    const dns = s.services.find((x) => x.metadata.name === 'kube-dns')!;
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    expect(dns.spec.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);

    const coredns = podsOf(s, 'coredns-', 'kube-system');
    expect(coredns).toHaveLength(2);
    for (const p of coredns) {
      expect(p.metadata.name).toMatch(new RegExp(`^coredns-[4-9bcdf]{6,10}-${SUFFIX}$`));
      expect(p.metadata.labels).toMatchObject({ 'k8s-app': 'kube-dns' });
      expect(p.spec.containers[0]!.ports?.map((x) => x.name)).toEqual(['dns', 'dns-tcp', 'metrics']);
      expect(s.origins[`Pod/kube-system/${p.metadata.name}`]).toBe('builtin');
    }
    // CoreDNS tolerates the control-plane taint, so one replica lands there; the other on a worker.
    // Built-in pods take the first address after cni0 on their node.
    const nodes = coredns.map((p) => p.spec.nodeName!).sort();
    expect(nodes[0]).toBe('control-plane');
    expect(nodes[1]).toMatch(/^worker-[12]$/);
    for (const p of coredns) {
      const index = s.nodes.findIndex((n) => n.metadata.name === p.spec.nodeName);
      expect(p.status.podIP).toBe(`10.244.${index}.2`);
    }
    expect(slicesOf(s, 'kube-dns', 'kube-system')[0]!.endpoints).toHaveLength(2);

    for (const [prefix, ns] of [
      ['kube-flannel-ds-', 'kube-flannel'],
      ['kube-proxy-', 'kube-system'],
    ] as const) {
      const pods = podsOf(s, prefix, ns);
      expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2']);
      for (const p of pods) {
        expect(p.metadata.name).toMatch(new RegExp(`^${prefix}${SUFFIX}$`));
        expect(p.spec.hostNetwork).toBe(true);
        expect(p.status.podIP).toBe(s.hosts[p.spec.nodeName!]!.nic.ip);
      }
    }
    expect(s.diagnostics).toEqual([]);
  });
});

describe('the seed hostnames example', () => {
  const s = reconcile(hostnames());
  const pods = podsOf(s, 'hostnames-');

  it('runs 3 pods named like a real Deployment, spread over the workers and none on the control plane', () => {
    expect(pods).toHaveLength(3);
    const hash = pods[0]!.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(/^[4-9bcdf]{6,10}$/);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^hostnames-${hash}-${SUFFIX}$`));
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: `hostnames-${hash}`, controller: true });
      expect(p.status.phase).toBe('Running');
      expect(p.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    }
    const perNode = pods.map((p) => p.spec.nodeName).sort();
    expect(new Set(perNode)).toEqual(new Set(['worker-1', 'worker-2']));
    const rs = s.workloads!.find((w) => w.kind === 'ReplicaSet' && w.metadata.name === `hostnames-${hash}`)!;
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'hostnames' });
    expect(s.origins[`ReplicaSet/default/hostnames-${hash}`]).toBe('controller');
    expect(s.sources[`Pod/default/${pods[0]!.metadata.name}`]!.pos.line).toBe(s.sources['Deployment/default/hostnames']!.pos.line);
  });

  it('gives each pod an address of its node podCIDR past cni0, and a veth and MAC', () => {
    for (const p of pods) {
      const node = s.nodes.find((n) => n.metadata.name === p.spec.nodeName)!;
      expect(cidrContains(node.spec.podCIDR!, p.status.podIP!)).toBe(true);
      expect(p.status.podIP).not.toMatch(/\.(0|1|255)$/);
      expect(p.status.hostIP).toBe(s.hosts[node.metadata.name]!.nic.ip);
      const net = s.podNets[`default/${p.metadata.name}`]!;
      expect(net).toMatchObject({ node: node.metadata.name, ip: p.status.podIP, hostNetwork: false });
      expect(net.veth).toMatch(/^veth[0-9a-f]{8}$/);
    }
    expect(new Set(pods.map((p) => p.status.podIP)).size).toBe(3);
  });

  it('gives the Service a ClusterIP and an EndpointSlice with the three pods on 9376', () => {
    const svc = s.services.find((x) => x.metadata.name === 'hostnames')!;
    expect(cidrContains('10.96.0.0/12', svc.spec.clusterIP!)).toBe(true);
    expect(['10.96.0.1', '10.96.0.10']).not.toContain(svc.spec.clusterIP);
    const [slice, ...rest] = slicesOf(s, 'hostnames');
    expect(rest).toEqual([]);
    expect(slice!.metadata.name).toMatch(new RegExp(`^hostnames-${SUFFIX}$`));
    expect(slice!.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'hostnames',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: 'default', port: 9376, protocol: 'TCP' }]);
    expect(slice!.endpoints.map((e) => e.addresses[0]).sort()).toEqual(pods.map((p) => p.status.podIP).sort());
    for (const e of slice!.endpoints) {
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
      expect(e.targetRef).toMatchObject({ kind: 'Pod', namespace: 'default' });
      expect(e.nodeName).toMatch(/^worker-/);
    }
  });

  it('records events the way kubectl describe shows them', () => {
    const scheduled = s.events.filter((e) => e.reason === 'Scheduled');
    expect(scheduled).toHaveLength(3);
    expect(scheduled[0]!.message.key).toBe('event.Scheduled');
    expect(s.events.some((e) => e.object === 'Deployment/default/hostnames' && e.reason === 'ScalingReplicaSet')).toBe(true);
    expect(s.diagnostics).toEqual([]);
  });
});

describe('stability: editing one object never renumbers the others', () => {
  const before = reconcile(hostnames());
  const ident = (s: ClusterState) => Object.fromEntries(s.pods.map((p) => [p.metadata.name, `${p.spec.nodeName} ${p.status.podIP}`]));

  it('adding a Deployment and a Service keeps every existing pod name, node, IP and ClusterIP', () => {
    const after = reconcile([
      manifest(deployment('aaa', 7, { app: 'aaa' })),
      ...hostnames(),
      manifest(service('aaa', { app: 'aaa' }, [{ port: 80 }])),
    ]);
    const old = ident(before);
    const now = ident(after);
    for (const [name, where] of Object.entries(old)) expect(now[name]).toBe(where);
    expect(Object.keys(now)).toHaveLength(Object.keys(old).length + 7);
    const ip = (s: ClusterState) => s.services.find((x) => x.metadata.name === 'hostnames')!.spec.clusterIP;
    expect(ip(after)).toBe(ip(before));
  });

  it('scaling 3 -> 5 keeps the first three pods as they were', () => {
    const scaled = hostnames();
    (scaled[1]!.object as ReturnType<typeof deployment>).spec.replicas = 5;
    const after = reconcile(scaled);
    const now = ident(after);
    for (const p of podsOf(before, 'hostnames-')) expect(now[p.metadata.name]).toBe(`${p.spec.nodeName} ${p.status.podIP}`);
    expect(podsOf(after, 'hostnames-')).toHaveLength(5);
  });

  it('the same manifests always give the same cluster', () => {
    const input = hostnames();
    const copy = JSON.stringify(input.map((m) => m.object));
    expect(JSON.stringify(reconcile(input))).toBe(JSON.stringify(reconcile(input)));
    expect(JSON.stringify(input.map((m) => m.object))).toBe(copy); // the input is never mutated
  });
});

describe('workload kinds', () => {
  it('names StatefulSet pods by ordinal with hostname and subdomain, and headless slices carry hostnames', () => {
    const sts: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        serviceName: 'web',
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80, name: 'http' }] }] },
        },
      },
    };
    const s = reconcile([
      manifest(sts),
      manifest(service('web', { app: 'web' }, [{ port: 80, targetPort: 'http' }], { clusterIP: 'None' })),
    ]);
    const pods = podsOf(s, 'web-');
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(pods[1]!.spec).toMatchObject({ hostname: 'web-1', subdomain: 'web' });
    expect(pods[1]!.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(s.services.find((x) => x.metadata.name === 'web')!.spec.clusterIP).toBe('None');
    const [slice] = slicesOf(s, 'web');
    expect(slice!.metadata.labels).toHaveProperty('service.kubernetes.io/headless', '');
    expect(slice!.endpoints.map((e) => e.hostname)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(slice!.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });

  const daemonSet = (tolerations: DaemonSet['spec']['template']['spec']['tolerations'] = []): DaemonSet => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a' }], tolerations } },
    },
  });

  it('runs one DaemonSet pod per schedulable node, on the control plane only if tolerated', () => {
    const s = reconcile([manifest(daemonSet())]);
    const pods = podsOf(s, 'agent-');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['worker-1', 'worker-2']);
    expect(pods[0]!.metadata.name).toMatch(new RegExp(`^agent-${SUFFIX}$`));
    expect(pods[0]!.spec.tolerations?.map((t) => t.key)).toContain('node.kubernetes.io/unschedulable');
    expect(s.events.some((e) => e.reason === 'FailedScheduling')).toBe(false);

    const all = reconcile([
      manifest(daemonSet([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }])),
    ]);
    expect(
      podsOf(all, 'agent-')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['control-plane', 'worker-1', 'worker-2']);
  });

  it('honours nodeSelector on learner-given nodes, which replace the defaults', () => {
    const s = reconcile([
      manifest(node('n1')),
      manifest(node('n2', { disk: 'ssd' })),
      manifest(node('n3', { disk: 'ssd' })),
      manifest(deployment('db', 4, { app: 'db' }, { nodeSelector: { disk: 'ssd' } })),
    ]);
    expect(s.nodes.map((n) => `${n.metadata.name} ${n.spec.podCIDR}`)).toEqual([
      'n1 10.244.0.0/24',
      'n2 10.244.1.0/24',
      'n3 10.244.2.0/24',
    ]);
    expect(s.origins['Node//n1']).toBe('manifest');
    expect(
      podsOf(s, 'db-')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['n2', 'n2', 'n3', 'n3']);
  });

  it('keeps given podCIDRs and addresses and hands the next free ones to nodes without', () => {
    const s = reconcile([
      manifest(node('a', {}, { podCIDR: '10.244.0.0/24' }, { addresses: [{ type: 'InternalIP', address: '192.168.1.10' }] })),
      manifest(node('b')),
    ]);
    expect(s.nodes.map((n) => n.spec.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24']);
    expect(s.hosts['b']!.nic.ip).toBe('192.168.1.11');
  });

  it('leaves pods that fit nowhere Pending, with FailedScheduling and a warning at the workload', () => {
    const s = reconcile([manifest(deployment('gpu', 2, { app: 'gpu' }, { nodeSelector: { gpu: 'true' } }), 7)]);
    const pods = podsOf(s, 'gpu-');
    expect(pods.map((p) => p.status.phase)).toEqual(['Pending', 'Pending']);
    expect(pods[0]!.status.podIP).toBeUndefined();
    const failed = s.events.find((e) => e.reason === 'FailedScheduling' && e.object.startsWith('Pod/default/gpu-'))!;
    expect(failed.type).toBe('Warning');
    expect(failed.message.params.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const d = s.diagnostics.find((x) => x.code === 'workload.unschedulable')!;
    expect(d).toMatchObject({ severity: 'warning', line: 7, params: { kind: 'Deployment', name: 'gpu', pending: 2 } });
  });

  it('keeps what pasted pods already carry: node, IP and a not-ready condition', () => {
    const s = reconcile([
      manifest(
        pod(
          'given',
          { app: 'x' },
          { nodeName: 'worker-2' },
          {
            podIP: '10.244.2.77',
            conditions: [{ type: 'Ready', status: 'False' }],
          },
        ),
      ),
      manifest(service('x', { app: 'x' }, [{ port: 80 }])),
    ]);
    const p = s.pods.find((x) => x.metadata.name === 'given')!;
    expect(p.status).toMatchObject({ podIP: '10.244.2.77', phase: 'Running', hostIP: '192.168.1.12' });
    expect(slicesOf(s, 'x')[0]!.endpoints[0]!.conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(s.events.some((e) => e.reason === 'Scheduled' && e.object === 'Pod/default/given')).toBe(false);
  });

  it('gives hostNetwork pods their node address', () => {
    const s = reconcile([manifest(pod('h', {}, { hostNetwork: true, nodeName: 'worker-1' }))]);
    expect(s.pods.find((p) => p.metadata.name === 'h')!.status.podIP).toBe('192.168.1.11');
    expect(s.podNets['default/h']).toMatchObject({ hostNetwork: true, ip: '192.168.1.11' });
  });

  it('leaves a pod Pending with an error when its node podCIDR has no free address', () => {
    const s = reconcile([
      // A /29 leaves 5 addresses after cni0: two go to CoreDNS, three to web.
      manifest(node('tiny', {}, { podCIDR: '10.244.9.0/29' })),
      manifest(deployment('web', 4, { app: 'web' }), 4),
    ]);
    const pods = podsOf(s, 'web-');
    expect(
      pods
        .filter((p) => p.status.podIP)
        .map((p) => p.status.podIP)
        .sort(),
    ).toEqual(['10.244.9.4', '10.244.9.5', '10.244.9.6']);
    expect(pods.filter((p) => p.status.phase === 'Pending')).toHaveLength(1);
    expect(s.diagnostics.find((d) => d.code === 'pod.podCIDR.exhausted')).toMatchObject({
      severity: 'error',
      line: 4,
      params: { pods: 1 },
    });
    expect(s.events.some((e) => e.reason === 'FailedCreatePodSandBox')).toBe(true);
  });
});

describe('EndpointSlices', () => {
  it('resolves a named targetPort per pod and groups pods by the ports they resolve to', () => {
    const withPort = deployment(
      'v1',
      2,
      { app: 'web', v: '1' },
      { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
    );
    const withOther = deployment(
      'v2',
      1,
      { app: 'web', v: '2' },
      { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] }] },
    );
    const without = deployment('v3', 1, { app: 'web', v: '3' });
    const s = reconcile([
      manifest(withPort),
      manifest(withOther),
      manifest(without),
      manifest(service('web', { app: 'web' }, [{ name: 'http', port: 80, targetPort: 'http' }])),
    ]);
    const slices = slicesOf(s, 'web');
    const byPort = Object.fromEntries(slices.map((x) => [x.ports.map((p) => p.port).join(',') || 'none', x.endpoints.length]));
    expect(byPort).toEqual({ '8080': 2, '9090': 1, none: 1 });
    expect(codes(s)).not.toContain('service.targetPort.unresolved');
  });

  it('warns at the targetPort when no selected pod declares the name', () => {
    const s = reconcile([
      ...hostnames().slice(1),
      manifest(service('hostnames', { app: 'hostnames' }, [{ port: 80, targetPort: 'web' }]), 12),
    ]);
    const d = s.diagnostics.find((x) => x.code === 'service.targetPort.unresolved')!;
    expect(d).toMatchObject({ severity: 'warning', line: 12, file: 'test.yaml#spec.ports.0.targetPort', params: { targetPort: 'web' } });
    expect(slicesOf(s, 'hostnames')[0]!.ports).toEqual([]);
  });

  it('reports a selector that matches nothing and keeps the empty placeholder slice', () => {
    const s = reconcile([hostnames()[1]!, manifest(service('typo', { app: 'hostname' }, [{ port: 80 }]), 20)]);
    expect(s.diagnostics.find((x) => x.code === 'service.noEndpoints')).toMatchObject({
      severity: 'info',
      line: 20,
      file: 'test.yaml#spec.selector',
    });
    const slices = slicesOf(s, 'typo');
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ endpoints: [], ports: [] });
  });

  it('mirrors manual Endpoints of a Service without selector', () => {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external', namespace: 'default' },
      subsets: [
        { addresses: [{ ip: '192.168.1.50' }], notReadyAddresses: [{ ip: '192.168.1.51' }], ports: [{ port: 3306, protocol: 'TCP' }] },
      ],
    };
    const s = reconcile([manifest(service('external', undefined, [{ port: 3306 }])), manifest(ep)]);
    const [slice, ...rest] = slicesOf(s, 'external');
    expect(rest).toEqual([]);
    expect(slice!.metadata.name).toMatch(new RegExp(`^external-${SUFFIX}$`));
    expect(slice!.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slice!.endpoints).toEqual([
      { addresses: ['192.168.1.50'], conditions: { ready: true } },
      { addresses: ['192.168.1.51'], conditions: { ready: false } },
    ]);
    expect(slice!.ports).toEqual([{ name: '', port: 3306, protocol: 'TCP' }]);
    expect(s.origins[`EndpointSlice/default/${slice!.metadata.name}`]).toBe('controller');
  });

  it('keeps learner EndpointSlices for a Service without selector', () => {
    const given: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'ext-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'ext' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.5'], conditions: { ready: true } }],
      ports: [{ port: 80, protocol: 'TCP' }],
    };
    const s = reconcile([manifest(service('ext', undefined, [{ port: 80 }])), manifest(given)]);
    expect(slicesOf(s, 'ext').map((x) => x.metadata.name)).toEqual(['ext-1']);
    expect(codes(s)).not.toContain('service.noSelectorNoEndpoints');
  });
});

describe('Services', () => {
  it('rejects a second Service asking for a taken clusterIP, and one outside the service CIDR', () => {
    const s = reconcile([
      manifest(service('a', { app: 'a' }, [{ port: 80 }], { clusterIP: '10.96.100.100' })),
      manifest(service('b', { app: 'b' }, [{ port: 80 }], { clusterIP: '10.96.100.100' }), 30),
      manifest(service('c', { app: 'c' }, [{ port: 80 }], { clusterIP: '10.0.0.10' }), 40),
      manifest(service('dns-clash', { app: 'd' }, [{ port: 80 }], { clusterIP: '10.96.0.10' }), 50),
    ]);
    expect(s.services.find((x) => x.metadata.name === 'a')!.spec.clusterIP).toBe('10.96.100.100');
    expect(s.services.map((x) => x.metadata.name)).not.toContain('b');
    expect(s.diagnostics.find((d) => d.code === 'service.clusterIP.taken')).toMatchObject({
      severity: 'error',
      line: 30,
      file: 'test.yaml#spec.clusterIP',
    });
    expect(s.diagnostics.find((d) => d.code === 'service.clusterIP.outOfRange')).toMatchObject({
      line: 40,
      params: { serviceCIDR: '10.96.0.0/12' },
    });
    expect(s.diagnostics.filter((d) => d.code === 'service.clusterIP.taken').map((d) => d.line)).toEqual([30, 50]);
  });

  it('allocates NodePorts in range, keeps given ones and rejects out-of-range and taken ones', () => {
    const s = reconcile([
      manifest(service('np', { app: 'a' }, [{ port: 80 }, { name: 'b', port: 81, nodePort: 30080 }], { type: 'NodePort' })),
      manifest(service('dup', { app: 'a' }, [{ port: 80, nodePort: 30080 }], { type: 'NodePort' }), 60),
      manifest(service('low', { app: 'a' }, [{ port: 80, nodePort: 80 }], { type: 'NodePort' }), 70),
    ]);
    const np = s.services.find((x) => x.metadata.name === 'np')!;
    expect(np.spec.ports[1]!.nodePort).toBe(30080);
    expect(np.spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports[0]!.nodePort).toBeLessThanOrEqual(32767);
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    expect(s.diagnostics.find((d) => d.code === 'service.nodePort.taken')).toMatchObject({
      line: 60,
      file: 'test.yaml#spec.ports.0.nodePort',
    });
    expect(s.diagnostics.find((d) => d.code === 'service.nodePort.outOfRange')).toMatchObject({ line: 70, params: { port: 80 } });
    expect(s.services.map((x) => x.metadata.name)).not.toContain('dup');
  });

  it('gives ExternalName Services neither an address nor slices', () => {
    const s = reconcile([manifest(service('ext', undefined, [], { type: 'ExternalName', externalName: 'example.com' }))]);
    expect(s.services.find((x) => x.metadata.name === 'ext')!.spec.clusterIP).toBeUndefined();
    expect(slicesOf(s, 'ext')).toEqual([]);
  });
});

describe('overrides and configuration', () => {
  it('lets learner objects replace built-ins of the same name', () => {
    const dns = service('kube-dns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', port: 53, protocol: 'UDP' }], { clusterIP: '10.96.0.10' });
    dns.metadata.namespace = 'kube-system';
    const s = reconcile([manifest(dns)]);
    const found = s.services.filter((x) => x.metadata.name === 'kube-dns');
    expect(found).toHaveLength(1);
    expect(found[0]!.spec.ports).toHaveLength(1);
    expect(s.origins['Service/kube-system/kube-dns']).toBe('manifest');
    expect(s.origins['Service/default/kubernetes']).toBe('builtin');
  });

  it('applies KubeProxyConfiguration fields and says which came from the manifests', () => {
    const kpc: KubeProxyConfiguration = {
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      mode: 'ipvs',
      clusterCIDR: '10.32.0.0/16',
      iptables: { masqueradeAll: true },
    };
    const s = reconcile([manifest(kpc)]);
    expect(s.config.clusterCIDR).toBe('10.32.0.0/16');
    expect(s.config.proxy).toMatchObject({ mode: 'ipvs', clusterCIDR: '10.32.0.0/16', masqueradeAll: true, masqueradeBit: 14 });
    expect(s.config.fromManifests.sort()).toEqual(['clusterCIDR', 'proxy.clusterCIDR', 'proxy.masqueradeAll', 'proxy.mode']);
    expect(s.nodes[1]!.spec.podCIDR).toBe('10.32.1.0/24');
    expect(s.kubeProxyConfiguration).toBe(kpc);
  });

  it('reports a duplicate object and uses the later one', () => {
    const s = reconcile([manifest(deployment('x', 1, { app: 'x' }), 3), manifest(deployment('x', 2, { app: 'x' }), 9)]);
    expect(podsOf(s, 'x-')).toHaveLength(2);
    expect(s.diagnostics.find((d) => d.code === 'object.duplicate')).toMatchObject({ line: 9, params: { line: 3 } });
  });

  it('rejects a Deployment whose selector does not select its template', () => {
    const d = deployment('bad', 2, { app: 'bad' });
    d.spec.selector = { matchLabels: { app: 'other' } };
    const s = reconcile([manifest(d, 5)]);
    expect(podsOf(s, 'bad-')).toEqual([]);
    expect(s.diagnostics.find((x) => x.code === 'workload.selectorMismatch')).toMatchObject({ severity: 'error', line: 5 });
  });

  it('adopts a pasted ReplicaSet and its pods instead of making new ones', () => {
    const first = reconcile(hostnames());
    const rs = first.workloads!.find((w) => w.kind === 'ReplicaSet' && w.metadata.name.startsWith('hostnames-'))!;
    const pods = podsOf(first, 'hostnames-');
    const dump: Manifest[] = [...hostnames(), manifest(rs), ...pods.map((p) => manifest(p))];
    const again = reconcile(dump);
    expect(podsOf(again, 'hostnames-').map((p) => `${p.metadata.name} ${p.status.podIP}`)).toEqual(
      pods.map((p) => `${p.metadata.name} ${p.status.podIP}`),
    );
  });
});

describe('robustness', () => {
  it('never throws on half-decoded objects', () => {
    const broken = [
      { object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: {} } },
      { object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'y' } } },
      { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'z' } } },
      { object: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'y' }, subsets: [{ addresses: [{ ip: 'nope' }] }] } },
      { object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { podCIDR: 'garbage' } } },
    ].map((m, i) => ({ ...m, source: manifest(pod('p', {}), i).source })) as unknown as Manifest[];
    const s = reconcile(broken);
    expect(codes(s)).not.toContain('reconcile.internal');
    expect(codes(s)).toContain('node.podCIDR.invalid');
  });
});

describe('more API and controller behaviour', () => {
  it('creates a missing namespace with a warning instead of losing the object', () => {
    const p = pod('shop-client', {});
    p.metadata.namespace = 'shop';
    const s = reconcile([manifest(p, 8)]);
    expect(s.namespaces.map((n) => n.metadata.name)).toContain('shop');
    expect(s.origins['Namespace//shop']).toBe('default');
    expect(s.diagnostics.find((d) => d.code === 'namespace.implied')).toMatchObject({ line: 8, file: 'test.yaml#metadata.namespace' });
    expect(s.pods.find((x) => x.metadata.name === 'shop-client')!.status.phase).toBe('Running');
  });

  it('ignores hand-written Endpoints of a Service that has a selector, and says so', () => {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'hostnames', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 9376 }] }],
    };
    const s = reconcile([...hostnames(), manifest(ep)]);
    expect(slicesOf(s, 'hostnames').flatMap((x) => x.endpoints.map((e) => e.addresses[0]))).not.toContain('1.2.3.4');
    expect(codes(s)).toContain('endpoints.serviceHasSelector');
  });

  it('gives a LoadBalancer with externalTrafficPolicy Local a health-check NodePort', () => {
    const s = reconcile([
      manifest(service('lb', { app: 'a' }, [{ port: 80 }], { type: 'LoadBalancer', externalTrafficPolicy: 'Local' })),
      manifest(service('lb-noports', { app: 'a' }, [{ port: 80 }], { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false })),
    ]);
    const lb = s.services.find((x) => x.metadata.name === 'lb')!;
    expect(lb.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.spec.healthCheckNodePort).not.toBe(lb.spec.ports[0]!.nodePort);
    expect(s.services.find((x) => x.metadata.name === 'lb-noports')!.spec.ports[0]!.nodePort).toBeUndefined();
  });

  it('keeps pods off a cordoned or NotReady node, while DaemonSets still run on a cordoned one', () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a' }] } },
      },
    };
    const s = reconcile([
      manifest(node('cordoned', {}, { unschedulable: true })),
      manifest(node('sick', {}, {}, { conditions: [{ type: 'Ready', status: 'False' }] })),
      manifest(node('fine')),
      manifest(deployment('web', 4, { app: 'web' })),
      manifest(ds),
    ]);
    expect(new Set(podsOf(s, 'web-').map((p) => p.spec.nodeName))).toEqual(new Set(['fine']));
    expect(s.nodes.find((n) => n.metadata.name === 'cordoned')!.spec.taints).toContainEqual({
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    expect(s.nodes.find((n) => n.metadata.name === 'sick')!.spec.taints).toContainEqual({
      key: 'node.kubernetes.io/not-ready',
      effect: 'NoSchedule',
    });
    expect(
      podsOf(s, 'agent-')
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(['cordoned', 'fine']);
  });
});
