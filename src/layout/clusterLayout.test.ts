import { describe, expect, it } from 'vitest';
import { manyServices } from '../../bench/generate';
import { scenarioModel, scenarioTrace } from '../../e2e/fixtures/scenario';
import { deriveModel, formatRoute } from '../model';
import { anchorKey, anchorOf } from './anchors';
import { defaultLayoutOptions, layoutCluster, size } from './clusterLayout';
import { elide, fonts, textWidth } from './textWidth';
import type { Rect } from './types';
import { workloadOf } from './workload';

const inside = (p: { x: number; y: number }, r: Rect) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const model = scenarioModel('hostnames');
const state = model.state;
const layout = layoutCluster(state);
const hostnamesPods = state.pods.filter((p) => p.metadata.name.startsWith('hostnames-'));
const podNodes = (workload: string) => layout.nodes.filter((n) => n.groups.some((g) => g.workload === workload)).map((n) => n.name);

describe('layoutCluster on the hostnames scenario', () => {
  it('puts the nodes side by side, in the cluster order, without overlap', () => {
    expect(layout.nodes.map((n) => n.name)).toEqual(state.nodes.map((n) => n.metadata.name));
    expect(layout.nodes).toHaveLength(3);
    for (let i = 1; i < layout.nodes.length; i++) {
      expect(layout.nodes[i].x).toBeGreaterThan(layout.nodes[i - 1].x + layout.nodes[i - 1].w);
      expect(layout.nodes[i].y).toBe(layout.nodes[0].y);
    }
  });

  it('groups the three hostnames pods under their Deployment, each with its pod IP', () => {
    const boxes = layout.nodes.flatMap((n) => n.groups.filter((g) => g.workload === 'hostnames').flatMap((g) => g.pods));
    expect(boxes).toHaveLength(3);
    for (const b of boxes) expect(b.ip).toBe(state.podNets[b.key].ip);
    // The control plane is tainted NoSchedule: the learner's pods land on the workers.
    expect(podNodes('hostnames')).not.toContain(layout.nodes[0].name);
    expect(layout.nodes[0]).toMatchObject({ controlPlane: true, tainted: true });
  });

  it("gathers a node's built-in pods into one compact group, folded to a line above the learner's", () => {
    for (const n of layout.nodes) {
      const builtin = n.groups.filter((g) => g.origin === 'builtin');
      expect(builtin.length).toBeLessThanOrEqual(1);
      if (builtin.length) expect(n.groups[0]).toMatchObject({ origin: 'builtin', compact: true, summary: { y: n.y + size.header } });
    }
    const chip = layout.nodes.flatMap((n) => n.groups).find((g) => g.compact)!.pods[0];
    const full = layout.nodes.flatMap((n) => n.groups).find((g) => !g.compact)!.pods[0];
    expect(chip.h).toBeLessThan(full.h);
  });

  it("shows each node's NIC, bridge and VTEP as the model's hosts have them", () => {
    for (const n of layout.nodes) {
      const host = state.hosts[n.name];
      expect(n.nic).toMatchObject({ name: host.nic.name, ip: host.nic.ip, mac: host.nic.mac });
      expect(n.cni0.ip).toBe(host.cni0.ip);
      expect(n.flannel.ip).toBe(host.vtep.ip);
    }
  });

  it('keeps every box of a node inside it (a folded one too, unfolded) and the pods drawn apart', () => {
    for (const n of layout.nodes) {
      const pods = n.groups.filter((g) => !g.summary).flatMap((g) => g.pods);
      const folded = n.groups.filter((g) => g.summary).flatMap((g) => [g, ...g.pods]);
      for (const r of [n.cni0, n.netfilter, n.routing, n.flannel, n.nic, ...pods, ...folded]) {
        expect(inside({ x: r.x, y: r.y }, n) && inside({ x: r.x + r.w, y: r.y + r.h }, n)).toBe(true);
      }
      for (let i = 0; i < pods.length; i++) for (let j = i + 1; j < pods.length; j++) expect(overlap(pods[i], pods[j])).toBe(false);
    }
  });

  it('draws the Services above the nodes with their endpoints', () => {
    const hostnames = layout.services.find((s) => s.key === 'default/hostnames')!;
    const svc = state.services.find((s) => s.metadata.name === 'hostnames')!;
    expect(hostnames).toMatchObject({ clusterIP: svc.spec.clusterIP, ports: [{ port: 80, targetPort: '9376', protocol: 'TCP' }] });
    expect(hostnames.endpoints.map((e) => e.address).sort()).toEqual(hostnamesPods.map((p) => `${p.status.podIP}:9376`).sort());
    for (const s of layout.services) expect(s.y + s.h).toBeLessThan(layout.nodes[0].y);
  });

  it('gives every pod an anchor for its inside, its eth0 and its veth, in that order top to bottom', () => {
    const key = `default/${hostnamesPods[0].metadata.name}`;
    const node = state.podNets[key].node;
    const pod = layout.anchors[anchorKey({ node, element: 'pod', pod: key })];
    const eth0 = layout.anchors[anchorKey({ node, element: 'pod-eth0', pod: key })];
    const veth = layout.anchors[anchorKey({ node, element: 'veth', pod: key })];
    expect(pod.y).toBeLessThan(eth0.y);
    expect(eth0.y).toBeLessThan(veth.y);
    expect(veth.x).toBe(pod.x);
  });

  it('places each netfilter hook on its own row of the chain stack', () => {
    const node = layout.nodes[1].name;
    const ys = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'].map(
      (hook) => anchorOf(layout, { node, element: 'netfilter', hook }).y,
    );
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(5);
  });

  it('falls back to the enclosing box for locations it has no exact anchor for', () => {
    const node = layout.nodes[1].name;
    const nf = anchorOf(layout, { node, element: 'netfilter' });
    expect(anchorOf(layout, { node, element: 'netfilter', hook: 'NOT-A-HOOK' })).toEqual(nf);
    expect(anchorOf(layout, { node: 'nowhere', element: 'nic' })).toEqual(anchorOf(layout, { element: 'client' }));
    expect(anchorOf(layout, { node: layout.nodes[2].name, element: 'wire' }).y).toBe(layout.lan.y);
  });

  it('hides built-in objects when asked, and the nodes shrink to what is left', () => {
    const lean = layoutCluster(state, { builtin: false, services: true, nodePorts: true, dns: true, loadBalancers: true });
    expect(lean.services.map((s) => s.key)).toEqual(['default/hostnames']);
    expect(lean.nodes[0].groups).toEqual([]);
    expect(lean.nodes[0].h).toBeLessThanOrEqual(layout.nodes[0].h);
  });
});

