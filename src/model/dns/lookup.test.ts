import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cluster/types';
import { lookup } from './lookup';
import { clusterOf, podOf } from './testClusters';
import type { ResourceRecord } from './types';

const scenario = (file: string) => readFileSync(join(__dirname, '../../../public/scenarios', file), 'utf8');
const clusterIP = (s: ClusterState, name: string, ns = 'default') =>
  s.services.find((x) => x.metadata.name === name && x.metadata.namespace === ns)!.spec.clusterIP!;
const ipOf = (s: ClusterState, pod: string, ns = 'default') => podOf(s, pod, ns).status.podIP!;
const data = (rrs: ResourceRecord[]) =>
  rrs.map((r) => (r.type === 'A' || r.type === 'AAAA' ? r.address : r.type === 'SRV' ? `${r.weight} ${r.port} ${r.target}` : r.target));

/** A headless Service over a StatefulSet, plus a not-ready pod its selector also matches. */
function headless(publishNotReadyAddresses = false): ClusterState {
  return clusterOf(
    `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  publishNotReadyAddresses: ${publishNotReadyAddresses}
  selector:
    tier: web
  ports:
  - name: http
    port: 80
    targetPort: http`,
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - name: http
          containerPort: 8080`,
    `apiVersion: v1
kind: Pod
metadata:
  name: warming-up
  labels:
    tier: web
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - name: http
      containerPort: 8080
status:
  conditions:
  - type: Ready
    status: "False"`,
  );
}

describe('CoreDNS answers for Services', () => {
  const s = clusterOf(scenario('hostnames.yaml'));

  it('answers a ClusterIP Service name with its ClusterIP, TTL 30, authoritatively, in any letter case', () => {
    const a = lookup(s, 'hostnames.default.svc.cluster.local', 'A');
    expect(a).toMatchObject({ qname: 'hostnames.default.svc.cluster.local.', rcode: 'NOERROR', authoritative: true });
    expect(a.answers).toEqual([{ name: 'hostnames.default.svc.cluster.local.', type: 'A', ttl: 30, address: clusterIP(s, 'hostnames') }]);
    expect(a.explanation).toMatchObject({ key: 'explain.dns.answer.clusterIP', params: { service: 'hostnames', namespace: 'default' } });
    expect(data(lookup(s, 'HostNames.Default.SVC.Cluster.Local.', 'A').answers)).toEqual([clusterIP(s, 'hostnames')]);
  });

  it('has no AAAA record in an IPv4-only cluster: NOERROR with an empty answer (NODATA), not NXDOMAIN', () => {
    const a = lookup(s, 'hostnames.default.svc.cluster.local', 'AAAA');
    expect(a.rcode).toBe('NOERROR');
    expect(a.answers).toEqual([]);
    expect(a.explanation.key).toBe('explain.dns.answer.nodata');
  });

  it('answers the built-in kube-dns and kubernetes Services', () => {
    expect(data(lookup(s, 'kube-dns.kube-system.svc.cluster.local', 'A').answers)).toEqual(['10.96.0.10']);
    expect(data(lookup(s, 'kubernetes.default.svc.cluster.local', 'A').answers)).toEqual(['10.96.0.1']);
    expect(data(lookup(s, 'ns.dns.cluster.local', 'A').answers)).toEqual(['10.96.0.10']);
  });

  it('names one endpoint of a ClusterIP Service by its address with dashes', () => {
    const pod = s.pods.find((p) => p.metadata.name.startsWith('hostnames-'))!;
    const ip = pod.status.podIP!;
    const a = lookup(s, `${ip.replace(/\./g, '-')}.hostnames.default.svc.cluster.local`, 'A');
    expect(data(a.answers)).toEqual([ip]);
    expect(a.explanation.key).toBe('explain.dns.answer.endpoint');
  });

  it('answers NXDOMAIN for a Service, namespace or subtree that does not exist, and NODATA for a bare namespace', () => {
    expect(lookup(s, 'nosuch.default.svc.cluster.local', 'A')).toMatchObject({
      rcode: 'NXDOMAIN',
      answers: [],
      explanation: { key: 'explain.dns.nxdomain.noService', params: { service: 'nosuch', namespace: 'default' } },
    });
    expect(lookup(s, 'hostnames.nosuch.svc.cluster.local', 'A').explanation.key).toBe('explain.dns.nxdomain.noNamespace');
    expect(lookup(s, 'hostnames.default.cluster.local', 'A')).toMatchObject({
      rcode: 'NXDOMAIN',
      explanation: { key: 'explain.dns.nxdomain.schema', params: { label: 'default' } },
    });
    expect(lookup(s, 'a.b.c.hostnames.default.svc.cluster.local', 'A').explanation.key).toBe('explain.dns.nxdomain.tooLong');
    expect(lookup(s, 'default.svc.cluster.local', 'A')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(lookup(s, 'cluster.local', 'A')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });
});

describe('headless Services and StatefulSet pod names', () => {
  it('answers a headless Service with the ready endpoint addresses only', () => {
    const s = headless();
    const a = lookup(s, 'web.default.svc.cluster.local', 'A');
    expect(data(a.answers).sort()).toEqual([ipOf(s, 'web-0'), ipOf(s, 'web-1')].sort());
    expect(data(a.answers)).not.toContain(ipOf(s, 'warming-up'));
    expect(a.explanation).toMatchObject({ key: 'explain.dns.answer.headless', params: { count: 2, notReady: 1 } });
  });

  it('includes not-ready pods when the Service publishes not-ready addresses', () => {
    const s = headless(true);
    expect(data(lookup(s, 'web.default.svc.cluster.local', 'A').answers).sort()).toEqual(
      [ipOf(s, 'web-0'), ipOf(s, 'web-1'), ipOf(s, 'warming-up')].sort(),
    );
  });

  it('answers NXDOMAIN for a headless Service with no ready endpoint', () => {
    const s = clusterOf(`apiVersion: v1
kind: Service
metadata:
  name: empty
spec:
  clusterIP: None
  selector:
    app: nothing
  ports:
  - port: 80`);
    expect(lookup(s, 'empty.default.svc.cluster.local', 'A')).toMatchObject({
      rcode: 'NXDOMAIN',
      explanation: { key: 'explain.dns.nxdomain.headlessEmpty' },
    });
  });

  it('gives each StatefulSet pod a name under its governing headless Service', () => {
    const s = clusterOf(scenario('dns-headless-statefulset.yaml'));
    for (const pod of ['web-0', 'web-1', 'web-2']) {
      const a = lookup(s, `${pod}.web.default.svc.cluster.local`, 'A');
      expect(a.answers).toEqual([{ name: `${pod}.web.default.svc.cluster.local.`, type: 'A', ttl: 30, address: ipOf(s, pod) }]);
    }
    expect(lookup(s, 'web-3.web.default.svc.cluster.local', 'A')).toMatchObject({
      rcode: 'NXDOMAIN',
      explanation: { key: 'explain.dns.nxdomain.noEndpoint', params: { endpoint: 'web-3' } },
    });
  });
});

describe('SRV records', () => {
  it('points a headless named port at each endpoint name, with the endpoint port, equal weights and address glue', () => {
    const s = clusterOf(scenario('dns-headless-statefulset.yaml'));
    const a = lookup(s, '_http._tcp.web.default.svc.cluster.local', 'SRV');
    expect(data(a.answers)).toEqual(['web-0', 'web-1', 'web-2'].map((p) => `33 8080 ${p}.web.default.svc.cluster.local.`).sort());
    expect(a.answers.every((r) => r.type === 'SRV' && r.priority === 0)).toBe(true);
    expect(a.additional).toEqual(
      expect.arrayContaining([{ name: 'web-1.web.default.svc.cluster.local.', type: 'A', ttl: 30, address: ipOf(s, 'web-1') }]),
    );
    expect(a.additional).toHaveLength(3);
  });

  it('points a ClusterIP named port at the Service name, with the Service port', () => {
    const s = clusterOf(scenario('hostnames.yaml'));
    const a = lookup(s, '_default._tcp.hostnames.default.svc.cluster.local', 'SRV');
    expect(data(a.answers)).toEqual(['100 80 hostnames.default.svc.cluster.local.']);
    expect(data(a.additional)).toEqual([clusterIP(s, 'hostnames')]);
    expect(lookup(s, '_default._udp.hostnames.default.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
    expect(lookup(s, '_http._tcp.hostnames.default.svc.cluster.local', 'SRV').explanation).toMatchObject({
      key: 'explain.dns.nxdomain.noPort',
      params: { port: 'http', protocol: 'tcp' },
    });
  });

  it('lists every port of kube-dns under the bare Service name', () => {
    const s = clusterOf(scenario('hostnames.yaml'));
    const a = lookup(s, 'kube-dns.kube-system.svc.cluster.local', 'SRV');
    expect(data(a.answers)).toEqual(['33 53 kube-dns.kube-system.svc.cluster.local.', '33 9153 kube-dns.kube-system.svc.cluster.local.']);
  });
});

describe('ExternalName Services', () => {
  const s = clusterOf(scenario('dns-externalname.yaml'));
  const name = 'orders-db.default.svc.cluster.local';

  it("answers with a CNAME to the external name, and that name's addresses from upstream", () => {
    const a = lookup(s, name, 'A', { upstream: { 'orders-db.prod.example.com': ['203.0.113.7'] } });
    expect(a.answers).toEqual([
      { name: `${name}.`, type: 'CNAME', ttl: 30, target: 'orders-db.prod.example.com.' },
      { name: 'orders-db.prod.example.com.', type: 'A', ttl: 30, address: '203.0.113.7' },
    ]);
    expect(a.explanation).toMatchObject({ key: 'explain.dns.answer.externalName', params: { ips: '203.0.113.7' } });
    expect(a.forwarded).toEqual({ to: ['192.168.1.1'], name: 'orders-db.prod.example.com.', known: true });
  });

  it('has no address of its own: without an upstream answer only the CNAME comes back', () => {
    const a = lookup(s, name, 'A');
    expect(a.rcode).toBe('NOERROR');
    expect(data(a.answers)).toEqual(['orders-db.prod.example.com.']);
    expect(a.forwarded?.known).toBe(false);
    expect(a.explanation.key).toBe('explain.dns.answer.externalNameUnknown');
  });

  it('answers a CNAME query with the CNAME, and an SRV query with nothing', () => {
    expect(lookup(s, name, 'CNAME').answers).toEqual([{ name: `${name}.`, type: 'CNAME', ttl: 30, target: 'orders-db.prod.example.com.' }]);
    expect(lookup(s, `_postgres._tcp.${name}`, 'SRV')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });

  it('follows an ExternalName that points inside the cluster', () => {
    const t = clusterOf(
      scenario('hostnames.yaml'),
      `apiVersion: v1
kind: Service
metadata:
  name: alias
spec:
  type: ExternalName
  externalName: hostnames.default.svc.cluster.local`,
    );
    expect(data(lookup(t, 'alias.default.svc.cluster.local', 'A').answers)).toEqual([
      'hostnames.default.svc.cluster.local.',
      clusterIP(t, 'hostnames'),
    ]);
  });

  it('ignores an externalName that is an address: NXDOMAIN', () => {
    const t = clusterOf(`apiVersion: v1
kind: Service
metadata:
  name: legacy
spec:
  type: ExternalName
  externalName: 192.168.1.50`);
    expect(lookup(t, 'legacy.default.svc.cluster.local', 'A')).toMatchObject({
      rcode: 'NXDOMAIN',
      explanation: { key: 'explain.dns.nxdomain.externalNameAddress' },
    });
  });
});

describe('pod names, reverse lookups and names outside the cluster', () => {
  // Both scenarios define a pod named client.
  const s = clusterOf(scenario('dns-headless-statefulset.yaml'), scenario('hostnames.yaml').replace('name: client', 'name: client-2'));

  it('answers a-b-c-d.<ns>.pod names without checking any pod has the address (pods insecure)', () => {
    expect(lookup(s, '10-244-1-5.default.pod.cluster.local', 'A').answers).toEqual([
      { name: '10-244-1-5.default.pod.cluster.local.', type: 'A', ttl: 30, address: '10.244.1.5' },
    ]);
    expect(lookup(s, '10-244-1-5.nosuch.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(lookup(s, 'web-0.default.pod.cluster.local', 'A').explanation.key).toBe('explain.dns.nxdomain.podName');
  });

  it('maps a ClusterIP back to its Service and an endpoint address to its endpoint name', () => {
    const svc = lookup(s, '10.0.96.10.in-addr.arpa', 'PTR');
    expect(data(svc.answers)).toEqual(['kube-dns.kube-system.svc.cluster.local.']);
    const ip = ipOf(s, 'web-2');
    const reverse = `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
    expect(lookup(s, reverse, 'PTR').answers).toEqual([
      { name: reverse, type: 'PTR', ttl: 30, target: 'web-2.web.default.svc.cluster.local.' },
    ]);
    const backend = s.pods.find((p) => p.metadata.name.startsWith('hostnames-'))!.status.podIP!;
    expect(data(lookup(s, `${backend.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR').answers)).toEqual([
      `${backend.replace(/\./g, '-')}.hostnames.default.svc.cluster.local.`,
    ]);
  });

  it('lets a reverse lookup the cluster cannot answer fall through to the upstream resolver', () => {
    const ip = ipOf(s, 'client');
    const a = lookup(s, `${ip.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR');
    expect(a).toMatchObject({ rcode: 'UNKNOWN', authoritative: false, forwarded: { to: ['192.168.1.1'], known: false } });
  });

  it("forwards other names to the node's resolver: unknown unless the caller says, NXDOMAIN for a missing TLD", () => {
    expect(lookup(s, 'example.com', 'A')).toMatchObject({ rcode: 'UNKNOWN', explanation: { key: 'explain.dns.forward.unknown' } });
    expect(lookup(s, 'example.com', 'A', { upstream: { 'Example.COM.': ['93.184.215.14'] } }).answers).toEqual([
      { name: 'example.com.', type: 'A', ttl: 30, address: '93.184.215.14' },
    ]);
    expect(lookup(s, 'gone.example.com', 'A', { upstream: { 'gone.example.com': 'NXDOMAIN' } }).rcode).toBe('NXDOMAIN');
    expect(lookup(s, 'nosuch', 'A')).toMatchObject({ rcode: 'NXDOMAIN', explanation: { key: 'explain.dns.forward.noTld' } });
    expect(
      lookup(s, 'example.com', 'A', { nodeResolvConf: { nameservers: ['1.1.1.1', '8.8.8.8'], searches: [], options: [] } }).forwarded?.to,
    ).toEqual(['1.1.1.1', '8.8.8.8']);
  });
});
