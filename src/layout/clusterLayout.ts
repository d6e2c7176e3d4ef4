// ClusterState -> boxes. Nodes stand side by side on the LAN; inside each, top to
// bottom: pods grouped by workload, the cni0 bridge, netfilter's hooks next to the
// routing decision, then flannel.1 and the NIC. Services float above all nodes.

import { objectKey, type ClusterState, type Origin } from '../model/cluster/types';
import type { EndpointSlice, Pod, Service } from '../model/manifest/types';
import { anchorKey } from './anchors';
import type { ClusterLayout, EndpointLabel, LayoutOptions, NodeBox, Point, PodBox, Rect, ServiceBox, WorkloadGroup } from './types';
import { workloadOf } from './workload';

export const defaultLayoutOptions: LayoutOptions = { builtin: true, services: true };

// Sizes in SVG user units; the view scales the whole drawing to fit.
export const size = {
  margin: 24,
  nodeGap: 28,
  nodePad: 14,
  header: 40,
  podW: 170,
  podH: 44,
  chipH: 22,
  podGap: 10,
  podCols: 2,
  groupLabel: 18,
  groupGap: 10,
  vethGap: 26,
  bridgeH: 26,
  rowGap: 18,
  hookH: 17,
  netfilterTitle: 20,
  deviceH: 44,
  serviceW: 250,
  serviceHead: 46,
  serviceLine: 15,
  serviceGap: 16,
  lanGap: 34,
} as const;

export const hooks = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] as const;

const innerW = size.podCols * size.podW + (size.podCols - 1) * size.podGap;
const nodeW = innerW + 2 * size.nodePad;

function originOf(state: ClusterState, kind: string, namespace: string | undefined, name: string): Origin {
  return state.origins[objectKey(kind, namespace, name)] ?? 'manifest';
}

function isReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

interface PodInfo {
  pod: Pod;
  key: string;
  node: string;
  ip: string;
  hostNetwork: boolean;
  origin: Origin;
}

function podsByNode(state: ClusterState, opts: LayoutOptions): Map<string, PodInfo[]> {
  const byNode = new Map<string, PodInfo[]>();
  for (const pod of state.pods) {
    const ns = pod.metadata.namespace ?? 'default';
    const key = `${ns}/${pod.metadata.name}`;
    const net = state.podNets[key];
    const node = net?.node ?? pod.spec.nodeName;
    if (!node) continue; // unscheduled pods have no place on a node yet
    const origin = originOf(state, 'Pod', ns, pod.metadata.name);
    if (origin === 'builtin' && !opts.builtin) continue;
    const info: PodInfo = {
      pod,
      key,
      node,
      ip: net?.ip ?? pod.status.podIP ?? '',
      hostNetwork: net?.hostNetwork ?? pod.spec.hostNetwork ?? false,
      origin,
    };
    byNode.set(node, [...(byNode.get(node) ?? []), info]);
  }
  return byNode;
}

interface PodGroup {
  workload: string;
  namespace: string;
  origin: Origin;
  compact: boolean;
  pods: PodInfo[];
}

/** The learner's workloads by name, then one compact group of the node's built-in pods. */
function groupPods(pods: PodInfo[]): PodGroup[] {
  const groups = new Map<string, PodGroup>();
  const builtin: PodInfo[] = [];
  for (const p of pods) {
    if (p.origin === 'builtin') {
      builtin.push(p);
      continue;
    }
    const namespace = p.pod.metadata.namespace ?? 'default';
    const workload = workloadOf(p.pod);
    const id = `${namespace}/${workload}`;
    const g = groups.get(id) ?? { workload, namespace, origin: p.origin, compact: false, pods: [] };
    g.pods.push(p);
    groups.set(id, g);
  }
  const byKey = (a: PodInfo, b: PodInfo) => a.key.localeCompare(b.key);
  const out = [...groups.values()]
    .map((g) => ({ ...g, pods: [...g.pods].sort(byKey) }))
    .sort((a, b) => `${a.namespace}/${a.workload}`.localeCompare(`${b.namespace}/${b.workload}`));
  if (builtin.length) {
    const sorted = [...builtin].sort((a, b) => workloadOf(a.pod).localeCompare(workloadOf(b.pod)) || byKey(a, b));
    out.push({ workload: '', namespace: '', origin: 'builtin', compact: true, pods: sorted });
  }
  return out;
}

function groupHeight(podCount: number, compact: boolean): number {
  const rows = Math.max(1, Math.ceil(podCount / size.podCols));
  const h = compact ? size.chipH : size.podH;
  const gap = compact ? 6 : size.podGap;
  return size.groupLabel + rows * h + (rows - 1) * gap;
}

