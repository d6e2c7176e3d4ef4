import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cluster/types';
import { resolve } from './resolve';
import { clientPod, clusterOf, podOf } from './testClusters';
import type { Resolution } from './types';

const scenario = (file: string) => readFileSync(join(__dirname, '../../../public/scenarios', file), 'utf8');
const clusterIP = (s: ClusterState, name: string, ns = 'default') =>
  s.services.find((x) => x.metadata.name === name && x.metadata.namespace === ns)!.spec.clusterIP!;
const walk = (r: Resolution) => r.queries.map((q) => `${q.qname} ${q.answer.rcode}`);

describe('the search walk from a pod in namespace default (glibc, ndots:5)', () => {
  const s = clusterOf(scenario('dns-ndots.yaml'));
  const client = podOf(s, 'client');

  it('answers a bare Service name with the first search domain: one query', () => {
    const r = resolve(s, client, 'hostnames');
    expect(r.candidates).toEqual([
      'hostnames.default.svc.cluster.local.',
      'hostnames.svc.cluster.local.',
      'hostnames.cluster.local.',
      'hostnames.',
    ]);
    expect(walk(r)).toEqual(['hostnames.default.svc.cluster.local. NOERROR']);
    expect(r).toMatchObject({ status: 'answered', answeredBy: 1, addresses: [clusterIP(s, 'hostnames')] });
    expect(r.queries[0]).toMatchObject({ kind: 'search', suffix: 'default.svc.cluster.local', server: '10.96.0.10', toClusterDns: true });
    expect(r.explanation).toMatchObject({ key: 'explain.dns.final.answered', params: { n: 1, count: 1 } });
  });

  it('answers <service>.<namespace> with the second search domain, after an NXDOMAIN', () => {
    expect(walk(resolve(s, client, 'hostnames.default'))).toEqual([
      'hostnames.default.default.svc.cluster.local. NXDOMAIN',
      'hostnames.default.svc.cluster.local. NOERROR',
    ]);
    const r = resolve(s, client, 'api.backend');
    expect(r).toMatchObject({ status: 'answered', answeredBy: 2, addresses: [clusterIP(s, 'api', 'backend')] });
    expect(r.queries[1]!.qname).toBe('api.backend.svc.cluster.local.');
  });

  it('tries every search domain and then the name itself before giving up on a name that does not exist', () => {
    const r = resolve(s, client, 'nosuch');
    expect(walk(r)).toEqual([
      'nosuch.default.svc.cluster.local. NXDOMAIN',
      'nosuch.svc.cluster.local. NXDOMAIN',
      'nosuch.cluster.local. NXDOMAIN',
      'nosuch. NXDOMAIN',
    ]);
    expect(r.queries.map((q) => q.kind)).toEqual(['search', 'search', 'search', 'as-is']);
    expect(r).toMatchObject({
      status: 'nxdomain',
      addresses: [],
      explanation: { key: 'explain.dns.final.nxdomain', params: { count: 4 } },
    });
  });

  it('asks exactly once for a name with a trailing dot', () => {
    expect(walk(resolve(s, client, 'hostnames.default.svc.cluster.local.'))).toEqual(['hostnames.default.svc.cluster.local. NOERROR']);
    const r = resolve(s, client, 'nosuch.default.svc.cluster.local.');
    expect(walk(r)).toEqual(['nosuch.default.svc.cluster.local. NXDOMAIN']);
    expect(r.queries[0]!.explanation.key).toBe('explain.dns.query.absolute');
  });

  it('searches a 4-dot name first, but tries a 5-dot name as it is first (the ndots boundary)', () => {
    const four = resolve(s, client, 'hostnames.default.svc.cluster.local');
    expect(four.queries.map((q) => q.qname)).toEqual([
      'hostnames.default.svc.cluster.local.default.svc.cluster.local.',
      'hostnames.default.svc.cluster.local.svc.cluster.local.',
      'hostnames.default.svc.cluster.local.cluster.local.',
      'hostnames.default.svc.cluster.local.',
    ]);
    expect(four).toMatchObject({ status: 'answered', answeredBy: 4 });
    const backend = s.pods.find((p) => p.metadata.name.startsWith('hostnames-'))!.status.podIP!;
    const five = resolve(s, client, `${backend.replace(/\./g, '-')}.hostnames.default.svc.cluster.local`);
    expect(five).toMatchObject({ dots: 5, status: 'answered', answeredBy: 1, addresses: [backend] });
    expect(five.queries[0]).toMatchObject({ kind: 'as-is', explanation: { key: 'explain.dns.query.asIsFirst' } });
  });

  it('answers an SRV question with the records themselves', () => {
    const r = resolve(s, client, '_default._tcp.hostnames', 'SRV');
    expect(r).toMatchObject({ status: 'answered', answeredBy: 1, addresses: [] });
    expect(r.records).toEqual([
      {
        name: '_default._tcp.hostnames.default.svc.cluster.local.',
        type: 'SRV',
        ttl: 30,
        priority: 0,
        weight: 100,
        port: 80,
        target: 'hostnames.default.svc.cluster.local.',
      },
    ]);
  });

  it('keeps searching after an as-is NXDOMAIN for a 5-dot name (glibc), and reports the as-is error', () => {
    const r = resolve(s, client, 'a.b.c.d.e.example', 'A', { upstream: { 'a.b.c.d.e.example': 'NXDOMAIN' } });
    expect(r.queries.map((q) => q.kind)).toEqual(['as-is', 'search', 'search', 'search']);
    expect(r.status).toBe('nxdomain');
  });

  it('spends three queries on the search domains before an outside name, and says how to avoid them', () => {
    const upstream = { 'example.com': ['93.184.215.14'] };
    const r = resolve(s, client, 'example.com', 'A', { upstream });
    expect(walk(r)).toEqual([
      'example.com.default.svc.cluster.local. NXDOMAIN',
      'example.com.svc.cluster.local. NXDOMAIN',
      'example.com.cluster.local. NXDOMAIN',
      'example.com. NOERROR',
    ]);
    expect(r).toMatchObject({ status: 'answered', addresses: ['93.184.215.14'], answeredBy: 4 });
    expect(r.queries[3]!.answer).toMatchObject({ authoritative: false, forwarded: { to: ['192.168.1.1'], known: true } });
    expect(r.notes.map((n) => n.key)).toContain('explain.dns.note.ndotsCost');
    expect(r.notes.find((n) => n.key === 'explain.dns.note.ndotsCost')!.params).toMatchObject({ wasted: 3 });
    expect(walk(resolve(s, client, 'example.com.', 'A', { upstream }))).toEqual(['example.com. NOERROR']);
  });

  it('stops when an outside answer is unknown to the model', () => {
    const r = resolve(s, client, 'example.com');
    expect(r.queries).toHaveLength(4);
    expect(r).toMatchObject({ status: 'unknown', explanation: { key: 'explain.dns.final.unknown', params: { upstream: '192.168.1.1' } } });
    expect(r.queries[3]!.responseSize).toBeUndefined();
  });

  it('keeps going past NODATA with glibc, but musl stops there', () => {
    // default.svc.cluster.local is the namespace's node in the zone: it exists but holds no address.
    const glibc = resolve(s, client, 'default');
    expect(walk(glibc)).toEqual([
      'default.default.svc.cluster.local. NXDOMAIN',
      'default.svc.cluster.local. NOERROR',
      'default.cluster.local. NXDOMAIN',
      'default. NXDOMAIN',
    ]);
    expect(glibc.status).toBe('nodata');
    const musl = resolve(s, client, 'default', 'A', { libc: 'musl' });
    expect(walk(musl)).toEqual(['default.default.svc.cluster.local. NXDOMAIN', 'default.svc.cluster.local. NOERROR']);
    expect(musl.status).toBe('nodata');
  });

  it('never searches a name with ndots dots or more under musl', () => {
    const r = resolve(s, client, 'a.b.c.d.e.example', 'A', { libc: 'musl', upstream: { 'a.b.c.d.e.example': 'NXDOMAIN' } });
    expect(r.queries.map((q) => q.qname)).toEqual(['a.b.c.d.e.example.']);
    expect(r.queries[0]!.explanation.key).toBe('explain.dns.query.asIsOnly');
  });

  it('gives each query its size on the wire: the reply repeats the question; a negative one carries the SOA', () => {
    const [hit] = resolve(s, client, 'hostnames').queries;
    expect(hit).toMatchObject({ querySize: 53, responseSize: 69 }); // 12 + 37 + 4; + one compressed A record (16)
    const [miss] = resolve(s, client, 'nosuch').queries;
    expect(miss).toMatchObject({ querySize: 50, responseSize: 104 }); // + the SOA of cluster.local (54)
  });

  it('needs no query for an address, and refuses a malformed name', () => {
    expect(resolve(s, client, '10.96.0.1')).toMatchObject({ status: 'literal', addresses: ['10.96.0.1'], queries: [] });
    expect(resolve(s, client, 'a..b')).toMatchObject({ status: 'invalid', queries: [] });
    expect(resolve(s, client, `${'x'.repeat(64)}.example`)).toMatchObject({ status: 'invalid', queries: [] });
  });

  it('answers a PTR question with records, not addresses', () => {
    const r = resolve(s, client, '10.0.96.10.in-addr.arpa', 'PTR');
    expect(r).toMatchObject({ status: 'answered', addresses: [], answeredBy: 1 });
    expect(r.records).toEqual([
      { name: '10.0.96.10.in-addr.arpa.', type: 'PTR', ttl: 30, target: 'kube-dns.kube-system.svc.cluster.local.' },
    ]);
  });
});

