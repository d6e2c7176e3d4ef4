// The cluster's own ranges: declared by a kubeadm ClusterConfiguration or ServiceCIDRs, or read
// off a pasted dump, and used by everything downstream.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translateDiagnostic } from '../../i18n/i18n';
import type { Diagnostic } from '../diagnostics';
import { resolvConf } from '../dns/resolvConf';
import { iptablesRestore } from '../kubeproxy/iptablesRestore';
import { parseManifests } from '../manifest/parse';
import { deriveModel } from '../model';
import type { Model } from '../modelTypes';
import { walkPacket } from '../trace/walkPacket';
import { reconcile } from './reconcile';

const k3sPath = 'src/model/cluster/testdata/k3s-dump.yaml';
const k3s = readFileSync(new URL('./testdata/k3s-dump.yaml', import.meta.url), 'utf8');

/** Every diagnostic the tests below saw, to check each message of the catalogue is reachable. */
const seen: Diagnostic[] = [];
const derive = (text: string, name = 'cluster.yaml'): Model => {
  const m = deriveModel([{ name, text }]);
  seen.push(...m.diagnostics);
  return m;
};
const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.col}`;
const find = (m: Model, code: string) => m.diagnostics.filter((d) => d.code === code);
const service = (m: Model, ns: string, name: string) =>
  m.state.services.find((s) => s.metadata.namespace === ns && s.metadata.name === name);
const en = (d: Diagnostic) => translateDiagnostic('en', d);
const zh = (d: Diagnostic) => translateDiagnostic('zh-CN', d);

describe('a k3s dump (Services in 10.43.0.0/16, pods in 10.42.0.0/16)', () => {
  const m = derive(k3s, k3sPath);

  it('derives with no error or warning, and says which ranges it read off the dump', () => {
    expect(m.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${where(d)} ${d.code}`)).toEqual([]);
    const inferred = m.diagnostics.filter((d) => d.code.startsWith('ranges.inferred.'));
    expect(inferred.map((d) => `${where(d)} ${d.code} ${d.params.cidr}`)).toEqual([
      `${k3sPath}:33:5 ranges.inferred.clusterCIDR 10.42.0.0/16`,
      `${k3sPath}:38:7 ranges.inferred.nodeSubnet 192.168.64.0/24`,
      `${k3sPath}:101:5 ranges.inferred.serviceCIDR 10.43.0.0/16`,
    ]);
    const svc = inferred.find((d) => d.code === 'ranges.inferred.serviceCIDR')!;
    expect(en(svc)).toBe(
      "Service range taken to be 10.43.0.0/16, from the ClusterIPs given (Service default/kubernetes has 10.43.0.1). To state your cluster's own range, add its kubeadm ClusterConfiguration (networking.serviceSubnet) or its ServiceCIDRs (kubectl get servicecidr -o yaml).",
    );
    expect(zh(svc)).toContain('Service 网段按已给出的 ClusterIP 取为 10.43.0.0/16');
  });

  it('keeps every dumped ClusterIP and node port', () => {
    const ips = m.state.services.map((s) => `${s.metadata.namespace}/${s.metadata.name} ${s.spec.clusterIP}`);
    expect(ips).toEqual([
      'default/kubernetes 10.43.0.1',
      'kube-system/kube-dns 10.43.0.10',
      'kube-system/metrics-server 10.43.118.27',
      'shop/web 10.43.52.200',
    ]);
    expect(service(m, 'shop', 'web')!.spec.ports[0].nodePort).toBe(31080);
  });

  it("writes kube-proxy's rules with the dump's addresses and pod network", () => {
    const rules = iptablesRestore(m.state, 'k3s-agent-1', 4);
    expect(rules).toContain(
      '-A KUBE-SERVICES -m comment --comment "kube-system/metrics-server:https cluster IP" -m tcp -p tcp -d 10.43.118.27 --dport 443 -j KUBE-SVC-',
    );
    expect(rules).toMatch(
      /-A KUBE-SVC-\w+ -m comment --comment "shop\/web:http cluster IP" -m tcp -p tcp -d 10\.43\.52\.200 --dport 80 ! -s 10\.42\.0\.0\/16 -j KUBE-MARK-MASQ/,
    );
    expect(rules).toMatch(/-A KUBE-SEP-\w+ -m comment --comment shop\/web:http -m tcp -p tcp -j DNAT --to-destination 10\.42\.1\.5:8080/);
  });

  it("points pods' resolv.conf at the dump's kube-dns and puts the LAN on the nodes' network", () => {
    const pod = m.state.pods.find((p) => p.metadata.name.startsWith('metrics-server-'))!;
    expect(resolvConf(m.state, pod).nameservers).toEqual(['10.43.0.10']);
    expect(m.state.config.nodeSubnet).toBe('192.168.64.0/24');
  });

  it("gives MetalLB's BGP peers the nodes' own network", () => {
    const peer = (address: string) =>
      `---\napiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: tor, namespace: metallb-system}\nspec: {myASN: 64500, peerASN: 64501, peerAddress: ${address}}\n`;
    expect(find(derive(k3s + peer('192.168.64.1')), 'metallb.bgpPeer.noRouter')).toEqual([]);
    expect(find(derive(k3s + peer('192.168.1.1')), 'metallb.bgpPeer.noRouter')[0].params).toMatchObject({ subnet: '192.168.64.0/24' });
  });

  it('walks from a dumped pod to a dumped Service by name, to a dumped pod', () => {
    const trace = walkPacket(m, {
      from: { kind: 'pod', namespace: 'kube-system', name: 'metrics-server-5985cbc9d7-x2k4q' },
      to: { kind: 'name', name: 'web.shop', port: 80, proto: 'tcp' },
    });
    expect(trace.outcome).toMatchObject({ result: 'delivered', service: 'shop/web' });
    expect(['shop/web-7d9f8b6c5-4hq2m', 'shop/web-7d9f8b6c5-n8z7c']).toContain(trace.outcome.pod);
    expect(['10.42.1.5:8080', '10.42.2.7:8080']).toContain(trace.outcome.endpoint);
  });
});

