import { describe, expect, it } from 'vitest';
import { fixtureCluster, hostnamesPods } from '../../e2e/fixtures/cluster';
import { anchorKey, anchorOf } from './anchors';
import { layoutCluster } from './clusterLayout';
import type { Rect } from './types';
import { workloadOf } from './workload';

const inside = (p: { x: number; y: number }, r: Rect) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutCluster', () => {
  const layout = layoutCluster(fixtureCluster());

  it('puts the nodes side by side, in the cluster order, without overlap', () => {
    expect(layout.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    for (let i = 1; i < layout.nodes.length; i++) {
      expect(layout.nodes[i].x).toBeGreaterThan(layout.nodes[i - 1].x + layout.nodes[i - 1].w);
      expect(layout.nodes[i].y).toBe(layout.nodes[0].y);
    }
  });

  it('groups pods by workload with their IPs', () => {
    const worker2 = layout.nodes[2];
    expect(worker2.groups.map((g) => g.workload)).toEqual(['hostnames']);
    expect(worker2.groups[0].pods.map((p) => p.ip)).toEqual(['10.244.2.3', '10.244.2.4']);
    const worker1 = layout.nodes[1];
    expect(worker1.groups.map((g) => g.workload)).toEqual(['client', 'hostnames']);
  });

  it("gathers the built-in pods of a node into one compact group after the learner's", () => {
    const cp = layout.nodes[0];
    expect(cp.groups).toHaveLength(1);
    expect(cp.groups[0]).toMatchObject({ origin: 'builtin', compact: true });
    expect(cp.groups[0].pods.map((p) => p.key)).toEqual(['kube-system/coredns-668d6bf9bc-4tq8x', 'kube-system/coredns-668d6bf9bc-zl9vn']);
    expect(cp.groups[0].pods[0].h).toBeLessThan(layout.nodes[1].groups[0].pods[0].h);
  });

  it('shows each node NIC with its IP and MAC, and the bridge with the podCIDR gateway', () => {
    expect(layout.nodes[1].nic).toMatchObject({ name: 'eth0', ip: '192.168.1.11', mac: '52:54:00:00:00:01' });
    expect(layout.nodes[1].cni0.ip).toBe('10.244.1.1');
    expect(layout.nodes[0]).toMatchObject({ controlPlane: true, tainted: true });
  });

  it('keeps every box of a node inside it and pods apart', () => {
    for (const n of layout.nodes) {
      const pods = n.groups.flatMap((g) => g.pods);
      for (const r of [n.cni0, n.netfilter, n.routing, n.flannel, n.nic, ...pods]) {
        expect(inside({ x: r.x, y: r.y }, n) && inside({ x: r.x + r.w, y: r.y + r.h }, n)).toBe(true);
      }
      for (let i = 0; i < pods.length; i++) for (let j = i + 1; j < pods.length; j++) expect(overlap(pods[i], pods[j])).toBe(false);
    }
  });

  it('draws the Services above the nodes with their endpoints', () => {
    const hostnames = layout.services.find((s) => s.key === 'default/hostnames');
    expect(hostnames).toMatchObject({ clusterIP: '10.96.140.18', ports: [{ port: 80, targetPort: '9376', protocol: 'TCP' }] });
    expect(hostnames?.endpoints.map((e) => e.address)).toEqual(['10.244.1.7:9376', '10.244.2.3:9376', '10.244.2.4:9376']);
    for (const s of layout.services) expect(s.y + s.h).toBeLessThan(layout.nodes[0].y);
  });

  it('gives every pod an anchor for its inside, its eth0 and its veth, in that order top to bottom', () => {
    const key = `default/${hostnamesPods[0].metadata.name}`;
    const pod = layout.anchors[anchorKey({ node: 'worker-1', element: 'pod', pod: key })];
    const eth0 = layout.anchors[anchorKey({ node: 'worker-1', element: 'pod-eth0', pod: key })];
    const veth = layout.anchors[anchorKey({ node: 'worker-1', element: 'veth', pod: key })];
    expect(pod.y).toBeLessThan(eth0.y);
    expect(eth0.y).toBeLessThan(veth.y);
    expect(veth.x).toBe(pod.x);
  });

  it('places each netfilter hook on its own row of the chain stack', () => {
    const ys = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'].map(
      (hook) => anchorOf(layout, { node: 'worker-1', element: 'netfilter', hook }).y,
    );
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(5);
  });

  it('falls back to the enclosing box for locations it has no exact anchor for', () => {
    const nf = anchorOf(layout, { node: 'worker-1', element: 'netfilter' });
    expect(anchorOf(layout, { node: 'worker-1', element: 'netfilter', hook: 'NOT-A-HOOK' })).toEqual(nf);
    expect(anchorOf(layout, { node: 'nowhere', element: 'nic' })).toEqual(layout.client);
    expect(anchorOf(layout, { node: 'worker-2', element: 'wire' }).y).toBe(layout.lan.y);
  });

  it('hides built-in objects when asked, and the nodes shrink to what is left', () => {
    const lean = layoutCluster(fixtureCluster(), { builtin: false, services: true });
    expect(lean.services.map((s) => s.key)).toEqual(['default/hostnames']);
    expect(lean.nodes[0].groups).toEqual([]);
  });
});

describe('workloadOf', () => {
  it('names a Deployment pod by its Deployment, not its ReplicaSet', () => {
    expect(workloadOf(hostnamesPods[0])).toBe('hostnames');
  });
});