describe('headless and ExternalName names through the search list', () => {
  it('resolves a headless Service to its ready pods and a StatefulSet pod to its own address', () => {
    const s = clusterOf(scenario('dns-headless-statefulset.yaml'));
    const client = podOf(s, 'client');
    const ips = ['web-0', 'web-1', 'web-2'].map((p) => podOf(s, p).status.podIP!);
    expect(resolve(s, client, 'web').addresses.sort()).toEqual([...ips].sort());
    // web-1.web plus the first search domain is already the pod's full name.
    expect(resolve(s, client, 'web-1.web')).toMatchObject({ answeredBy: 1, addresses: [ips[1]] });
  });

  it('follows the CNAME of an ExternalName to the outside address, or leaves it to the upstream', () => {
    const s = clusterOf(scenario('dns-externalname.yaml'));
    const client = podOf(s, 'client');
    const known = resolve(s, client, 'orders-db', 'A', { upstream: { 'orders-db.prod.example.com': ['203.0.113.7'] } });
    expect(known).toMatchObject({
      status: 'answered',
      answeredBy: 1,
      addresses: ['203.0.113.7'],
      canonicalName: 'orders-db.prod.example.com.',
    });
    const unknown = resolve(s, client, 'orders-db');
    expect(unknown).toMatchObject({
      status: 'unknown',
      addresses: [],
      canonicalName: 'orders-db.prod.example.com.',
      explanation: { key: 'explain.dns.final.cnameUnknown' },
    });
  });
});

describe('pods that do not use the cluster DNS', () => {
  it("sends a host-network ClusterFirst pod's queries to the node's resolver, where cluster names do not exist", () => {
    const s = clusterOf(scenario('hostnames.yaml'), clientPod('agent', 'default', '  hostNetwork: true\n'));
    const agent = podOf(s, 'agent');
    const short = resolve(s, agent, 'hostnames');
    expect(walk(short)).toEqual(['hostnames. NXDOMAIN']);
    expect(short.queries[0]).toMatchObject({ server: '192.168.1.1', toClusterDns: false });
    const full = resolve(s, agent, 'hostnames.default.svc.cluster.local');
    expect(full).toMatchObject({ status: 'nxdomain' });
    expect(full.queries[0]!.answer.explanation.key).toBe('explain.dns.direct.clusterName');
  });
});