/** A small dump as `kubectl get nodes,services -A -o yaml` prints one: stored objects carry a uid. */
function dump(nodes: [string, string, string][], services: [string, string, string][]): string {
  const node = ([name, ip, podCIDR]: [string, string, string]) =>
    `- apiVersion: v1\n  kind: Node\n  metadata: {name: ${name}, uid: u-${name}}\n  spec: {podCIDR: ${podCIDR}}\n  status:\n    addresses: [{type: InternalIP, address: ${ip}}]\n`;
  const svc = ([ns, name, ip]: [string, string, string]) =>
    `- apiVersion: v1\n  kind: Service\n  metadata: {name: ${name}, namespace: ${ns}, uid: u-${name}}\n  spec:\n    clusterIP: ${ip}\n    ports: [{name: p, port: 443}]\n`;
  return `apiVersion: v1\nkind: List\nitems:\n${nodes.map(node).join('')}${services.map(svc).join('')}`;
}

describe.each([
  {
    cluster: 'kind (kubeadm ranges, nodes on the docker network 172.18.0.0/16)',
    text: dump(
      [
        ['kind-control-plane', '172.18.0.3', '10.244.0.0/24'],
        ['kind-worker', '172.18.0.2', '10.244.1.0/24'],
      ],
      [
        ['default', 'kubernetes', '10.96.0.1'],
        ['kube-system', 'kube-dns', '10.96.0.10'],
        ['default', 'api', '10.96.45.12'],
      ],
    ),
    inferred: ['ranges.inferred.nodeSubnet 172.18.0.0/24'],
    api: '10.96.45.12',
    dns: '10.96.0.10',
  },
  {
    cluster: 'kubeadm with --service-cidr 172.30.0.0/16 and --pod-network-cidr 10.32.0.0/12',
    text: dump(
      [
        ['cp-1', '192.168.1.10', '10.32.0.0/24'],
        ['worker-a', '192.168.1.21', '10.32.5.0/24'],
      ],
      [
        ['default', 'kubernetes', '172.30.0.1'],
        ['default', 'api', '172.30.200.7'],
      ],
    ),
    inferred: ['ranges.inferred.clusterCIDR 10.32.0.0/16', 'ranges.inferred.serviceCIDR 172.30.0.0/16'],
    api: '172.30.200.7',
    dns: '172.30.0.10',
  },
])('a $cluster dump', ({ text, inferred, api, dns }) => {
  const m = derive(text);

  it('keeps its addresses, and reads only the ranges the defaults do not hold', () => {
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(m.diagnostics.filter((d) => d.code.startsWith('ranges.')).map((d) => `${d.code} ${d.params.cidr}`)).toEqual(inferred);
    expect(service(m, 'default', 'api')!.spec.clusterIP).toBe(api);
    expect(service(m, 'kube-system', 'kube-dns')!.spec.clusterIP).toBe(dns);
  });
});