function endpointsOf(service: Service, slices: EndpointSlice[]): EndpointLabel[] {
  const ns = service.metadata.namespace ?? 'default';
  const mine = slices.filter(
    (s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name,
  );
  const out: EndpointLabel[] = [];
  for (const slice of mine) {
    const port = slice.ports[0]?.port;
    for (const ep of slice.endpoints) {
      for (const address of ep.addresses) {
        out.push({ address: port === undefined ? address : `${address}:${port}`, ready: ep.conditions.ready !== false });
      }
    }
  }
  return out;
}

function serviceBoxes(state: ClusterState, opts: LayoutOptions, width: number, top: number): ServiceBox[] {
  if (!opts.services) return [];
  const visible = state.services.filter(
    (s) => opts.builtin || originOf(state, 'Service', s.metadata.namespace, s.metadata.name) !== 'builtin',
  );
  const perRow = Math.max(1, Math.floor((width - 2 * size.margin + size.serviceGap) / (size.serviceW + size.serviceGap)));
  const boxes: ServiceBox[] = [];
  let rowTop = top;
  for (let start = 0; start < visible.length; start += perRow) {
    const row = visible.slice(start, start + perRow);
    const built = row.map((s, i) => {
      const endpoints = endpointsOf(s, state.endpointSlices);
      const namespace = s.metadata.namespace ?? 'default';
      const box: ServiceBox = {
        key: `${namespace}/${s.metadata.name}`,
        name: s.metadata.name,
        namespace,
        type: s.spec.type,
        clusterIP: s.spec.clusterIP ?? '',
        ports: s.spec.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, targetPort: String(p.targetPort) })),
        endpoints,
        origin: originOf(state, 'Service', namespace, s.metadata.name),
        x: size.margin + i * (size.serviceW + size.serviceGap),
        y: rowTop,
        w: size.serviceW,
        h: size.serviceHead + Math.max(1, endpoints.length) * size.serviceLine + 8,
      };
      return box;
    });
    const rowH = Math.max(...built.map((b) => b.h));
    built.forEach((b) => (b.h = rowH));
    boxes.push(...built);
    rowTop += rowH + size.serviceGap;
  }
  return boxes;
}

