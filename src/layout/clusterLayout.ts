// ClusterState -> boxes. Nodes stand side by side on the LAN; inside each, top to
// bottom: pods grouped by workload, the cni0 bridge, netfilter's hooks (beside IPVS and
// kube-ipvs0 in IPVS mode), the routing table, then flannel.1 and the NIC. Services
// float above all nodes; the client and the router hang off the LAN.

import {
  formatRoute,
  isPodReady,
  kubeIpvs0Addresses,
  lanClient,
  lanRouter,
  nodeRoutes,
  objectKey,
  slicesOfService,
  type ClusterState,
  type EndpointSlice,
  type Origin,
  type Pod,
  type Service,
} from '../model';
import { anchorKey } from './anchors';
import { foldsOf, podsFold } from './offWalk';
import type {
  BgpTableBox,
  ClusterLayout,
  EndpointLabel,
  LanHostBox,
  LayoutOptions,
  NodeBox,
  Point,
  PodBox,
  Rect,
  ServiceBox,
  ServiceExtra,
  SpeakerBadge,
  WorkloadGroup,
} from './types';
import { workloadOf } from './workload';

export const defaultLayoutOptions: LayoutOptions = {
  builtin: true,
  services: true,
  nodePorts: true,
  dns: true,
  loadBalancers: true,
  ingress: true,
};

// Sizes in SVG user units, for text of 11.5 to 15 units (textWidth.ts `fonts`): read at a
// scale of 1 or more, no text is smaller than 11 px on screen.
export const size = {
  margin: 24,
  nodeGap: 32,
  nodePad: 14,
  header: 60,
  podW: 200,
  podH: 50,
  chipH: 24,
  podGap: 10,
  podCols: 2,
  groupLabel: 24,
  groupGap: 10,
  vethGap: 26,
  bridgeH: 28,
  rowGap: 14,
  hookH: 21,
  netfilterTitle: 24,
  deviceH: 50,
  routeLine: 16,
  maxRouteLines: 7,
  ipvsH: 44,
  addressLine: 15,
  // A box off the walk, folded to one line: it covers the title row when unfolded.
  summaryH: 24,
  // The what-if switches drawn on boxes: touch targets of 24 at least.
  toggleH: 24,
  // A large cluster is drawn in part: what the walk touches, then the first of the rest.
  maxServices: 12,
  maxGroups: 6,
  maxEndpoints: 6,
  serviceW: 300,
  serviceHead: 50,
  serviceLine: 17,
  serviceGap: 16,
  lanGap: 34,
  hostW: 230,
  hostH: 52,
  hostGap: 22,
  // MetalLB: the speaker row under a node's header, the router's BGP table lines.
  speakerH: 32,
  bgpLine: 16,
  bgpW: 290,
} as const;

export const hooks = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] as const;

const innerW = size.podCols * size.podW + (size.podCols - 1) * size.podGap;
const nodeW = innerW + 2 * size.nodePad;

function originOf(state: ClusterState, kind: string, namespace: string | undefined, name: string): Origin {
  return state.origins[objectKey(kind, namespace, name)] ?? 'manifest';
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
    if (origin === 'builtin' && !opts.builtin && !(opts.ingress && isIngressController(pod))) continue;
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
  ingressController?: boolean;
  pods: PodInfo[];
}

/** ingress-nginx's controller pods, by the labels of its static deploy.yaml. */
export function isIngressController(pod: Pod): boolean {
  const l = pod.metadata.labels ?? {};
  return l['app.kubernetes.io/name'] === 'ingress-nginx' && l['app.kubernetes.io/component'] === 'controller';
}

/**
 * The learner's workloads by name, then one compact group of the node's built-in pods. With
 * the Ingress layer, the ingress-nginx controller is a workload of its own, drawn full size.
 */
