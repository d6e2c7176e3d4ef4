import { describe, expect, it } from 'vitest';
import type { KubeProxyConfiguration, Manifest, Node } from '../manifest/types';
import { cidr6Contains, parseCidr6 } from '../net';
import { reconcile } from './reconcile';
import { deployment, manifest, pod, service } from './testFixtures';
import type { ClusterState } from './types';

function proxyConfig(clusterCIDR: string): Manifest<KubeProxyConfiguration> {
  return manifest({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    clusterCIDR,
  } as KubeProxyConfiguration);
}

const DUAL = '10.244.0.0/16,fd00:10:244::/56';
const web = () => [
  manifest(
    deployment(
      'web',
      2,
      { app: 'web' },
      { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    ),
  ),
  manifest(service('web', { app: 'web' }, [{ port: 80, targetPort: 80 }], { ipFamilyPolicy: 'PreferDualStack' })),
  manifest(service('v4only', { app: 'web' }, [{ port: 81, targetPort: 80 }])),
];
const svc = (s: ClusterState, name: string) => s.services.find((x) => x.metadata.name === name)!;
const codes = (s: ClusterState) => s.diagnostics.map((d) => d.code);
const inside = (cidr: string, ip: string) => cidr6Contains(parseCidr6(cidr)!, ip);

describe('a dual-stack cluster (clusterCIDR lists an IPv4 and an IPv6 network)', () => {
  const s = reconcile([proxyConfig(DUAL), ...web()]);

  it('keeps the IPv4 cluster CIDR for everything IPv4 and adds kubeadm-style IPv6 ranges', () => {
    expect(s.config.clusterCIDR).toBe('10.244.0.0/16');
    expect(s.config.proxy.clusterCIDR).toBe(DUAL);
    expect(s.config.dualStack).toMatchObject({ clusterCIDR: 'fd00:10:244::/56', serviceCIDR: 'fd00:10:96::/112' });
    expect(codes(s)).not.toContain('kubeProxy.clusterCIDR.invalid');
  });

  it('gives each default node an IPv6 InternalIP after the IPv4 one and a /64 after its IPv4 podCIDR', () => {
    const w1 = s.nodes.find((n) => n.metadata.name === 'worker-1')!;
    expect(w1.status.addresses).toEqual([
      { type: 'InternalIP', address: '192.168.1.11' },
      { type: 'InternalIP', address: 'fd00:192:168:1::11' },
      { type: 'Hostname', address: 'worker-1' },
    ]);
    expect(w1.spec.podCIDR).toBe('10.244.1.0/24');
    expect(s.nodes.map((n) => n.spec.podCIDRs)).toEqual([
      ['10.244.0.0/24', 'fd00:10:244::/64'],
      ['10.244.1.0/24', 'fd00:10:244:1::/64'],
      ['10.244.2.0/24', 'fd00:10:244:2::/64'],
    ]);
  });

  it('gives every pod an IPv4 and an IPv6 address, both from its node', () => {
    const pods = s.pods.filter((p) => p.metadata.labels?.app === 'web');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      const node = s.nodes.find((n) => n.metadata.name === p.spec.nodeName)!;
      expect(p.status.podIPs).toHaveLength(2);
      expect(p.status.podIPs![0]!.ip).toBe(p.status.podIP);
      expect(inside(node.spec.podCIDRs![1]!, p.status.podIPs![1]!.ip)).toBe(true);
      expect(s.podNets[`default/${p.metadata.name}`]!.ip6).toBe(p.status.podIPs![1]!.ip);
    }
  });

  it('gives a PreferDualStack Service a second ClusterIP from fd00:10:96::/112; a SingleStack one stays IPv4', () => {
    const spec = svc(s, 'web').spec;
    expect(spec.clusterIPs).toHaveLength(2);
    expect(spec.clusterIPs![0]).toBe(spec.clusterIP);
    expect(inside('fd00:10:96::/112', spec.clusterIPs![1]!)).toBe(true);
    expect(spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(svc(s, 'v4only').spec.clusterIPs).toEqual([svc(s, 'v4only').spec.clusterIP]);
    expect(svc(s, 'v4only').spec.ipFamilies).toEqual(['IPv4']);
  });

  it('writes an IPv6 EndpointSlice with the pods’ IPv6 addresses next to the IPv4 one, and none for a single-stack Service', () => {
    const slices = (name: string) => s.endpointSlices.filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === name);
    const [v4, v6] = ['IPv4', 'IPv6'].map((t) => slices('web').find((e) => e.addressType === t)!);
    expect(v6.metadata.name).not.toBe(v4.metadata.name);
    const v6IPs = s.pods.filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status.podIPs![1]!.ip);
    expect(v6.endpoints.map((e) => e.addresses[0]).sort()).toEqual(v6IPs.sort());
    expect(v6.ports).toEqual(v4.ports);
    expect(slices('v4only').map((e) => e.addressType)).toEqual(['IPv4']);
  });
});

