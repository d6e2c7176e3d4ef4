import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corefile } from './corefile';
import { dnsRecords, formatRecord } from './records';
import { clusterOf, podOf } from './testClusters';

const scenario = (file: string) => readFileSync(join(__dirname, '../../../public/scenarios', file), 'utf8');

describe('the cluster zone, as a zone transfer lists it', () => {
  it('gives a ClusterIP Service its A record and SRV records, the named port under _name._proto', () => {
    const s = clusterOf(scenario('hostnames.yaml'));
    const ip = s.services.find((x) => x.metadata.name === 'hostnames')!.spec.clusterIP!;
    const lines = dnsRecords(s)
      .map(formatRecord)
      .filter((l) => l.includes('hostnames.'));
    expect(lines).toEqual([
      `hostnames.default.svc.cluster.local.\t30\tIN\tA\t${ip}`,
      'hostnames.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 80 hostnames.default.svc.cluster.local.',
      '_default._tcp.hostnames.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 80 hostnames.default.svc.cluster.local.',
    ]);
  });

  it('gives a headless Service one A record per ready pod, a name per pod and SRV records to those names', () => {
    const s = clusterOf(scenario('dns-headless-statefulset.yaml'));
    const web = dnsRecords(s).filter((r) => r.name.endsWith('web.default.svc.cluster.local.'));
    const ip0 = podOf(s, 'web-0').status.podIP!;
    expect(web.filter((r) => r.name === 'web.default.svc.cluster.local.')).toHaveLength(3);
    expect(web).toContainEqual({ name: 'web-0.web.default.svc.cluster.local.', type: 'A', ttl: 30, address: ip0 });
    expect(web).toContainEqual({
      name: '_http._tcp.web.default.svc.cluster.local.',
      type: 'SRV',
      ttl: 30,
      priority: 0,
      weight: 33,
      port: 8080,
      target: 'web-0.web.default.svc.cluster.local.',
    });
  });

  it('lists an ExternalName as a CNAME, Services in name order, and no pod names', () => {
    const s = clusterOf(scenario('dns-externalname.yaml'));
    const records = dnsRecords(s);
    expect(records).toContainEqual({
      name: 'orders-db.default.svc.cluster.local.',
      type: 'CNAME',
      ttl: 30,
      target: 'orders-db.prod.example.com.',
    });
    const owners = [...new Set(records.filter((r) => r.type !== 'SRV').map((r) => r.name))];
    expect(owners).toEqual([
      'kube-dns.kube-system.svc.cluster.local.',
      'kubernetes.default.svc.cluster.local.',
      'orders-db.default.svc.cluster.local.',
    ]);
  });
});

describe("kubeadm's Corefile", () => {
  it('serves the cluster domain and the reverse zones, pods insecure, TTL 30, and forwards the rest to the node', () => {
    const text = corefile(clusterOf(''));
    expect(text).toContain(
      'kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }',
    );
    expect(text).toContain('forward . /etc/resolv.conf {');
    expect(text).toContain('disable success cluster.local');
    expect(text.startsWith('.:53 {\n    errors\n')).toBe(true);
  });
});
