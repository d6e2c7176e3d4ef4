// Layer 2 mode (speaker/layer2_controller.go ShouldAnnounce, MetalLB v0.15.3).

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { arpExchange, electionOrder } from './layer2';
import { l2Pool, lbService, run } from './testFixtures';

const POOL = l2Pool('pool', ['192.168.1.240-192.168.1.250']);

/** The documented algorithm, computed independently: sort by sha256("node#ip") bytes, smallest first. */
const byHand = (nodes: string[], ip: string) =>
  [...nodes].sort((a, b) =>
    Buffer.compare(createHash('sha256').update(`${a}#${ip}`).digest(), createHash('sha256').update(`${b}#${ip}`).digest()),
  );

describe('the layer 2 election', () => {
  it('matches the upstream test vectors (TestShouldAnnounceEPSlices: iris1/iris2)', () => {
    // "One service, two endpoints across two hosts, controller2 should announce" and
    // "Two services ... each controller should announce one service".
    expect(electionOrder(['iris1', 'iris2'], '10.20.30.1')[0]).toBe('iris2');
    expect(electionOrder(['iris1', 'iris2'], '10.20.30.2')[0]).toBe('iris1');
  });

  it('gives every address the node sha256 ranks first, never the kubeadm control plane', () => {
    const names = Array.from({ length: 11 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const r = run(POOL + names.map((n) => lbService(n, { replicas: 2 })).join(''));
    for (const a of r.announcements) {
      expect(a.candidates).toEqual(byHand(['worker-1', 'worker-2'], a.ip));
      expect(a.nodes).toEqual([a.candidates![0]]);
    }
    // Both workers win some: the hash spreads addresses over nodes.
    expect(new Set(r.announcements.map((a) => a.nodes[0]))).toEqual(new Set(['worker-1', 'worker-2']));
    expect(r.eventsOf('s00').at(-1)).toEqual({
      type: 'Normal',
      reason: 'nodeAssigned',
      params: { node: `"${byHand(['worker-1', 'worker-2'], '192.168.1.240')[0]}"`, protocol: '"layer2"' },
    });
  });

  it('with externalTrafficPolicy Local, only nodes with a ready endpoint may win', () => {
    const r = run(POOL + lbService('local', { spec: '  externalTrafficPolicy: Local\n' }));
    const a = r.announcements[0];
    expect(a.candidates).toHaveLength(1); // one replica: one node
    const none = run(POOL + lbService('empty', { replicas: 0 }));
    expect(none.announcements[0]).toMatchObject({ nodes: [], candidates: [] });
    expect(none.diagnostics.map((d) => d.code)).toContain('metallb.layer2.noAnnouncer');
  });

  it('never elects a node without a live speaker: tainted, NotReady, or excluded from load balancers', () => {
    const node = (name: string, extra = '') => `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\n${extra}---\n`;
    const nodes =
      node('plain') +
      node('tainted', 'spec: {taints: [{key: dedicated, value: db, effect: NoSchedule}]}\n') +
      node('notready', 'status: {conditions: [{type: Ready, status: "False"}]}\n') +
      node('excluded', 'metadata: {name: excluded, labels: {node.kubernetes.io/exclude-from-external-load-balancers: ""}}\n').replace(
        'metadata: {name: excluded}\n',
        '',
      ) +
      node('cordoned', 'spec: {unschedulable: true}\n');
    const r = run(nodes + POOL + lbService('svc', { replicas: 2 }));
    expect(new Set(r.announcements[0].candidates)).toEqual(new Set(['plain', 'cordoned']));
  });

  it('honours the L2Advertisement nodeSelectors and interfaces', () => {
    const only1 = POOL.replace(
      'spec: {ipAddressPools: [pool]}',
      'spec: {ipAddressPools: [pool], nodeSelectors: [{matchLabels: {kubernetes.io/hostname: worker-1}}]}',
    );
    expect(run(only1 + lbService('svc', { replicas: 2 })).announcements[0]).toMatchObject({
      nodes: ['worker-1'],
      candidates: ['worker-1'],
    });
    const eth1 = POOL.replace('spec: {ipAddressPools: [pool]}', 'spec: {ipAddressPools: [pool], interfaces: [eth1]}');
    const r = run(eth1 + lbService('svc', { replicas: 2 }));
    // The election still runs; the winner has no eth1, so it cannot announce and nobody answers.
    expect(r.announcements[0].nodes).toEqual([]);
    expect(r.eventsOf('svc').at(-1)).toMatchObject({
      type: 'Warning',
      reason: 'announceFailed',
      params: { ip: '"192.168.1.240"', protocol: '"layer2"' },
    });
  });

  it('fails over when the winner goes down, and the new owner sends gratuitous ARP', () => {
    const yaml = POOL + lbService('nginx', { replicas: 2 });
    const before = run(yaml).announcements[0];
    const winner = before.nodes[0];
    const other = before.candidates![1];
    const after = run(yaml, { downNodes: [winner] });
    expect(after.announcements[0].nodes).toEqual([other]);
    expect(after.failovers).toHaveLength(1);
    const f = after.failovers[0];
    expect(f).toMatchObject({ service: 'default/nginx', ip: '192.168.1.240', from: winner, to: other });
    expect(f.gratuitous.map((p) => [p.op, p.ethDst, p.senderIP, p.targetIP, p.targetMAC])).toEqual([
      ['request', 'ff:ff:ff:ff:ff:ff', '192.168.1.240', '192.168.1.240', 'ff:ff:ff:ff:ff:ff'],
      ['reply', 'ff:ff:ff:ff:ff:ff', '192.168.1.240', '192.168.1.240', 'ff:ff:ff:ff:ff:ff'],
    ]);
    expect(f.gratuitous[0].senderMAC).not.toBe('');
    // The address itself never moves: the controller does not care about nodes.
    expect(after.ip('nginx')).toBe('192.168.1.240');
  });

  it('with externalTrafficPolicy Local, losing the only endpoint’s node leaves nobody to answer', () => {
    const yaml = POOL + lbService('local', { spec: '  externalTrafficPolicy: Local\n' });
    const only = run(yaml).announcements[0].nodes[0];
    const after = run(yaml, { downNodes: [only] });
    expect(after.announcements[0].nodes).toEqual([]);
    expect(after.failovers).toEqual([{ service: 'default/local', ip: '192.168.1.240', from: only, gratuitous: [] }]);
  });

  it('puts the ARP exchange on the wire: broadcast request, unicast reply with the winner’s MAC', () => {
    const { request, reply } = arpExchange('192.168.1.240', { ip: '192.168.1.100', mac: '02:00:00:00:00:64' }, '02:aa:bb:cc:dd:ee');
    expect(request).toEqual({
      op: 'request',
      ethDst: 'ff:ff:ff:ff:ff:ff',
      senderMAC: '02:00:00:00:00:64',
      senderIP: '192.168.1.100',
      targetMAC: '00:00:00:00:00:00',
      targetIP: '192.168.1.240',
    });
    expect(reply).toEqual({
      op: 'reply',
      ethDst: '02:00:00:00:00:64',
      senderMAC: '02:aa:bb:cc:dd:ee',
      senderIP: '192.168.1.240',
      targetMAC: '02:00:00:00:00:64',
      targetIP: '192.168.1.100',
    });
    expect(arpExchange('192.168.1.240', { ip: '192.168.1.100', mac: '02:00:00:00:00:64' }, undefined).reply).toBeUndefined();
  });
});