describe('values a dual-stack dump already carries', () => {
  const nodes: Node[] = ['a', 'b'].map((name, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: { podCIDR: `10.244.${i + 5}.0/24`, podCIDRs: [`10.244.${i + 5}.0/24`, `fd00:10:244:${i + 5}::/64`] },
    status: {
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${i + 20}` },
        { type: 'InternalIP', address: `fd00:1::${i + 20}` },
      ],
    },
  }));
  const s = reconcile([
    ...nodes.map((n) => manifest(n)),
    manifest(
      pod('p', { app: 'p' }, { nodeName: 'a' }, { podIP: '10.244.5.9', podIPs: [{ ip: '10.244.5.9' }, { ip: 'fd00:10:244:5::99' }] }),
    ),
    manifest(
      service('p', { app: 'p' }, [{ port: 80 }], {
        clusterIP: '10.96.0.50',
        clusterIPs: ['10.96.0.50', 'fd00:10:96::50'],
        ipFamilyPolicy: 'RequireDualStack',
      }),
    ),
  ]);

  it('makes the cluster dual-stack from the nodes alone, and keeps their addresses and podCIDRs', () => {
    expect(s.config.dualStack?.clusterCIDR).toBe('fd00:10:244::/56');
    expect(s.config.proxy.clusterCIDR).toBe('10.244.0.0/16,fd00:10:244::/56');
    expect(s.nodes[0]!.status.addresses!.filter((a) => a.type === 'InternalIP').map((a) => a.address)).toEqual(['10.0.0.20', 'fd00:1::20']);
    expect(s.nodes[1]!.spec.podCIDRs).toEqual(['10.244.6.0/24', 'fd00:10:244:6::/64']);
  });

  it("keeps the pod's IPv6 address and the Service's IPv6 ClusterIP", () => {
    expect(s.pods.find((p) => p.metadata.name === 'p')!.status.podIPs).toEqual([{ ip: '10.244.5.9' }, { ip: 'fd00:10:244:5::99' }]);
    expect(svc(s, 'p').spec.clusterIPs).toEqual(['10.96.0.50', 'fd00:10:96::50']);
    expect(codes(s).filter((c) => c.startsWith('service.'))).toEqual([]);
  });
});

describe('bad dual-stack input', () => {
  it('rejects an IPv6 ClusterIP outside the IPv6 service range, pointing at clusterIPs[1]', () => {
    const s = reconcile([
      proxyConfig(DUAL),
      manifest(service('x', { app: 'x' }, [{ port: 80 }], { ipFamilyPolicy: 'PreferDualStack', clusterIPs: ['10.96.0.60', 'fd00:99::1'] })),
    ]);
    const d = s.diagnostics.find((x) => x.code === 'service.clusterIP.outOfRange')!;
    expect(d.params).toMatchObject({ ip: 'fd00:99::1', serviceCIDR: 'fd00:10:96::/112' });
    expect(d.file).toBe('test.yaml#spec.clusterIPs.1');
    expect(s.services.some((x) => x.metadata.name === 'x')).toBe(false);
  });

  it('rejects RequireDualStack on a single-stack cluster; PreferDualStack falls back to one ClusterIP', () => {
    const s = reconcile([
      manifest(service('need', { app: 'x' }, [{ port: 80 }], { ipFamilyPolicy: 'RequireDualStack' })),
      manifest(service('prefer', { app: 'x' }, [{ port: 80 }], { ipFamilyPolicy: 'PreferDualStack' })),
    ]);
    expect(codes(s)).toContain('service.ipFamilyPolicy.singleStackCluster');
    expect(s.services.some((x) => x.metadata.name === 'need')).toBe(false);
    expect(svc(s, 'prefer').spec.clusterIPs).toHaveLength(1);
    expect(svc(s, 'prefer').spec.ipFamilies).toEqual(['IPv4']);
  });

  it('refuses a clusterCIDR list with two IPv4 networks', () => {
    expect(codes(reconcile([proxyConfig('10.244.0.0/16,10.245.0.0/16')]))).toContain('kubeProxy.clusterCIDR.invalid');
  });

  it('leaves a single-stack cluster without any IPv6', () => {
    const s = reconcile(web());
    expect(s.config.dualStack).toBeUndefined();
    expect(JSON.stringify([s.nodes, s.pods, s.services, s.endpointSlices])).not.toMatch(/fd00|"IPv6"/);
  });
});