function groupPods(pods: PodInfo[], ingress: boolean): PodGroup[] {
  const groups = new Map<string, PodGroup>();
  const builtin: PodInfo[] = [];
  for (const p of pods) {
    if (p.origin === 'builtin' && !(ingress && isIngressController(p.pod))) {
      builtin.push(p);
      continue;
    }
    const namespace = p.pod.metadata.namespace ?? 'default';
    const workload = workloadOf(p.pod);
    const id = `${namespace}/${workload}`;
    const g = groups.get(id) ?? {
      workload,
      namespace,
      origin: p.origin,
      compact: false,
      ingressController: isIngressController(p.pod),
      pods: [],
    };
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

/** The first `cap` items, always including those in focus (which push the last others out). */
function capped<T>(items: T[], cap: number, inFocus: (item: T) => boolean): { shown: T[]; hidden: T[] } {
  if (items.length <= cap) return { shown: items, hidden: [] };
  const focused = items.filter(inFocus).slice(0, cap);
  let room = cap - focused.length;
  const shown = items.filter((item) => focused.includes(item) || (room > 0 && room-- > 0));
  return { shown, hidden: items.filter((item) => !shown.includes(item)) };
}

function groupHeight(podCount: number, compact: boolean): number {
  const rows = Math.max(1, Math.ceil(podCount / size.podCols));
  const h = compact ? size.chipH : size.podH;
  const gap = compact ? 6 : size.podGap;
  return size.groupLabel + rows * h + (rows - 1) * gap;
}

/**
 * A node's groups top to bottom: each one's offset, its full height, and whether it folds to one
 * line. A folded group goes first, under the header, where no veth runs down across its line.
 */
function stackGroups(groups: PodGroup[], focusPods: Set<string>) {
  let height = 0;
  const rows = groups
    .map((group) => ({ group, folded: podsFold(group, focusPods) }))
    .sort((a, b) => Number(b.folded) - Number(a.folded))
    .map(({ group, folded }, i) => {
      const full = groupHeight(group.pods.length, group.compact);
      const top = height + (i ? size.groupGap : 0);
      height = top + (folded ? size.summaryH : full);
      return { group, top, full, folded };
    });
  return { rows, height };
}

function endpointsOf(service: Service, slices: EndpointSlice[]): EndpointLabel[] {
  const mine = slicesOfService(service, slices);
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

function extrasOf(state: ClusterState, s: Service, opts: LayoutOptions): ServiceExtra[] {
  const out: ServiceExtra[] = [];
  const nodePorts = s.spec.ports.filter((p) => p.nodePort).map((p) => ({ nodePort: p.nodePort!, protocol: p.protocol }));
  if (opts.nodePorts && nodePorts.length) out.push({ kind: 'nodePort', ports: nodePorts });
  if (opts.dns)
    out.push({ kind: 'dns', name: `${s.metadata.name}.${s.metadata.namespace ?? 'default'}.svc.${state.config.clusterDomain}` });
  const ips = (s.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : i.hostname ? [i.hostname] : []));
  const key = `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;
  if (opts.loadBalancers && s.spec.type === 'LoadBalancer') {
    out.push({ kind: 'loadBalancer', ips });
    if (state.metallb?.external.some((e) => e.service === key)) out.push({ kind: 'externalLb' });
  }
  const rules = opts.ingress ? opts.ingressRules?.[key] : undefined;
  if (rules?.length) out.push({ kind: 'ingress', rules });
  return out;
}

function serviceBoxes(
  state: ClusterState,
  opts: LayoutOptions,
  width: number,
  top: number,
): { boxes: ServiceBox[]; more?: ClusterLayout['moreServices'] } {
  if (!opts.services) return { boxes: [] };
  const focus = new Set(opts.focus?.services);
  const { shown: visible, hidden } = capped(
    state.services.filter((s) => opts.builtin || originOf(state, 'Service', s.metadata.namespace, s.metadata.name) !== 'builtin'),
    size.maxServices,
    (s) => focus.has(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`),
  );
  const perRow = Math.max(1, Math.floor((width - 2 * size.margin + size.serviceGap) / (size.serviceW + size.serviceGap)));
  const boxes: ServiceBox[] = [];
  let rowTop = top;
  for (let start = 0; start < visible.length; start += perRow) {
    const row = visible.slice(start, start + perRow);
    const built = row.map((s, i) => {
      const allEndpoints = endpointsOf(s, state.endpointSlices);
      const endpoints = allEndpoints.length > size.maxEndpoints ? allEndpoints.slice(0, size.maxEndpoints - 1) : allEndpoints;
      const moreEndpoints = allEndpoints.length - endpoints.length;
      const extras = extrasOf(state, s, opts);
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
        extras,
        moreEndpoints,
        externalTrafficPolicy:
          s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer' ? (s.spec.externalTrafficPolicy ?? 'Cluster') : undefined,
        x: size.margin + i * (size.serviceW + size.serviceGap),
        y: rowTop,
        w: size.serviceW,
        h:
          size.serviceHead +
          (extras.length + Math.max(1, endpoints.length) + (moreEndpoints ? 1 : 0)) * size.serviceLine +
          // The externalTrafficPolicy switch gets a row of its own, clear of the endpoints.
          (s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer' ? size.toggleH + 6 : 0) +
          8,
      };
      return box;
    });
    const rowH = Math.max(...built.map((b) => b.h));
    built.forEach((b) => (b.h = rowH));
    boxes.push(...built);
    rowTop += rowH + size.serviceGap;
  }
  if (!hidden.length) return { boxes };
  return { boxes, more: { count: hidden.length, x: size.margin, y: rowTop + 4 } };
}

