// BGP mode (speaker/bgp_controller.go, MetalLB v0.15.3) and the router it peers with.

import { describe, expect, it } from 'vitest';
import { routerNextHop } from './bgp';
import { lbService, run } from './testFixtures';
import type { RouterTable } from './types';

const peer = (name: string, asn: number, extra = '') =>
  `apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: ${name}, namespace: metallb-system}\nspec:\n  myASN: 64500\n  peerASN: ${asn}\n  peerAddress: 192.168.1.1\n${extra}---\n`;
const pool =
  'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: bgp-pool, namespace: metallb-system}\nspec: {addresses: [192.168.10.0/24]}\n---\n';
const adv = (spec: string) =>
  `apiVersion: metallb.io/v1beta1\nkind: BGPAdvertisement\nmetadata: {name: adv, namespace: metallb-system}\nspec: ${spec}\n---\n`;

describe('what the speakers advertise', () => {
  it('advertises a /32 from every eligible node to the peer (eBGP: no LOCAL_PREF)', () => {
    const r = run(
      pool + adv('{localPref: 200, communities: ["65535:65282", "64500:1"]}') + peer('tor', 64501) + lbService('web', { replicas: 2 }),
    );
    const a = r.announcements.find((x) => x.protocol === 'bgp')!;
    expect(a).toMatchObject({ service: 'default/web', ip: '192.168.10.0', nodes: ['worker-1', 'worker-2'], peers: ['tor'] });
    expect(a.routes!.map((x) => [x.node, x.prefix, x.nextHop, x.localPref])).toEqual([
      ['worker-1', '192.168.10.0/32', '192.168.1.11', undefined],
      ['worker-2', '192.168.10.0/32', '192.168.1.12', undefined],
    ]);
    // Every advertising speaker records its own event.
    expect(
      r
        .eventsOf('web')
        .filter((e) => e.reason === 'nodeAssigned')
        .map((e) => e.params.node),
    ).toEqual(['"worker-1"', '"worker-2"']);
    // Sorted as MetalLB sorts them: 64500:1 (0xfbf40001) before 65535:65282.
    expect(a.routes![0].communities).toEqual(['64500:1', '65535:65282']);
  });

  it('rolls addresses up to aggregationLength, and the router keeps one ECMP route per prefix', () => {
    const r = run(
      pool + adv('{aggregationLength: 24}') + peer('tor', 64501) + lbService('a', { replicas: 2 }) + lbService('b', { replicas: 2 }),
    );
    expect([r.ip('a'), r.ip('b')]).toEqual(['192.168.10.0', '192.168.10.1']);
    expect(r.routers).toEqual([
      {
        address: '192.168.1.1',
        asn: 64501,
        peers: ['tor'],
        routes: [
          {
            prefix: '192.168.10.0/24',
            localPref: 100,
            communities: [],
            nextHops: [
              { ip: '192.168.1.11', node: 'worker-1', peer: 'tor' },
              { ip: '192.168.1.12', node: 'worker-2', peer: 'tor' },
            ],
          },
        ],
      },
    ]);
  });

  it('sends LOCAL_PREF on iBGP sessions, and the router prefers the higher one', () => {
    const advs =
      adv('{localPref: 50, nodeSelectors: [{matchLabels: {kubernetes.io/hostname: worker-1}}]}') +
      adv('{localPref: 300, nodeSelectors: [{matchLabels: {kubernetes.io/hostname: worker-2}}]}').replace('name: adv', 'name: adv2');
    const r = run(pool + advs + peer('tor', 64500) + lbService('a', { replicas: 2 }));
    const route = r.routers[0].routes[0];
    expect(route.localPref).toBe(300);
    expect(route.nextHops.map((h) => h.node)).toEqual(['worker-2']);
  });

  it('peers only from the nodes a BGPPeer selects, and advertises only where endpoints are with ETP Local', () => {
    const selective = peer('tor', 64501, '  nodeSelectors: [{matchLabels: {kubernetes.io/hostname: worker-1}}]\n');
    const r = run(pool + adv('{}') + selective + lbService('a', { replicas: 2 }));
    expect(r.routers[0].routes[0].nextHops.map((h) => h.node)).toEqual(['worker-1']);
    const local = run(pool + adv('{}') + peer('tor', 64501) + lbService('a', { replicas: 1, spec: '  externalTrafficPolicy: Local\n' }));
    expect(local.routers[0].routes[0].nextHops).toHaveLength(1);
  });

  it('withdraws a down node’s route', () => {
    const yaml = pool + adv('{}') + peer('tor', 64501) + lbService('a', { replicas: 2 });
    expect(run(yaml, { downNodes: ['worker-1'] }).routers[0].routes[0].nextHops.map((h) => h.node)).toEqual(['worker-2']);
  });

  it('says when a BGPPeer has no router on the nodes’ network', () => {
    const far = peer('far', 64501).replace('192.168.1.1', '10.200.0.1');
    const r = run(pool + adv('{}') + far + lbService('a'));
    expect(r.diagnostics.find((d) => d.code === 'metallb.bgpPeer.noRouter')?.params).toMatchObject({ peer: 'far', address: '10.200.0.1' });
    expect(r.routers).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('metallb.bgp.noAnnouncer');
  });
});

