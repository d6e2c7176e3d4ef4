// What nftables mode does for each Service shape, as a learner reading `packetwalk nft` sees it.
import { describe, expect, it } from 'vitest';
import { nftablesDump } from './sync';
import { featureCluster } from './testCluster';

const lines = (text: string, pattern: RegExp): string[] => text.split('\n').filter((l) => pattern.test(l));

describe('nftables mode, Service by Service', () => {
  const w1 = nftablesDump(featureCluster(), 'worker-1', 4);
  const w2 = nftablesDump(featureCluster(), 'worker-2', 4);

  it('sends UDP and SCTP ports through the same verdict map as TCP, keyed by protocol', () => {
    expect(w1).toMatch(
      /^add element ip kube-proxy service-ips \{ 10\.96\.0\.10 \. udp \. 53 : goto service-\w{8}-default\/dns\/udp\/dns \}$/m,
    );
    expect(w1).toMatch(
      /^add element ip kube-proxy service-ips \{ 10\.96\.0\.10 \. sctp \. 99 : goto service-\w{8}-default\/dns\/sctp\/sctp \}$/m,
    );
    expect(w1).toMatch(/meta l4proto sctp dnat to 10\.244\.1\.9:99$/m);
  });

  it('rejects a Service with no endpoints at its ClusterIP and its NodePort', () => {
    expect(w1).toContain(
      'add element ip kube-proxy no-endpoint-services { 10.96.0.11 . tcp . 80 comment "default/none" : goto reject-chain }',
    );
    expect(w1).toContain('add element ip kube-proxy no-endpoint-nodeports { tcp . 30011 comment "default/none" : goto reject-chain }');
    expect(lines(w1, /default\/none\/tcp/)).toEqual([]);
  });

  it('drops ClusterIP traffic on a node without a local endpoint when internalTrafficPolicy is Local', () => {
    expect(w1).toContain('add element ip kube-proxy no-endpoint-services { 10.96.0.12 . tcp . 80 comment "default/local" : drop }');
    expect(w2).toMatch(
      /^add element ip kube-proxy service-ips \{ 10\.96\.0\.12 \. tcp \. 80 : goto local-\w{8}-default\/local\/tcp\/ \}$/m,
    );
  });

  it('keeps sending to an endpoint that is terminating but still serving when no other is ready', () => {
    expect(w2).toMatch(/numgen random mod 1 vmap \{ 0 : goto endpoint-\w{8}-default\/draining\/tcp\/__10\.244\.1\.8\/80 \}$/m);
  });

  it('gives each ClientIP-affinity endpoint a set with the Service timeout, checked before numgen and updated on DNAT', () => {
    expect(w1).toMatch(
      /^add set ip kube-proxy affinity-\w{8}-default\/web\/tcp\/__10\.244\.1\.5\/8080 \{ type ipv4_addr ; flags dynamic,timeout ; timeout 10800s ; \}$/m,
    );
    const cluster = lines(w1, /^add rule ip kube-proxy service-\w{8}-default\/web\/tcp\/ /);
    expect(cluster.map((l) => l.replace(/^.*?\/web\/tcp\/ /, ''))).toEqual([
      expect.stringMatching(/^ip daddr 10\.96\.0\.80 ip saddr != 10\.244\.0\.0\/16 jump mark-for-masquerade$/),
      expect.stringMatching(/^ip saddr @affinity-\w{8}-default\/web\/tcp\/__10\.244\.1\.5\/8080 goto endpoint-/),
      expect.stringMatching(/^ip saddr @affinity-\w{8}-default\/web\/tcp\/__10\.244\.2\.5\/8080 goto endpoint-/),
      expect.stringMatching(/^numgen random mod 2 vmap \{ 0 : goto endpoint-\S+ , 1 : goto endpoint-\S+ \}$/),
    ]);
    expect(w1).toMatch(/update @affinity-\w{8}-default\/web\/tcp\/__10\.244\.1\.5\/8080 \{ ip saddr \}$/m);
  });

  it('lets loadBalancerSourceRanges through, and the LB VIP itself when the node is inside a range', () => {
    expect(w1).toMatch(
      /^add rule ip kube-proxy firewall-\w{8}-default\/web\/tcp\/ ip saddr != \{ 192\.168\.1\.0\/24 , 192\.168\.1\.240 \} drop$/m,
    );
    expect(w1).toMatch(/^add element ip kube-proxy firewall-ips \{ 192\.168\.1\.240 \. tcp \. 80 : goto firewall-/m);
  });

  it("with externalTrafficPolicy Local, sends outside traffic to this node's endpoints only, and pods to all of them", () => {
    expect(w2).toMatch(/^add rule ip kube-proxy external-\w{8}-default\/web\/tcp\/ goto local-\w{8}-default\/web\/tcp\/$/m);
    expect(w2).toMatch(
      /^add rule ip kube-proxy local-\S+ numgen random mod 1 vmap \{ 0 : goto endpoint-\w{8}-default\/web\/tcp\/__10\.244\.2\.5\/8080 \}$/m,
    );
    expect(w2).toMatch(
      /^add rule ip kube-proxy external-\w{8}-default\/web\/tcp\/ ip saddr 10\.244\.0\.0\/16 goto service-\w{8}-default\/web\/tcp\/ comment "short-circuit pod traffic"$/m,
    );
  });

  it('with externalTrafficPolicy Local and no endpoint on this node, drops outside traffic but still short-circuits pods', () => {
    const state = featureCluster();
    const web = state.endpointSlices.find((s) => s.metadata.name === 'web-abc12')!;
    web.endpoints = web.endpoints.filter((e) => e.nodeName === 'worker-1');
    const text = nftablesDump(state, 'worker-2', 4);
    for (const key of ['tcp . 30080', '192.168.1.50 . tcp . 80', '192.168.1.240 . tcp . 80']) {
      expect(text).toContain(`{ ${key} comment "default/web" : drop }`);
    }
    expect(text).not.toMatch(/goto local-\w{8}-default\/web/);
    expect(text).toMatch(/external-\w{8}-default\/web\/tcp\/ fib saddr type local goto service-/);
  });

  it('masquerades every ClusterIP connection with masqueradeAll', () => {
    const all = nftablesDump(featureCluster({ masqueradeAll: true }), 'worker-1', 4);
    expect(all).toMatch(/^add rule ip kube-proxy service-\w{8}-default\/dns\/udp\/dns ip daddr 10\.96\.0\.10 jump mark-for-masquerade$/m);
  });

  it('writes an ip6 table with IPv6 matches, colons in chain names turned into dots, and bracketed DNAT targets', () => {
    const v6 = nftablesDump(featureCluster(), 'worker-1', 6);
    expect(v6.split('\n')[0]).toBe('add table ip6 kube-proxy { comment "rules for kube-proxy" ; }');
    expect(v6).toContain(
      'add rule ip6 kube-proxy cluster-ips-check ip6 daddr { fd00:10:96::/112 } drop comment "Drop traffic to unallocated ClusterIPs"',
    );
    expect(v6).toMatch(
      /^add rule ip6 kube-proxy endpoint-\w{8}-default\/web\/tcp\/__fd00\.10\.244\.1\.\.5\/8080 meta l4proto tcp dnat to \[fd00:10:244:1::5\]:8080$/m,
    );
    expect(v6).toContain(
      'add rule ip6 kube-proxy services fib daddr type local ip6 daddr != ::1 meta l4proto . th dport vmap @service-nodeports',
    );
  });

  it('keeps NodePorts to the nodeport-ips set when nodePortAddresses narrows them', () => {
    const narrowed = nftablesDump(featureCluster({ nodePortAddresses: ['192.168.1.0/24', '127.0.0.0/8'] }), 'worker-1', 4);
    expect(narrowed).toContain('add element ip kube-proxy nodeport-ips { 192.168.1.11 }');
    expect(narrowed).not.toContain('nodeport-ips { 127.0.0.1 }');
    expect(narrowed).toContain('add rule ip kube-proxy services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports');
  });
});