describe('what the learner reads on the drawing', () => {
  it("lists each node's routes as the model's dataplane has them", () => {
    for (const n of layout.nodes) {
      const routes = model.dataplane.node(n.name)!.routes;
      expect(n.routing.routes.map((r) => r.dst)).toEqual(routes.map((r) => r.dst));
      expect(n.routing.routes[0].text).toBe(formatRoute(routes[0]));
    }
  });

  it('puts the client and the router on the LAN with their addresses, below the nodes', () => {
    expect(layout.client.ip).toMatch(/\.100$/);
    expect(layout.router.ip).toMatch(/\.1$/);
    for (const host of [layout.client, layout.router]) {
      expect(host.y).toBeGreaterThan(layout.lan.y);
      expect(host.uplink.y).toBe(layout.lan.y);
    }
    expect(layout.client.x).toBeLessThan(layout.router.x);
    expect(anchorOf(layout, { element: 'client' })).toEqual(layout.client.anchor);
  });

  it('in IPVS mode, gives each node an IPVS box and kube-ipvs0 with every ClusterIP bound to it', () => {
    const ipvs = scenarioModel('hostnames', { proxyMode: 'ipvs' });
    const l = layoutCluster(ipvs.state);
    for (const n of l.nodes) {
      expect(n.ipvs?.kubeIpvs0.addresses).toEqual(ipvs.dataplane.node(n.name)!.ipvs?.kubeIpvs0);
      expect(n.ipvs!.x).toBeGreaterThan(n.netfilter.x + n.netfilter.w);
    }
    expect(l.nodes[0].ipvs?.kubeIpvs0.addresses).toContain('10.96.0.10');
    expect(layout.nodes[0].ipvs).toBeUndefined();
  });

  it("adds a Service's NodePorts and DNS name when those layers are on", () => {
    const np = layoutCluster(scenarioModel('nodeport').state);
    expect(np.services.find((s) => s.name === 'my-nginx')?.extras).toEqual([
      {
        kind: 'nodePort',
        ports: [
          { nodePort: 30080, protocol: 'TCP' },
          { nodePort: 30443, protocol: 'TCP' },
        ],
      },
      { kind: 'dns', name: 'my-nginx.default.svc.cluster.local' },
    ]);
    const off = layoutCluster(scenarioModel('nodeport').state, {
      builtin: true,
      services: true,
      nodePorts: false,
      dns: false,
      loadBalancers: false,
    });
    expect(off.services.every((s) => s.extras.length === 0)).toBe(true);
  });

  it('marks a LoadBalancer address or hostname that a load balancer outside the model assigned', () => {
    const lb = (name: string, ingress: string) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {type: LoadBalancer, ports: [{port: 80}]}\nstatus: {loadBalancer: {ingress: [${ingress}]}}\n---\n`;
    const dumped = deriveModel([
      { name: 'dump.yaml', text: lb('cloud', '{ip: 203.0.113.9}') + lb('elb', '{hostname: a1.elb.amazonaws.com}') + lb('waiting', '') },
    ]).state;
    const extras = (name: string) =>
      layoutCluster(dumped)
        .services.find((s) => s.name === name)
        ?.extras.filter((e) => e.kind !== 'dns');
    expect(extras('cloud')).toEqual([
      { kind: 'nodePort', ports: [{ nodePort: expect.any(Number), protocol: 'TCP' }] },
      { kind: 'loadBalancer', ips: ['203.0.113.9'] },
      { kind: 'externalLb' },
    ]);
    expect(extras('elb')?.slice(1)).toEqual([{ kind: 'loadBalancer', ips: ['a1.elb.amazonaws.com'] }, { kind: 'externalLb' }]);
    expect(extras('waiting')?.slice(1)).toEqual([{ kind: 'loadBalancer', ips: [] }]);
  });
});

describe('a large cluster', () => {
  const big = deriveModel([{ name: 'big.yaml', text: manyServices(60, 2, 4) }]).state;

  it('draws the first Services and says how many more there are, always including the one in focus', () => {
    const l = layoutCluster(big, {
      builtin: false,
      services: true,
      nodePorts: true,
      dns: true,
      loadBalancers: true,
      focus: { pods: [], services: ['default/app-59'] },
    });
    expect(l.services.length).toBeLessThan(60);
    expect(l.services.map((s) => s.key)).toContain('default/app-59');
    expect(l.moreServices?.count).toBe(60 - l.services.length);
  });

  it('draws a few workloads per node, always the pods the walk touches', () => {
    const pod = Object.values(big.podNets).find((p) => p.key.startsWith('default/app-41-'))!;
    const l = layoutCluster(big, {
      builtin: true,
      services: true,
      nodePorts: true,
      dns: true,
      loadBalancers: true,
      focus: { pods: [pod.key], services: [] },
    });
    const node = l.nodes.find((n) => n.name === pod.node)!;
    expect(node.groups.flatMap((g) => g.pods).map((p) => p.key)).toContain(pod.key);
    expect(node.more?.workloads).toBeGreaterThan(0);
    expect(l.anchors[anchorKey({ node: pod.node, element: 'pod', pod: pod.key })]).toBeDefined();
  });
});

describe('workloadOf', () => {
  it('names a Deployment pod by its Deployment, not its ReplicaSet', () => {
    for (const p of hostnamesPods) expect(workloadOf(p)).toBe('hostnames');
  });
});

describe('layoutCluster with MetalLB and Ingress', () => {
  const options = { builtin: true, services: true, nodePorts: true, dns: true, loadBalancers: true, ingress: true };

  it('layer 2: every node has a speaker; the elected one leads the LoadBalancer IP; down, another leads', () => {
    const l2 = scenarioModel('metallb-l2');
    const nodes = layoutCluster(l2.state, options).nodes;
    const announcement = l2.state.metallb!.announcements[0];
    expect(nodes.every((n) => n.speaker)).toBe(true);
    expect(nodes.filter((n) => n.speaker!.leads.includes(announcement.ip)).map((n) => n.name)).toEqual([announcement.nodes[0]]);
    const leader = nodes.find((n) => n.speaker!.leads.length)!;
    expect(leader.speaker!.elections[0].order).toEqual(announcement.candidates);
    // The speaker row sits between the header and the pods.
    for (const n of nodes) for (const g of n.groups) expect(g.y).toBeGreaterThanOrEqual(n.speaker!.y + n.speaker!.h);

    const down = layoutCluster(scenarioModel('metallb-l2', { downNodes: [leader.name] }).state, options).nodes;
    const next = down.find((n) => n.speaker!.leads.length)!;
    expect(next.name).not.toBe(leader.name);
    expect(next.speaker!.tookOver).toEqual([{ ip: announcement.ip, from: leader.name }]);
  });

  it('without the MetalLB layer, no speakers and a plain router', () => {
    const l2 = layoutCluster(scenarioModel('metallb-bgp').state, { ...options, loadBalancers: false });
    expect(l2.nodes.some((n) => n.speaker)).toBe(false);
    expect(l2.router.bgp).toBeUndefined();
  });

  it('BGP: the router box lists its routes with their ECMP next hops and grows to hold them', () => {
    const bgp = scenarioModel('metallb-bgp');
    const l = layoutCluster(bgp.state, options);
    const table = bgp.state.metallb!.routers[0];
    expect(l.router.bgp?.routes.map((r) => r.prefix)).toEqual(table.routes.map((r) => r.prefix));
    expect(l.router.bgp?.routes[0].nextHops.map((h) => h.ip)).toEqual(table.routes[0].nextHops.map((h) => h.ip));
    expect(l.router.h).toBeGreaterThan(l.client.h);
    expect(l.height).toBeGreaterThanOrEqual(l.router.y + l.router.h);
    expect(l.nodes.filter((n) => n.speaker?.advertises.length).length).toBe(table.routes[0].nextHops.length);
  });

  it('the ingress-nginx controller is a workload of its own, drawn full size, even with built-in objects hidden', () => {
    const ing = scenarioModel('ingress-fanout');
    for (const builtin of [true, false]) {
      const groups = layoutCluster(ing.state, { ...options, builtin }).nodes.flatMap((n) => n.groups);
      const controller = groups.filter((g) => g.ingressController);
      expect(controller).toHaveLength(1);
      expect(controller[0].compact).toBe(false);
      expect(controller[0].pods[0].namespace).toBe('ingress-nginx');
    }
  });
});

describe('a walk on a crowded drawing: what it does not pass through folds to one line', () => {
  const trace = scenarioTrace(model);
  const nodes: Record<string, string[]> = {};
  for (const { at } of trace.steps) if (at.node) (nodes[at.node] ??= []).push(at.element);
  const focus = { pods: [...new Set(trace.steps.flatMap((s) => (s.at.pod ? [s.at.pod] : [])))], services: [], nodes };
  const walked = layoutCluster(state, { ...defaultLayoutOptions, focus });

  it("folds the netfilter and routing boxes of the nodes the walk does not pass through, and keeps the walk's own open", () => {
    for (const n of walked.nodes) {
      const passes = nodes[n.name] ?? [];
      expect(n.netfilter.summary !== undefined, n.name).toBe(!passes.includes('netfilter'));
      expect(n.routing.summary !== undefined, n.name).toBe(!passes.includes('routing'));
    }
    expect(walked.nodes.some((n) => n.netfilter.summary)).toBe(true);
    expect(walked.nodes.some((n) => !n.netfilter.summary)).toBe(true);
  });

  it('folds the built-in pods of every node to one line, a summary no taller than a pod', () => {
    for (const g of walked.nodes.flatMap((n) => n.groups)) {
      expect(g.summary !== undefined).toBe(g.compact);
      if (g.summary) expect(g.summary.h).toBeLessThan(g.h);
    }
    // The shown pods region is shorter than with every built-in pod drawn.
    const unfoldedPods = layout.nodes[0].cni0.y - layout.nodes[0].y;
    expect(walked.nodes[0].cni0.y - walked.nodes[0].y).toBeLessThanOrEqual(unfoldedPods);
  });

  it('moves the anchors of a folded box onto its summary, and leaves room for it to unfold inside the node', () => {
    for (const n of walked.nodes) {
      if (n.routing.summary) expect(inside(anchorOf(walked, { node: n.name, element: 'routing' }), n.routing.summary)).toBe(true);
      if (n.netfilter.summary)
        expect(inside(anchorOf(walked, { node: n.name, element: 'netfilter', hook: 'PREROUTING' }), n.netfilter.summary)).toBe(true);
      for (const box of [n.netfilter, n.routing, ...n.groups]) {
        expect(box.y + box.h).toBeLessThanOrEqual(n.flannel.y);
        expect(inside({ x: box.x + box.w, y: box.y + box.h }, n)).toBe(true);
      }
    }
  });

  it('a walk through CoreDNS keeps the built-in pods of its node open', () => {
    const dns = scenarioModel('dns-ndots');
    const dnsTrace = scenarioTrace(dns);
    const coredns = dnsTrace.steps.find((s) => s.at.pod?.startsWith('kube-system/coredns-'))?.at.pod;
    expect(coredns).toBeDefined();
    const l = layoutCluster(dns.state, { ...defaultLayoutOptions, focus: { pods: [coredns!], services: [], nodes: {} } });
    const group = l.nodes.flatMap((n) => n.groups).find((g) => g.pods.some((p) => p.key === coredns))!;
    expect(group.summary).toBeUndefined();
  });
});

describe('every line of text fits its box once elided by the width table', () => {
  it('route lines, pod names and addresses, endpoints and DNS names on every gallery scenario', () => {
    for (const id of ['hostnames', 'nodeport', 'metallb-bgp', 'ingress-fanout', 'dual-stack', 'dns-headless-statefulset']) {
      const l = layoutCluster(scenarioModel(id).state);
      const fits = (text: string, font: (typeof fonts)[keyof typeof fonts], room: number) => {
        expect(textWidth(elide(text, font, room), font), `${id}: ${text}`).toBeLessThanOrEqual(room);
        expect(textWidth(elide(text, font, room, 'middle'), font), `${id}: ${text}`).toBeLessThanOrEqual(room);
      };
      for (const n of l.nodes) {
        for (const r of n.routing.routes) fits(r.text, fonts.monoSmallBold, n.routing.w - 16);
        for (const p of n.groups.flatMap((g) => g.pods)) {
          fits(p.name, fonts.title, p.w - 36);
          fits(p.ip, fonts.monoSmall, p.eth0.x - p.x - 26 - textWidth('eth0', fonts.monoSmall));
        }
        fits(`${n.nic.name} ${n.nic.ip}`, fonts.monoBold, n.nic.w - 16);
      }
      for (const s of l.services) {
        for (const e of s.endpoints) fits(e.address, fonts.mono, s.w - 20);
        for (const x of s.extras) if (x.kind === 'dns') fits(x.name, fonts.monoSmall, s.w - 20);
      }
      // Addresses are short enough to be drawn whole in their boxes.
      for (const n of l.nodes) expect(elide(n.nic.mac, fonts.mono, n.nic.w - 16)).toBe(n.nic.mac);
    }
  });
});