describe('a dual-stack k3s dump (--service-cidr 10.43.0.0/16,2001:db8:43::/112)', () => {
  const node = (name: string, host: number) => `- apiVersion: v1
  kind: Node
  metadata: {name: ${name}, uid: u-${name}}
  spec:
    podCIDR: 10.42.${host}.0/24
    podCIDRs: [10.42.${host}.0/24, "2001:db8:42:${host}::/64"]
  status:
    addresses:
    - {type: InternalIP, address: 192.168.64.${host + 2}}
    - {type: InternalIP, address: "2001:db8:64::${host + 2}"}
`;
  const text = `apiVersion: v1
kind: List
items:
${node('server', 0)}${node('agent', 1)}- apiVersion: v1
  kind: Service
  metadata: {name: kubernetes, namespace: default, uid: u-k}
  spec:
    clusterIP: 10.43.0.1
    clusterIPs: [10.43.0.1]
    ports: [{name: https, port: 443, targetPort: 6443}]
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: default, uid: u-web}
  spec:
    clusterIP: 10.43.7.7
    clusterIPs: [10.43.7.7, "2001:db8:43::7a7"]
    ipFamilies: [IPv4, IPv6]
    ipFamilyPolicy: PreferDualStack
    ports: [{port: 80}]
`;
  const m = derive(text);

  it("keeps the Service's IPv6 ClusterIP and reads the IPv6 service range and LAN prefix off the dump", () => {
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(service(m, 'default', 'web')!.spec.clusterIPs).toEqual(['10.43.7.7', '2001:db8:43::7a7']);
    expect(m.state.config.dualStack).toMatchObject({ serviceCIDR: '2001:db8:43::/112', nodeSubnet: '2001:db8:64::/64' });
    expect(m.diagnostics.filter((d) => d.code.startsWith('ranges.')).map((d) => `${d.code} ${d.params.cidr}`)).toEqual([
      'ranges.inferred.clusterCIDR 10.42.0.0/16',
      'ranges.inferred.nodeSubnet 192.168.64.0/24',
      'ranges.inferred.nodeSubnet 2001:db8:64::/64',
      'ranges.inferred.serviceCIDR 10.43.0.0/16',
      'ranges.inferred.serviceCIDR 2001:db8:43::/112',
    ]);
    expect(iptablesRestore(m.state, 'agent', 6)).toContain('-d 2001:db8:43::7a7 --dport 80');
  });
});

const clusterConfiguration = (apiVersion: 'v1beta3' | 'v1beta4', extraArgs: string) => `apiVersion: kubeadm.k8s.io/${apiVersion}
kind: ClusterConfiguration
kubernetesVersion: v1.33.1
networking:
  serviceSubnet: 172.30.0.0/16
  podSubnet: 10.0.0.0/8
  dnsDomain: corp.internal
apiServer:
${extraArgs}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: fixed
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 30080
`;