export function layoutCluster(state: ClusterState, opts: LayoutOptions = defaultLayoutOptions): ClusterLayout {
  const anchors: Record<string, Point> = {};
  const pods = podsByNode(state, opts);
  const nodeCount = Math.max(1, state.nodes.length);
  const width = 2 * size.margin + nodeCount * nodeW + (nodeCount - 1) * size.nodeGap;

  const services = serviceBoxes(state, opts, width, size.margin);
  const servicesBottom = services.length ? Math.max(...services.map((s) => s.y + s.h)) + size.rowGap : size.margin;

  const grouped = state.nodes.map((n) => groupPods(pods.get(n.metadata.name) ?? []));
  const podsH = Math.max(
    size.podH,
    ...grouped.map((gs) => gs.reduce((h, g, i) => h + groupHeight(g.pods.length, g.compact) + (i ? size.groupGap : 0), 0)),
  );
  const netfilterH = size.netfilterTitle + hooks.length * size.hookH + 6;
  const nodeH = size.header + podsH + size.vethGap + size.bridgeH + size.rowGap + netfilterH + size.rowGap + size.deviceH + size.nodePad;

  const nodes: NodeBox[] = state.nodes.map((n, i) => {
    const name = n.metadata.name;
    const host = state.hosts[name];
    const x = size.margin + i * (nodeW + size.nodeGap);
    const y = servicesBottom;
    const ix = x + size.nodePad;
    const podCIDR = n.spec.podCIDR ?? n.spec.podCIDRs?.[0] ?? host?.cni0.cidr ?? '';

    let gy = y + size.header;
    const cni0Y = y + size.header + podsH + size.vethGap;
    const groups: WorkloadGroup[] = grouped[i].map((g) => {
      const top = gy;
      const boxes: PodBox[] = g.pods.map((p, j) => {
        const col = j % size.podCols;
        const row = Math.floor(j / size.podCols);
        const h = g.compact ? size.chipH : size.podH;
        const bx = ix + col * (size.podW + size.podGap);
        const by = top + size.groupLabel + row * (h + (g.compact ? 6 : size.podGap));
        // The packet sits at the right of the box, clear of the name, above the eth0 label.
        const px = bx + size.podW - 22;
        const box: PodBox = {
          key: p.key,
          name: p.pod.metadata.name,
          namespace: p.pod.metadata.namespace ?? 'default',
          ip: p.ip,
          hostNetwork: p.hostNetwork,
          ready: isReady(p.pod),
          origin: p.origin,
          eth0: { x: px, y: by + h },
          x: bx,
          y: by,
          w: size.podW,
          h,
        };
        anchors[anchorKey({ node: name, element: 'pod', pod: p.key })] = { x: px, y: by + (g.compact ? h / 2 : h / 2 - 4) };
        anchors[anchorKey({ node: name, element: 'pod-eth0', pod: p.key })] = box.eth0;
        anchors[anchorKey({ node: name, element: 'veth', pod: p.key })] = { x: px, y: cni0Y };
        return box;
      });
      const gh = groupHeight(g.pods.length, g.compact);
      gy += gh + size.groupGap;
      return {
        workload: g.workload,
        namespace: g.namespace,
        origin: g.origin,
        compact: g.compact,
        pods: boxes,
        x: ix,
        y: top,
        w: innerW,
        h: gh,
      };
    });

    const cni0: NodeBox['cni0'] = {
      x: ix,
      y: cni0Y,
      w: innerW,
      h: size.bridgeH,
      ip: host?.cni0.ip ?? '',
      cidr: host?.cni0.cidr ?? podCIDR,
    };
    const nfY = cni0Y + size.bridgeH + size.rowGap;
    const nfW = Math.round(innerW * 0.66);
    const hookRows = hooks.map((hook, k) => ({
      hook,
      x: ix + 6,
      y: nfY + size.netfilterTitle + k * size.hookH,
      w: nfW - 12,
      h: size.hookH - 2,
    }));
    const netfilter: NodeBox['netfilter'] = { x: ix, y: nfY, w: nfW, h: netfilterH, hooks: hookRows };
    const routing: Rect = { x: ix + nfW + size.podGap, y: nfY, w: innerW - nfW - size.podGap, h: netfilterH };
    const devY = nfY + netfilterH + size.rowGap;
    const devW = (innerW - size.podGap) / 2;
    const flannel: NodeBox['flannel'] = {
      x: ix,
      y: devY,
      w: devW,
      h: size.deviceH,
      name: host?.vtep.name ?? 'flannel.1',
      ip: host?.vtep.ip ?? '',
      mac: host?.vtep.mac ?? '',
    };
    const nic: NodeBox['nic'] = {
      x: ix + devW + size.podGap,
      y: devY,
      w: devW,
      h: size.deviceH,
      name: host?.nic.name ?? 'eth0',
      ip: host?.nic.ip ?? n.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
      mac: host?.nic.mac ?? '',
    };

    const center = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
    anchors[anchorKey({ node: name, element: 'cni0' })] = center(cni0);
    anchors[anchorKey({ node: name, element: 'netfilter' })] = center(netfilter);
    // At the row's right end, so the packet does not hide the hook's name.
    for (const row of hookRows)
      anchors[anchorKey({ node: name, element: 'netfilter', hook: row.hook })] = { x: row.x + row.w - 14, y: row.y + row.h / 2 };
    anchors[anchorKey({ node: name, element: 'routing' })] = center(routing);
    anchors[anchorKey({ node: name, element: 'flannel.1' })] = center(flannel);
    anchors[anchorKey({ node: name, element: 'nic' })] = center(nic);

    return {
      name,
      controlPlane: n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined,
      tainted: n.spec.taints?.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute') ?? false,
      origin: originOf(state, 'Node', undefined, name),
      podCIDR,
      header: { x, y, w: nodeW, h: size.header },
      groups,
      cni0,
      netfilter,
      routing,
      flannel,
      nic,
      x,
      y,
      w: nodeW,
      h: nodeH,
    };
  });

  const lanY = servicesBottom + nodeH + size.lanGap;
  // Clients on the LAN arrive in a later issue; until then they enter at the LAN's left end.
  const client: Point = { x: size.margin, y: lanY };
  for (const node of nodes) {
    anchors[anchorKey({ node: node.name, element: 'wire' })] = { x: node.nic.x + node.nic.w / 2, y: lanY };
  }
  anchors[anchorKey({ element: 'wire' })] = { x: width / 2, y: lanY };
  anchors[anchorKey({ element: 'client' })] = client;

  return {
    width,
    height: lanY + size.margin + 10,
    services,
    nodes,
    lan: { y: lanY, x1: size.margin, x2: width - size.margin, subnet: state.config.nodeSubnet },
    client,
    anchors,
  };
}