export function layoutCluster(state: ClusterState, opts: LayoutOptions = defaultLayoutOptions): ClusterLayout {
  const anchors: Record<string, Point> = {};
  const pods = podsByNode(state, opts);
  const nodeCount = Math.max(1, state.nodes.length);
  const width = 2 * size.margin + nodeCount * nodeW + (nodeCount - 1) * size.nodeGap;

  const { boxes: services, more: moreServices } = serviceBoxes(state, opts, width, size.margin);
  const servicesBottom = moreServices
    ? moreServices.y + size.rowGap
    : services.length
      ? Math.max(...services.map((s) => s.y + s.h)) + size.rowGap
      : size.margin;

  const focusPods = new Set(opts.focus?.pods);
  const grouped = state.nodes.map((n) =>
    capped(groupPods(pods.get(n.metadata.name) ?? [], opts.ingress ?? false), size.maxGroups, (g) =>
      g.pods.some((p) => focusPods.has(p.key)),
    ),
  );
  const stacks = grouped.map(({ shown }) => stackGroups(shown, focusPods));
  const podsH = Math.max(size.podH, ...stacks.map((stack, i) => stack.height + (grouped[i].hidden.length ? size.groupLabel + 4 : 0)));
  const netfilterH = size.netfilterTitle + hooks.length * size.hookH + 6;
  // The routing table of a node lists every other node's podCIDR: cap the lines, keep the box sizes equal.
  const routesOf = new Map(state.nodes.map((n) => [n.metadata.name, nodeRoutes(state, n.metadata.name)]));
  const routeLines = Math.min(size.maxRouteLines, Math.max(1, ...[...routesOf.values()].map((r) => r.length)));
  const routingH = size.netfilterTitle + routeLines * size.routeLine + 6;
  const ipvsMode = state.config.proxy.mode === 'ipvs';
  const metallb = opts.loadBalancers && (state.metallb?.announcements.length ?? 0) > 0;
  const headerH = size.header + (metallb ? size.speakerH : 0);

  // Offsets from a node's top. Rows down to cni0 line up across nodes (the veths have the same
  // length), and so do flannel.1 and the NICs at the bottom (the overlay runs level); between
  // them a node folds what the walk does not pass through, leaving room for it to unfold.
  const cni0Top = headerH + podsH + size.vethGap;
  const netfilterTop = cni0Top + size.bridgeH + size.rowGap;
  const folds = state.nodes.map((n) => foldsOf(opts.focus, n.metadata.name));
  const routingTop = folds.map((f) => netfilterTop + (f.netfilter ? size.summaryH : netfilterH) + size.rowGap);
  const devTop =
    Math.max(
      ...stacks.map((stack, i) =>
        Math.max(
          routingTop[i] + routingH,
          netfilterTop + netfilterH,
          ...stack.rows.filter((r) => r.folded).map((r) => headerH + r.top + r.full),
        ),
      ),
    ) + size.rowGap;
  const nodeH = devTop + size.deviceH + size.nodePad;

  const nodes: NodeBox[] = state.nodes.map((n, i) => {
    const name = n.metadata.name;
    const host = state.hosts[name];
    const x = size.margin + i * (nodeW + size.nodeGap);
    const y = servicesBottom;
    const ix = x + size.nodePad;
    const podCIDR = n.spec.podCIDR ?? n.spec.podCIDRs?.[0] ?? host?.cni0.cidr ?? '';
    /** Where a packet sits on a folded box: at the summary's right end. */
    const foldAnchor = (r: Rect): Point => ({ x: r.x + r.w - 14, y: r.y + r.h / 2 });

    const cni0Y = y + cni0Top;
    const groups: WorkloadGroup[] = stacks[i].rows.map(({ group: g, top: offset, full, folded }) => {
      const top = y + headerH + offset;
      const summary = folded ? { x: ix, y: top, w: innerW, h: size.summaryH } : undefined;
      const boxes: PodBox[] = g.pods.map((p, j) => {
        const col = j % size.podCols;
        const row = Math.floor(j / size.podCols);
        const h = g.compact ? size.chipH : size.podH;
        const bx = ix + col * (size.podW + size.podGap);
        const by = top + size.groupLabel + row * (h + (g.compact ? 6 : size.podGap));
        // The packet sits in the box's lower right corner, under the readiness switch, right of
        // the eth0 label: its way down to the veth crosses no text.
        const px = bx + size.podW - 22;
        const box: PodBox = {
          key: p.key,
          name: p.pod.metadata.name,
          namespace: p.pod.metadata.namespace ?? 'default',
          workload: workloadOf(p.pod),
          ip: p.ip,
          hostNetwork: p.hostNetwork,
          ready: isPodReady(p.pod),
          origin: p.origin,
          eth0: { x: px, y: by + h },
          x: bx,
          y: by,
          w: size.podW,
          h,
        };
        const inside = summary ? foldAnchor(summary) : { x: px, y: by + (g.compact ? h / 2 : h - 14) };
        anchors[anchorKey({ node: name, element: 'pod', pod: p.key })] = inside;
        anchors[anchorKey({ node: name, element: 'pod-eth0', pod: p.key })] = summary ? inside : box.eth0;
        anchors[anchorKey({ node: name, element: 'veth', pod: p.key })] = { x: inside.x, y: cni0Y };
        return box;
      });
      return {
        workload: g.workload,
        namespace: g.namespace,
        origin: g.origin,
        compact: g.compact,
        ...(g.ingressController ? { ingressController: true } : {}),
        ...(summary ? { summary } : {}),
        pods: boxes,
        x: ix,
        y: top,
        w: innerW,
        h: full,
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
    const nfY = y + netfilterTop;
    const nfW = ipvsMode ? Math.round(innerW * 0.56) : innerW;
    const hookRows = hooks.map((hook, k) => ({
      hook,
      x: ix + 6,
      y: nfY + size.netfilterTitle + k * size.hookH,
      w: nfW - 12,
      h: size.hookH - 2,
    }));
    const netfilter: NodeBox['netfilter'] = {
      x: ix,
      y: nfY,
      w: nfW,
      h: netfilterH,
      hooks: hookRows,
      ...(folds[i].netfilter ? { summary: { x: ix, y: nfY, w: innerW, h: size.summaryH } } : {}),
    };
    const routes = routesOf.get(name) ?? [];
    const shownRoutes = routes.length > routeLines ? routes.slice(0, routeLines - 1) : routes;
    const routingY = y + routingTop[i];
    const routing: NodeBox['routing'] = {
      x: ix,
      y: routingY,
      w: innerW,
      h: routingH,
      // The box is narrow: the kernel's own words for a connected route are left to the inspector.
      routes: shownRoutes.map((r) => ({ dst: r.dst, dev: r.dev, text: formatRoute(r).replace(' proto kernel scope link', '') })),
      more: routes.length - shownRoutes.length,
      ...(folds[i].routing ? { summary: { x: ix, y: routingY, w: innerW, h: size.summaryH } } : {}),
    };
    let ipvs: NodeBox['ipvs'];
    if (ipvsMode) {
      const x = ix + nfW + size.podGap;
      const w = innerW - nfW - size.podGap;
      const addresses = kubeIpvs0Addresses(state, name);
      ipvs = {
        x,
        y: nfY,
        w,
        h: size.ipvsH,
        scheduler: state.config.proxy.ipvsScheduler || 'rr',
        kubeIpvs0: { x, y: nfY + size.ipvsH + 6, w, h: netfilterH - size.ipvsH - 6, addresses },
      };
      anchors[anchorKey({ node: name, element: 'ipvs' })] = netfilter.summary
        ? foldAnchor(netfilter.summary)
        : { x: x + w - 14, y: nfY + size.ipvsH / 2 };
    }
    const devY = y + devTop;
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
    anchors[anchorKey({ node: name, element: 'netfilter' })] = netfilter.summary ? foldAnchor(netfilter.summary) : center(netfilter);
    // At the row's right end, so the packet does not hide the hook's name.
    for (const row of hookRows)
      anchors[anchorKey({ node: name, element: 'netfilter', hook: row.hook })] = netfilter.summary
        ? foldAnchor(netfilter.summary)
        : { x: row.x + row.w - 14, y: row.y + row.h / 2 };
    // At the title's right end, so the packet does not hide the routes.
    anchors[anchorKey({ node: name, element: 'routing' })] = routing.summary
      ? foldAnchor(routing.summary)
      : { x: routing.x + routing.w - 14, y: routing.y + 11 };
    anchors[anchorKey({ node: name, element: 'flannel.1' })] = center(flannel);
    anchors[anchorKey({ node: name, element: 'nic' })] = center(nic);
    const hidden = grouped[i].hidden;

    return {
      name,
      controlPlane: n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined,
      down: state.downNodes?.includes(name) ?? false,
      tainted: n.spec.taints?.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute') ?? false,
      origin: originOf(state, 'Node', undefined, name),
      podCIDR,
      header: { x, y, w: nodeW, h: headerH },
      speaker: metallb ? speakerOf(state, name, { x: ix, y: y + size.header, w: innerW, h: size.speakerH - 6 }) : undefined,
      groups,
      cni0,
      netfilter,
      more: hidden.length
        ? {
            x: ix,
            y: y + headerH + stacks[i].height + size.groupLabel - 4,
            workloads: hidden.length,
            pods: hidden.reduce((n, g) => n + g.pods.length, 0),
          }
        : undefined,
      routing,
      ipvs,
      flannel,
      nic,
      x,
      y,
      w: nodeW,
      h: nodeH,
    };
  });

  const lanY = servicesBottom + nodeH + size.lanGap;
  // The learner's laptop hangs off the LAN's left end, the router (the gateway) off its right end.
  const hostY = lanY + size.hostGap;
  const lanHost = (x: number, host: { ip: string; mac: string }): LanHostBox => ({
    x,
    y: hostY,
    w: size.hostW,
    h: size.hostH,
    ...host,
    anchor: { x: x + size.hostW - 22, y: hostY + size.hostH / 2 },
    uplink: { x: x + size.hostW - 22, y: lanY },
  });
  const client = lanHost(size.margin, lanClient(state));
  const bgp = opts.loadBalancers ? bgpTableOf(state) : undefined;
  const routerW = bgp ? size.bgpW : size.hostW;
  const router: ClusterLayout['router'] = lanHost(width - size.margin - routerW, lanRouter(state));
  if (bgp) {
    router.bgp = bgp;
    router.w = routerW;
    router.h += (1 + bgp.routes.length + bgp.routes.reduce((n, r) => n + r.nextHops.length, 0)) * size.bgpLine + 6;
  }
  for (const node of nodes) {
    anchors[anchorKey({ node: node.name, element: 'wire' })] = { x: node.nic.x + node.nic.w / 2, y: lanY };
  }
  anchors[anchorKey({ element: 'wire' })] = { x: width / 2, y: lanY };
  anchors[anchorKey({ element: 'client' })] = client.anchor;
  anchors[anchorKey({ element: 'router' })] = router.anchor;

  return {
    width,
    height: hostY + router.h + size.margin,
    services,
    moreServices,
    nodes,
    lan: { y: lanY, x1: size.margin, x2: width - size.margin, subnet: state.config.nodeSubnet },
    client,
    router,
    anchors,
  };
}

/** What the node's MetalLB speaker announces: the IPs it won the layer-2 election for, its BGP routes. */
function speakerOf(state: ClusterState, node: string, r: Rect): SpeakerBadge {
  const announcements = state.metallb?.announcements ?? [];
  const l2 = announcements.filter((a) => a.protocol === 'layer2');
  return {
    ...r,
    leads: l2.filter((a) => a.nodes[0] === node).map((a) => a.ip),
    elections: l2.filter((a) => a.candidates?.includes(node)).map((a) => ({ ip: a.ip, service: a.service, order: a.candidates ?? [] })),
    tookOver: (state.metallb?.failovers ?? []).flatMap((f) => (f.to === node && f.from ? [{ ip: f.ip, from: f.from }] : [])),
    advertises: announcements.flatMap((a) =>
      (a.routes ?? []).filter((x) => x.node === node).map((x) => ({ prefix: x.prefix, peer: x.peer })),
    ),
  };
}

/** The router on the LAN, when MetalLB peers with it: its routes and their ECMP next hops. */
function bgpTableOf(state: ClusterState): BgpTableBox | undefined {
  const gateway = lanRouter(state).ip;
  const routers = state.metallb?.routers ?? [];
  const table = routers.find((r) => r.address === gateway) ?? routers[0];
  if (!table) return undefined;
  return {
    asn: table.asn,
    routes: table.routes.map((r) => ({ prefix: r.prefix, nextHops: r.nextHops.map((h) => ({ ip: h.ip, node: h.node })) })),
  };
}