describe.each([
  ['v1beta4', '  extraArgs:\n  - name: service-node-port-range\n    value: 3000-3100\n'],
  ['v1beta3', '  extraArgs:\n    service-node-port-range: 3000-3100\n'],
] as const)('a kubeadm %s ClusterConfiguration', (version, extraArgs) => {
  const m = derive(clusterConfiguration(version, extraArgs));

  it('sets the service range, pod network, node-port range and DNS domain everything uses', () => {
    expect(service(m, 'default', 'kubernetes')!.spec.clusterIP).toBe('172.30.0.1');
    expect(service(m, 'kube-system', 'kube-dns')!.spec.clusterIP).toBe('172.30.0.10');
    const web = service(m, 'default', 'web')!;
    expect(web.spec.clusterIP).toMatch(/^172\.30\.\d+\.\d+$/);
    expect(web.spec.ports[0].nodePort).toBeGreaterThanOrEqual(3000);
    expect(web.spec.ports[0].nodePort).toBeLessThanOrEqual(3100);
    const pod = m.state.pods.find((p) => p.metadata.name.startsWith('coredns-'))!;
    expect(m.state.nodes.every((n) => n.spec.podCIDR?.startsWith('10.0.'))).toBe(true);
    expect(resolvConf(m.state, { ...pod, spec: { ...pod.spec, dnsPolicy: 'ClusterFirst' } }).searches[0]).toBe(
      'kube-system.svc.corp.internal',
    );
    const rules = iptablesRestore(m.state, 'worker-1', 4);
    expect(rules).toContain('-m udp -p udp -d 172.30.0.10 --dport 53 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ');
    expect(rules).toContain(`-m tcp -p tcp -d ${web.spec.clusterIP} --dport 80 -j REJECT`);
    expect(rules).toContain(`-m tcp -p tcp --dport ${web.spec.ports[0].nodePort} -j REJECT`);
  });

  it('rejects a node port outside its range, naming the range', () => {
    expect(service(m, 'default', 'fixed')).toBeUndefined();
    const [d] = find(m, 'service.nodePort.outOfRange');
    expect(en(d)).toBe(
      'Service "fixed": nodePort 30080 is not in the valid range 3000-3100. The API server rejects the Service. If your cluster uses another node-port range, declare it: paste its kubeadm ClusterConfiguration with service-node-port-range in apiServer.extraArgs.',
    );
    expect(m.diagnostics.filter((x) => x.code.startsWith('ranges.'))).toEqual([]);
  });
});