describe('peers on the network the nodes actually have (issue 11)', () => {
  const node = (name: string, ip: string) =>
    `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}\nspec: {podCIDR: 10.244.${ip.split('.')[3]}.0/24}\nstatus:\n  addresses: [{type: InternalIP, address: ${ip}}]\n  conditions: [{type: Ready, status: "True"}]\n---\n`;
  const nodes = node('rack-a', '10.20.0.11') + node('rack-b', '10.20.0.12');
  const tor = peer('tor', 64501).replace('192.168.1.1', '10.20.0.1');

  it('reaches a router on the nodes’ own network (their InternalIPs), and says a kubeadm-default address has none', () => {
    const r = run(nodes + pool + adv('{}') + tor + peer('old', 64501).replace('name: tor', 'name: old') + lbService('a', { replicas: 2 }));
    expect(r.routers).toHaveLength(1);
    expect(r.routers[0]).toMatchObject({ address: '10.20.0.1', peers: ['tor'] });
    expect(r.routers[0].routes[0].nextHops.map((h) => `${h.node} ${h.ip}`)).toEqual(['rack-a 10.20.0.11', 'rack-b 10.20.0.12']);
    expect(r.diagnostics.find((d) => d.code === 'metallb.bgpPeer.noRouter')?.params).toEqual({
      peer: 'old',
      address: '192.168.1.1',
      subnet: '10.20.0.0/24',
    });
  });

  it('on a dual-stack network, a router on the nodes’ IPv6 network has a session too', () => {
    const dual = (name: string, i: number) =>
      node(name, `10.20.0.${i}`)
        .replace(`address: 10.20.0.${i}}]`, `address: 10.20.0.${i}}, {type: InternalIP, address: 'fd00:20::${i}'}]`)
        .replace(/podCIDR: (\S+)}/, `podCIDR: $1, podCIDRs: [$1, 'fd00:244:${i}::/64']}`);
    const tor6 = peer('tor6', 64501).replace('192.168.1.1', "'fd00:20::1'");
    const r = run(dual('rack-a', 11) + dual('rack-b', 12) + pool + adv('{}') + tor6 + lbService('a', { replicas: 2 }));
    expect(r.diagnostics.map((d) => d.code)).not.toContain('metallb.bgpPeer.noRouter');
    expect(r.routers.map((t) => t.address)).toEqual(['fd00:20::1']);
  });
});

describe('the router’s choice of next hop', () => {
  const table: RouterTable = {
    address: '192.168.1.1',
    asn: 64501,
    peers: ['tor'],
    routes: [
      {
        prefix: '192.168.10.0/24',
        localPref: 100,
        communities: [],
        nextHops: [1, 2, 3].map((i) => ({ ip: `192.168.1.1${i}`, node: `n${i}`, peer: 'tor' })),
      },
      { prefix: '192.168.10.7/32', localPref: 100, communities: [], nextHops: [{ ip: '192.168.1.13', node: 'n3', peer: 'tor' }] },
    ],
  };
  const flow = (srcPort: number, dstIP = '192.168.10.1') => ({
    protocol: 'TCP' as const,
    srcIP: '203.0.113.9',
    srcPort,
    dstIP,
    dstPort: 80,
  });

  it('uses the longest matching prefix', () => {
    expect(routerNextHop(table, flow(40000, '192.168.10.7'))?.nextHop.node).toBe('n3');
    expect(routerNextHop(table, flow(40000, '10.0.0.1'))).toBeUndefined();
  });

  it('is deterministic per flow and spreads flows over every ECMP next hop (hash-threshold)', () => {
    const a = routerNextHop(table, flow(40000))!;
    expect(routerNextHop(table, flow(40000))).toEqual(a);
    expect(a.nextHop).toBe(a.route.nextHops[Math.floor((a.hash * 3) / 2 ** 32)]);
    const chosen = new Set(Array.from({ length: 60 }, (_, i) => routerNextHop(table, flow(40000 + i))!.nextHop.node));
    expect(chosen).toEqual(new Set(['n1', 'n2', 'n3']));
  });
});
