// dig run in a pod: the reply CoreDNS gives (records from the model's zone), and dig's layout of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cluster/types';
import { dig, type DigReply, type DigType } from './dig';
import { digJson, digText } from './digText';
import { lookup } from './lookup';
import { clusterOf, podOf } from './testClusters';

const scenario = (file: string) => readFileSync(join(__dirname, '../../../public/scenarios', file), 'utf8');
/** 2026-12-03 07:30:00 UTC, the moment these digs run. */
const NOW = 1796283000;
const hostnames = clusterOf(scenario('hostnames.yaml'));
const headless = clusterOf(scenario('dns-headless-statefulset.yaml'));
const externalName = clusterOf(scenario('dns-externalname.yaml'));

function ask(state: ClusterState, name: string, type: DigType = 'A', search = false): DigReply {
  return dig(state, podOf(state, 'client'), name, type, { search, now: NOW })!;
}
const text = (reply: DigReply, args = reply.qname) => digText(reply, args, NOW);
const section = (out: string, title: string) => out.split(`;; ${title} SECTION:\n`)[1]?.split('\n\n')[0]?.split('\n') ?? [];

describe('dig in a pod', () => {
  it("prints dig 9.18's whole reply for a ClusterIP Service, byte for byte", () => {
    const reply = ask(hostnames, 'kubernetes.default.svc.cluster.local');
    expect(text(reply, 'kubernetes.default.svc.cluster.local')).toBe(
      [
        '',
        '; <<>> DiG 9.18-PacketWalk <<>> kubernetes.default.svc.cluster.local',
        ';; global options: +cmd',
        ';; Got answer:',
        ';; WARNING: .local is reserved for Multicast DNS',
        ';; You are currently testing what happens when an mDNS query is leaked to DNS',
        `;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ${reply.id}`,
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1',
        ';; WARNING: recursion requested but not available',
        '',
        ';; OPT PSEUDOSECTION:',
        '; EDNS: version: 0, flags:; udp: 1232',
        `; COOKIE: ${reply.cookie} (echoed)`,
        ';; QUESTION SECTION:',
        ';kubernetes.default.svc.cluster.local. IN A',
        '',
        ';; ANSWER SECTION:',
        'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1',
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)',
        ';; WHEN: Thu Dec 03 07:30:00 UTC 2026',
        // 12 header + 42 question + 52 answer (CoreDNS does not compress a reply that fits) + 23 OPT with the cookie.
        ';; MSG SIZE  rcvd: 129',
        '',
        '',
      ].join('\n'),
    );
    expect(reply.id).toBeLessThan(65536);
    expect(reply.cookie).toMatch(/^[0-9a-f]{16}$/);
  });

  it('lays out columns with the tabs real dig prints (a reply from dig 9.10 against a LAN resolver)', () => {
    const reply: DigReply = {
      server: '127.0.0.1',
      qname: 'foobar.local.',
      qtype: 'A',
      rcode: 'NOERROR',
      flags: ['qr', 'rd', 'ra'],
      id: 51840,
      cookie: '0123456789abcdef',
      answer: [{ name: 'foobar.local.', type: 'A', ttl: 5, address: '127.0.0.1' }],
      authority: [],
      additional: [],
      size: 61,
    };
    const out = text(reply);
    expect(out).toContain(';foobar.local.\t\t\tIN\tA\n');
    expect(out).toContain('foobar.local.\t\t5\tIN\tA\t127.0.0.1\n');
    // A recursive resolver's reply: no warning about recursion.
    expect(out).not.toContain('recursion requested');
  });

  it("answers NXDOMAIN with CoreDNS's SOA in the authority section, its size as a real cluster logged it", () => {
    const reply = ask(hostnames, 'mytotalfakedomain.svc.cluster.local.');
    const out = text(reply);
    expect(out).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN');
    expect(out).toContain('ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1');
    expect(section(out, 'AUTHORITY')).toEqual([
      `cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. ${NOW} 7200 1800 86400 30`,
    ]);
    // CoreDNS logged this reply as 146 bytes to a query without EDNS (coredns/coredns#3835); dig's OPT adds 23.
    expect(reply.size).toBe(146 + 23);
  });

  it("takes the SOA serial from the newest object the dump dates, as CoreDNS's informers saw it change", () => {
    const dated = clusterOf(
      scenario('hostnames.yaml'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  creationTimestamp: "2026-11-30T08:00:00Z"',
    );
    expect(ask(dated, 'nope.default.svc.cluster.local').authority[0]).toMatchObject({
      type: 'SOA',
      serial: Date.parse('2026-11-30T08:00:00Z') / 1000,
    });
  });

  it('gives SRV records for a named port with the targets in the additional section', () => {
    const reply = ask(headless, '_http._tcp.web.default.svc.cluster.local', 'SRV');
    const model = lookup(headless, '_http._tcp.web.default.svc.cluster.local', 'SRV');
    expect(reply.answer).toEqual(model.answers);
    expect(reply.additional).toEqual(model.additional);
    const out = text(reply);
    const answers = section(out, 'ANSWER');
    expect(answers).toHaveLength(3);
    for (const line of answers)
      expect(line).toMatch(
        /^_http\._tcp\.web\.default\.svc\.cluster\.local\. 30 IN\tSRV 0 33 8080 web-\d\.web\.default\.svc\.cluster\.local\.$/,
      );
    expect(section(out, 'ADDITIONAL')).toHaveLength(3);
    expect(out).toContain('ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 4');
  });

  it('lists every ready pod of a headless Service as an A record', () => {
    const reply = ask(headless, 'web.default.svc.cluster.local');
    const pods = headless.pods.filter((p) => p.metadata.name.startsWith('web-')).map((p) => p.status.podIP);
    expect(reply.answer.map((r) => (r.type === 'A' ? r.address : ''))).toEqual(expect.arrayContaining(pods));
    expect(reply.answer).toHaveLength(3);
  });

  it('answers PTR for a ClusterIP with its Service, and for a pod behind a Service with its endpoint name', () => {
    const svc = ask(hostnames, '10.0.96.10.in-addr.arpa', 'PTR');
    expect(section(text(svc), 'ANSWER')).toEqual(['10.0.96.10.in-addr.arpa. 30\tIN\tPTR\tkube-dns.kube-system.svc.cluster.local.']);
    const ip = podOf(headless, 'web-0').status.podIP!;
    const pod = ask(headless, `${ip.split('.').reverse().join('.')}.in-addr.arpa.`, 'PTR');
    expect(pod.answer).toEqual([expect.objectContaining({ type: 'PTR', target: 'web-0.web.default.svc.cluster.local.' })]);
  });

  it("answers an ExternalName Service with its CNAME, the target's addresses being the upstream resolver's", () => {
    const reply = ask(externalName, 'orders-db.default.svc.cluster.local');
    expect(reply.answer).toEqual([
      { name: 'orders-db.default.svc.cluster.local.', type: 'CNAME', ttl: 30, target: 'orders-db.prod.example.com.' },
    ]);
    expect(reply.upstream).toEqual({ servers: ['192.168.1.1'], modelled: false });
    expect(ask(externalName, 'orders-db.default.svc.cluster.local', 'CNAME').answer).toEqual(reply.answer);
  });

  it('answers TXT only for dns-version, NODATA for a name that exists, NXDOMAIN for one that does not', () => {
    const version = ask(hostnames, 'dns-version.cluster.local', 'TXT');
    expect(section(text(version), 'ANSWER')).toEqual(['dns-version.cluster.local. 28800 IN\tTXT\t"1.1.0"']);
    const svc = ask(hostnames, 'hostnames.default.svc.cluster.local', 'TXT');
    expect([svc.rcode, svc.answer.length, svc.authority[0]?.type]).toEqual(['NOERROR', 0, 'SOA']);
    expect(ask(hostnames, 'nope.default.svc.cluster.local', 'TXT').rcode).toBe('NXDOMAIN');
  });

  it('answers NS at the zone apex with ns.dns and the kube-dns address as glue', () => {
    const out = text(ask(hostnames, 'cluster.local', 'NS'));
    expect(section(out, 'ANSWER')).toEqual(['cluster.local.\t\t30\tIN\tNS\tns.dns.cluster.local.']);
    expect(section(out, 'ADDITIONAL')).toEqual(['ns.dns.cluster.local.\t30\tIN\tA\t10.96.0.10']);
  });

  it('asks the name as typed, as dig does, and walks the search list only with +search', () => {
    const plain = ask(hostnames, 'kubernetes.default');
    // Not the cluster's: CoreDNS forwards it, and what the LAN's resolver says is not modelled.
    expect([plain.qname, plain.rcode, plain.upstream?.modelled]).toEqual(['kubernetes.default.', 'UNKNOWN', false]);
    expect(text(plain)).toBe('');
    const searched = ask(hostnames, 'kubernetes.default', 'A', true);
    expect([searched.qname, searched.rcode]).toEqual(['kubernetes.default.svc.cluster.local.', 'NOERROR']);
    expect(searched.answer).toEqual([expect.objectContaining({ type: 'A', address: '10.96.0.1' })]);
  });

  it('says NODATA for AAAA in an IPv4 cluster, with the SOA', () => {
    const reply = ask(hostnames, 'kubernetes.default.svc.cluster.local', 'AAAA');
    expect([reply.rcode, reply.answer.length, reply.authority.length]).toEqual(['NOERROR', 0, 1]);
  });

  it('refuses a name dig would not send', () => {
    expect(dig(hostnames, podOf(hostnames, 'client'), `${'a'.repeat(64)}.example`, 'A', { now: NOW })).toBeUndefined();
  });

  it('gives scripts the status and each record with its data as dig prints it', () => {
    expect(digJson(ask(hostnames, 'cluster.local', 'NS'))).toMatchObject({
      status: 'NOERROR',
      answer: [{ name: 'cluster.local.', ttl: 30, class: 'IN', type: 'NS', data: 'ns.dns.cluster.local.' }],
      authority: [],
      additional: [{ name: 'ns.dns.cluster.local.', ttl: 30, class: 'IN', type: 'A', data: '10.96.0.10' }],
    });
  });
});