describe('the kubeadm-config ConfigMap of a kubeadm cluster', () => {
  // `kubectl -n kube-system get configmap kubeadm-config -o yaml`, as kubeadm v1.33 uploads it.
  const configMap = (serviceSubnet: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kubeadm-config
  namespace: kube-system
  uid: 3f2c9a47-6a51-4c1e-9b0e-5d7a8e2f1c30
data:
  ClusterConfiguration: |
    apiServer:
      extraArgs:
      - name: service-node-port-range
        value: 3000-3100
    apiVersion: kubeadm.k8s.io/v1beta4
    caCertificateValidityPeriod: 87600h0m0s
    certificateValidityPeriod: 8760h0m0s
    certificatesDir: /etc/kubernetes/pki
    clusterName: kubernetes
    controllerManager: {}
    dns: {}
    encryptionAlgorithm: RSA-2048
    etcd:
      local:
        dataDir: /var/lib/etcd
    imageRepository: registry.k8s.io
    kind: ClusterConfiguration
    kubernetesVersion: v1.33.1
    networking:
      dnsDomain: cluster.local
      podSubnet: 10.32.0.0/12
      serviceSubnet: ${serviceSubnet}
    proxy: {}
    scheduler: {}
`;

  it('gives the cluster the ranges kubeadm ran with', () => {
    const m = derive(configMap('172.30.0.0/16'));
    expect(m.diagnostics).toEqual([]);
    expect(m.state.config).toMatchObject({ serviceCIDR: '172.30.0.0/16', clusterCIDR: '10.32.0.0/12', nodePortRange: [3000, 3100] });
    expect(service(m, 'default', 'kubernetes')!.spec.clusterIP).toBe('172.30.0.1');
  });

  it('reports a problem inside it where it is written, and keeps the default for that range', () => {
    const m = derive(configMap('10.0.0.0/8'));
    expect(m.diagnostics.map((d) => `${where(d)} ${d.code}`)).toEqual(['cluster.yaml:30:7 kubeadm.serviceSubnet.tooLarge']);
    expect(m.state.config).toMatchObject({ serviceCIDR: '10.96.0.0/12', clusterCIDR: '10.32.0.0/12' });
  });
});

describe("kube-proxy's upstream golden rules through a ClusterConfiguration", () => {
  /** What kube-proxy on test-node writes for the test's own Services, as the API server holds them (no MetalLB to own LB addresses). */
  async function upstreamRules(text: string, golden: string) {
    const { goldenBody, sortLikeUpstreamTest } = await import('../kubeproxy/upstreamTestSort');
    const parsed = parseManifests([{ name: 'upstream.yaml', text }]);
    const state = reconcile(parsed.manifests);
    expect([...parsed.diagnostics, ...state.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
    // The test's fake cluster has only its own Services: leave out kubeadm's kubernetes and kube-dns.
    const own = {
      ...state,
      services: state.services.filter((s) => state.origins[`Service/${s.metadata.namespace}/${s.metadata.name}`] !== 'builtin'),
    };
    const ours = iptablesRestore(own, 'test-node', 4, { randomFully: false, nfacct: true }).replaceAll('0x00004000', '0x4000');
    return {
      ours: sortLikeUpstreamTest(ours),
      golden: goldenBody(readFileSync(new URL(`../kubeproxy/testdata/${golden}`, import.meta.url), 'utf8')),
    };
  }

  it('TestOverallIPTablesRules: serviceSubnet 172.30.0.0/16 and node ports from 3000 give the exact rules', async () => {
    const text = readFileSync(new URL('./testdata/upstream-overall-cluster.yaml', import.meta.url), 'utf8');
    const { ours, golden } = await upstreamRules(text, 'upstream-overall.txt');
    expect(ours).toBe(golden);
  });

  it('TestSyncProxyRulesRepeated, first full sync: two ClusterIP Services in 172.30.0.0/16', async () => {
    const overall = readFileSync(new URL('./testdata/upstream-overall-cluster.yaml', import.meta.url), 'utf8');
    // The same ClusterConfiguration and node; the test's two Services and their endpoints.
    const head = overall.slice(0, overall.indexOf('apiVersion: v1\nkind: Service'));
    const svc = (n: number, port: number, ep: string) => `apiVersion: v1
kind: Service
metadata: {name: svc${n}, namespace: ns${n}}
spec:
  clusterIP: 172.30.0.4${n}
  ports: [{name: p${port}, port: ${port}, protocol: TCP, targetPort: ${port}}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: svc${n}-abc12, namespace: ns${n}, labels: {kubernetes.io/service-name: svc${n}}}
addressType: IPv4
endpoints: [{addresses: [${ep}], conditions: {ready: true, serving: true, terminating: false}}]
ports: [{name: p${port}, port: ${port}, protocol: TCP}]
---
`;
    const { ours, golden } = await upstreamRules(head + svc(1, 80, '10.0.1.1') + svc(2, 8080, '10.0.2.1'), 'upstream-clusterip.txt');
    expect(ours).toBe(golden);
  });
});

describe('ServiceCIDR objects', () => {
  const cidrs = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata:
  name: kubernetes
spec:
  cidrs:
  - 10.100.0.0/16
---
apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata:
  name: extra
spec:
  cidrs:
  - 10.200.0.0/24
`;
  const svc = (name: string, ip: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: ${ip}
  ports:
  - port: 80
`;

  it('make ClusterIPs valid in any of them; the one named kubernetes is the primary range', () => {
    const m = derive(cidrs + svc('in-extra', '10.200.0.5') + svc('outside', '10.150.0.1'));
    expect(service(m, 'default', 'kubernetes')!.spec.clusterIP).toBe('10.100.0.1');
    expect(service(m, 'default', 'in-extra')!.spec.clusterIP).toBe('10.200.0.5');
    expect(service(m, 'default', 'outside')).toBeUndefined();
    const [d] = find(m, 'service.clusterIP.outOfRange');
    expect(where(d)).toBe('cluster.yaml:31:3');
    expect(en(d)).toBe(
      'Service "outside": clusterIP 10.150.0.1 is not in the valid range. The range of valid IPs is 10.100.0.0/16, 10.200.0.0/24. The API server rejects the Service. If your cluster uses another service range, declare it: paste its kubeadm ClusterConfiguration (networking.serviceSubnet) or its ServiceCIDRs (kubectl get servicecidr -o yaml).',
    );
  });

  it('a ClusterConfiguration comes first', () => {
    const cc = 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  serviceSubnet: 10.100.128.0/17\n---\n';
    const m = derive(cc + cidrs);
    expect(m.state.config.serviceCIDR).toBe('10.100.128.0/17');
    expect(service(m, 'default', 'kubernetes')!.spec.clusterIP).toBe('10.100.128.1');
  });

  it('are rejected as the API server rejects them: not canonical, two of a family, none', () => {
    const bad = (cidrList: string) =>
      `apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  name: bad\nspec:\n  cidrs: ${cidrList}\n`;
    const canonical = derive(bad('[10.100.0.1/16]'));
    expect(canonical.diagnostics.map((d) => `${where(d)} ${en(d)}`)).toEqual([
      'cluster.yaml:6:11 .spec.cidrs[0]: Invalid value: "10.100.0.1/16": must be in canonical form ("10.100.0.0/16")',
    ]);
    expect(canonical.state.config.serviceCIDR).toBe('10.96.0.0/12');
    expect(find(derive(bad('[10.1.0.0/16, 10.2.0.0/16]')), 'serviceCIDR.families')).toHaveLength(1);
    expect(find(derive(bad('[]')), 'serviceCIDR.required')).toHaveLength(1);
  });
});

describe('ClusterConfiguration checks, as kubeadm makes them', () => {
  const cc = (networking: string, extra = '') =>
    `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n${networking}${extra}`;

  it('a service subnet wider than /12 is refused, and the default range kept', () => {
    const m = derive(cc('  serviceSubnet: 10.0.0.0/8\n'));
    const [d] = find(m, 'kubeadm.serviceSubnet.tooLarge');
    expect(`${where(d)} ${en(d)}`).toBe(
      'cluster.yaml:4:3 .networking.serviceSubnet: Invalid value: "10.0.0.0/8": specified service subnet is too large; for 32-bit addresses, the mask must be >= 12. kubeadm refuses this configuration; PacketWalk ignores the field and keeps the range it would use otherwise.',
    );
    expect(m.state.config.serviceCIDR).toBe('10.96.0.0/12');
  });

  it('three subnets, two of one family, or garbage are refused', () => {
    expect(find(derive(cc('  podSubnet: 10.1.0.0/16,10.2.0.0/16\n')), 'kubeadm.subnet.families')).toHaveLength(1);
    expect(find(derive(cc('  serviceSubnet: 10.96.0.0/12,fd00::/108,fd01::/108\n')), 'kubeadm.subnet.families')).toHaveLength(1);
    expect(find(derive(cc('  podSubnet: ten/8\n')), 'kubeadm.subnet.unparsable')).toHaveLength(1);
    expect(find(derive(cc('  serviceSubnet: 10.96.0.0/30\n')), 'kubeadm.subnet.tooSmall')[0].params).toMatchObject({ size: 4, min: 10 });
  });

  it('a dual-stack serviceSubnet gives the IPv6 side its range', () => {
    const m = derive(cc('  serviceSubnet: 10.97.0.0/16,fd00:97::/112\n  podSubnet: 10.245.0.0/16,fd00:245::/56\n'));
    expect(m.state.config.serviceCIDR).toBe('10.97.0.0/16');
    expect(m.state.config.dualStack).toMatchObject({ serviceCIDR: 'fd00:97::/112', clusterCIDR: 'fd00:245::/56' });
    expect(m.state.config.proxy.clusterCIDR).toBe('10.245.0.0/16,fd00:245::/56');
  });

  it('an unreadable service-node-port-range is reported at its value, and the default range kept', () => {
    const m = derive(
      cc('  dnsDomain: cluster.local\n', 'apiServer:\n  extraArgs:\n  - name: service-node-port-range\n    value: 32767-30000\n'),
    );
    const [d] = find(m, 'kubeadm.nodePortRange.invalid');
    expect(where(d)).toBe('cluster.yaml:8:5');
    expect(m.state.config.nodePortRange).toEqual([30000, 32767]);
  });

  it('an IPv6-only service subnet serves IPv6 ClusterIPs and keeps the IPv4 range, with a warning', () => {
    const m = derive(cc('  serviceSubnet: fd00:77::/112\n'));
    expect(find(m, 'ranges.ipv6Only').map(where)).toEqual(['cluster.yaml:4:3']);
    expect(m.state.config.serviceCIDR).toBe('10.96.0.0/12');
    expect(m.state.config.dualStack?.serviceCIDR).toBe('fd00:77::/112');
  });

  it("a dump's node ports outside 30000-32767 widen the node-port range, said in an info", () => {
    const m = derive(
      'apiVersion: v1\nkind: Service\nmetadata: {name: np, uid: u-np}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 8080}]\n',
    );
    expect(service(m, 'default', 'np')!.spec.ports[0].nodePort).toBe(8080);
    const [d] = find(m, 'ranges.inferred.nodePortRange');
    expect(`${where(d)} ${en(d)}`).toBe(
      "cluster.yaml:6:22 Node-port range taken to be 8080-32767, to hold the node ports given (Service default/np has 8080). To state it, add a kubeadm ClusterConfiguration with the API server's service-node-port-range in apiServer.extraArgs.",
    );
  });

  it('ranges of a hand-written Service are still checked: only what a cluster stored widens them', () => {
    const m = derive('apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  clusterIP: 10.43.0.99\n  ports:\n  - port: 80\n');
    expect(find(m, 'service.clusterIP.outOfRange')).toHaveLength(1);
    expect(m.diagnostics.filter((d) => d.code.startsWith('ranges.'))).toEqual([]);
  });
});

describe('API-server validation as v1.33 does it', () => {
  const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n${spec}`;

  it('loadBalancerSourceRanges entries may be space-padded', () => {
    const m = derive(
      svc(
        '  type: LoadBalancer\n  selector:\n    app: a\n  ports:\n  - port: 80\n  loadBalancerSourceRanges:\n  - " 203.0.113.0/25 "\n  - "bad"\n',
      ),
    );
    expect(m.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${where(d)} ${d.code}`)).toEqual([
      'cluster.yaml:13:5 field.cidr',
    ]);
    expect(service(m, 'default', 's')!.spec.loadBalancerSourceRanges).toEqual([' 203.0.113.0/25 ']);
  });

  it('an ExternalName may end with a dot', () => {
    const m = derive(svc('  type: ExternalName\n  externalName: db.example.com.\n'));
    expect(m.diagnostics).toEqual([]);
    expect(service(m, 'default', 's')!.spec.externalName).toBe('db.example.com.');
    const bad = derive(svc('  type: ExternalName\n  externalName: db_1.example.com.\n'));
    expect(find(bad, 'field.dns1123Subdomain').map(where)).toEqual(['cluster.yaml:7:3']);
    expect(find(derive(svc('  type: ExternalName\n  externalName: "."\n')), 'field.required')).toHaveLength(1);
  });

  it('a leading-zero ClusterIP is accepted with the warning kubectl prints, and read as decimal', () => {
    const m = derive(svc('  clusterIP: 10.96.0.050\n  selector:\n    app: a\n  ports:\n  - port: 80\n'));
    const [d] = find(m, 'field.ipNonStandard');
    expect(`${where(d)} ${d.severity}`).toBe('cluster.yaml:6:3 warning');
    expect(en(d)).toBe(
      '.spec.clusterIP: non-standard IP address "10.96.0.050" will be considered invalid in a future Kubernetes release: use "10.96.0.50". Kubernetes v1.33 still accepts it and reads the zeros as decimal, so it means 10.96.0.50.',
    );
    expect(zh(d)).toContain('请使用 "10.96.0.50"');
    expect(iptablesRestore(m.state, 'worker-1', 4)).toContain('-d 10.96.0.50 --dport 80');
    const range = derive(svc('  type: LoadBalancer\n  ports:\n  - port: 80\n  loadBalancerSourceRanges: [010.0.0.0/8]\n'));
    expect(find(range, 'field.cidrNonStandard')[0].params).toMatchObject({ canonical: '10.0.0.0/8' });
  });
});

describe('messages', () => {
  it('every message of the ranges catalogue was shown above, with all its placeholders filled, in both languages', async () => {
    const { rangesEn } = await import('../../i18n/catalog/ranges');
    const codes = new Set(seen.map((d) => `diag.${d.code}`));
    for (const key of Object.keys(rangesEn)) expect(codes, key).toContain(key);
    for (const d of seen.filter((x) => `diag.${x.code}` in rangesEn)) {
      for (const text of [en(d), zh(d)]) expect(text, d.code).not.toMatch(/\{\w+\}/);
    }
  });
});
