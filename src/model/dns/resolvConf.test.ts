import { describe, expect, it } from 'vitest';
import { resolvConf } from './resolvConf';
import { clientPod, clusterOf, podOf } from './testClusters';

describe("a pod's /etc/resolv.conf", () => {
  it('points a ClusterFirst pod at kube-dns with its namespace first in the search list and ndots:5', () => {
    const s = clusterOf(clientPod('client', 'shop'));
    const conf = resolvConf(s, podOf(s, 'client', 'shop'));
    expect(conf.text).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(conf).toMatchObject({ policy: 'ClusterFirst', base: 'cluster', ndots: 5, nameservers: ['10.96.0.10'] });
    expect(conf.explanation).toMatchObject({ key: 'explain.dns.resolvConf.clusterFirst', params: { namespace: 'shop' } });
  });

  it("adds the node's search domains after the cluster's, but not its options", () => {
    const s = clusterOf(clientPod());
    const conf = resolvConf(s, podOf(s, 'client'), {
      nodeResolvConf: { nameservers: ['192.168.1.1'], searches: ['lab.example', 'cluster.local'], options: ['edns0'] },
    });
    expect(conf.searches).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'lab.example']);
    expect(conf.options).toEqual(['ndots:5']);
  });

  it("gives a host-network pod with ClusterFirst the node's file, and the cluster's with ClusterFirstWithHostNet", () => {
    const s = clusterOf(
      clientPod('plain', 'default', '  hostNetwork: true\n'),
      clientPod('withnet', 'default', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'),
    );
    const plain = resolvConf(s, podOf(s, 'plain'));
    expect(plain).toMatchObject({ base: 'node', nameservers: ['192.168.1.1'], searches: [], ndots: 1 });
    expect(plain.text).toBe('nameserver 192.168.1.1\n');
    expect(plain.explanation.key).toBe('explain.dns.resolvConf.hostNetwork');
    const withNet = resolvConf(s, podOf(s, 'withnet'));
    expect(withNet).toMatchObject({ base: 'cluster', nameservers: ['10.96.0.10'], ndots: 5 });
    expect(withNet.explanation.key).toBe('explain.dns.resolvConf.clusterFirstWithHostNet');
  });

  it("gives CoreDNS itself (dnsPolicy Default) the node's resolver, so it can forward", () => {
    const s = clusterOf(clientPod());
    const coredns = s.pods.find((p) => p.metadata.name.startsWith('coredns-'))!;
    expect(resolvConf(s, coredns)).toMatchObject({ policy: 'Default', base: 'node', nameservers: ['192.168.1.1'] });
  });

  it('writes only dnsConfig for dnsPolicy None, and merges dnsConfig into ClusterFirst, options overriding', () => {
    const s = clusterOf(
      clientPod(
        'none',
        'default',
        `  dnsPolicy: None
  dnsConfig:
    nameservers: ["1.1.1.1"]
    searches: ["corp.example"]
    options:
    - name: ndots
      value: "2"
`,
      ),
      clientPod(
        'tuned',
        'default',
        `  dnsConfig:
    searches: ["corp.example"]
    options:
    - name: ndots
      value: "1"
    - name: edns0
`,
      ),
    );
    expect(resolvConf(s, podOf(s, 'none')).text).toBe('search corp.example\nnameserver 1.1.1.1\noptions ndots:2\n');
    const tuned = resolvConf(s, podOf(s, 'tuned'));
    expect(tuned.searches).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example']);
    expect(tuned.options).toEqual(['ndots:1', 'edns0']);
    expect(tuned.ndots).toBe(1);
  });

  it("applies kubelet's limits: three nameservers, no search domain over 253 characters", () => {
    const long = ['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join('.'); // 304 characters
    const s = clusterOf(
      clientPod(
        'busy',
        'default',
        `  dnsPolicy: None
  dnsConfig:
    nameservers: ["1.1.1.1", "8.8.8.8", "9.9.9.9", "8.8.4.4"]
    searches: ["ok.example", "${long}"]
`,
      ),
    );
    const conf = resolvConf(s, podOf(s, 'busy'));
    expect(conf.nameservers).toEqual(['1.1.1.1', '8.8.8.8', '9.9.9.9']);
    expect(conf.searches).toEqual(['ok.example']);
    expect(conf.warnings.map((w) => w.key)).toEqual(['explain.dns.resolvConf.nameserverLimit', 'explain.dns.resolvConf.searchLimit']);
  });
});
