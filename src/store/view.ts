// What the page holds of a derived model: only the facts its panels read. A model derived on
// this thread is wrapped whole (its nodes built when read, walks run here); one derived in the
// worker arrives as this slim copy — the cluster's lists, not its objects, and the dataplane of
// the nodes the walk crossed — so a big cluster never crosses to the page.

import {
  gatewayStatusFacts,
  openingPacket,
  orderedServices,
  type ClusterState,
  type Diagnostic,
  type GatewayStatusFact,
  type InputFile,
  type Model,
  type OpeningPacket,
  type Route,
} from '../model';

/** What the inspector lists of one node. */
export interface NodeView {
  /** What `iptables-save` prints on the node. */
  iptablesSave: string;
  routes: Route[];
  /** In IPVS mode, what `ipvsadm -Ln` prints. */
  ipvsadm?: string;
  /** In nftables mode, what `packetwalk nft` prints, and kube-proxy's chain names (a rule in one of them is in this listing, not iptables-save). */
  nft?: { dump: string; chains: string[] };
}

/**
 * The cluster facts the panels read: sources and targets to choose, Service types, MetalLB's
 * routers. `services` in the order suggestions list them: the learner's as written, then the cluster's own.
 */
export interface ViewState extends Pick<ClusterState, 'nodes' | 'services' | 'hosts' | 'config' | 'metallb'> {
  /** The pods a packet can start from (`namespace/name`), sorted: their names, not their objects. */
  pods: string[];
}

function viewState(state: ClusterState): ViewState {
  const { nodes, podNets, hosts, config, metallb } = state;
  const pods = Object.values(podNets)
    .map((p) => p.key)
    .sort();
  return { nodes, services: orderedServices(state), pods, hosts, config, metallb };
}

export interface ModelView {
  files: InputFile[];
  /** How many objects the text declares (a text that lost some while broken keeps the last picture). */
  objects: number;
  diagnostics: Diagnostic[];
  state: ViewState;
  ingress?: Model['ingress'];
  gatewayApi?: Model['gatewayApi'];
  /** Each Gateway's status with its HTTPRoutes' conditions, when the text has Gateways. */
  gateways?: GatewayStatusFact[];
  /** The packet the text opens on. */
  opening: () => OpeningPacket | null;
  /** The listings of a node; from the worker, only nodes a walk crossed. */
  node: (name: string) => NodeView | undefined;
  /** The model itself when derived on this thread: walks, layouts and comparisons run here. */
  full?: Model;
}

export function nodeView(model: Model, name: string): NodeView | undefined {
  const d = model.dataplane.node(name);
  return (
    d && {
      iptablesSave: d.iptablesSave,
      routes: d.routes,
      ...(d.ipvs ? { ipvsadm: d.ipvs.ipvsadm } : {}),
      ...(d.nft ? { nft: { dump: d.nft.dump, chains: Object.keys(d.nft.lines) } } : {}),
    }
  );
}

const once = <T>(f: () => T): (() => T) => {
  let value: { v: T } | undefined;
  return () => (value ??= { v: f() }).v;
};

/** A model derived on this thread, as the page reads it. */
export function viewOf(model: Model): ModelView {
  const nodes = new Map<string, NodeView | undefined>();
  return {
    files: model.files,
    objects: model.manifests.length,
    diagnostics: model.diagnostics,
    state: viewState(model.state),
    ...(model.ingress ? { ingress: model.ingress } : {}),
    ...(model.gatewayApi ? { gatewayApi: model.gatewayApi } : {}),
    ...(model.gatewayApi ? { gateways: gatewayStatusFacts(model.gatewayApi) } : {}),
    opening: once(() => openingPacket(model.files, model.state)),
    // One object per node, so a selector reading it sees the same value twice.
    node: (name) => {
      if (!nodes.has(name)) nodes.set(name, nodeView(model, name));
      return nodes.get(name);
    },
    full: model,
  };
}

/** The view of a model as the worker sends it: plain data, without the text the page already has. */
export interface SentView {
  objects: number;
  diagnostics: Diagnostic[];
  state: ViewState;
  ingress?: Model['ingress'];
  gatewayApi?: Model['gatewayApi'];
  gateways?: GatewayStatusFact[];
  opening: OpeningPacket | null;
  nodes: Record<string, NodeView>;
}

/** In the worker: what the page reads of the model, with the listings of the nodes the walk crossed. */
export function sentView(model: Model, nodes: Record<string, NodeView>): SentView {
  return {
    objects: model.manifests.length,
    diagnostics: model.diagnostics,
    state: viewState(model.state),
    ...(model.ingress ? { ingress: model.ingress } : {}),
    ...(model.gatewayApi ? { gatewayApi: model.gatewayApi } : {}),
    ...(model.gatewayApi ? { gateways: gatewayStatusFacts(model.gatewayApi) } : {}),
    opening: openingPacket(model.files, model.state),
    nodes,
  };
}

/** On the page: a view received from the worker; later walks there add the nodes they cross. */
export function receivedView(sent: SentView, files: InputFile[]): ModelView & { addNodes: (more: Record<string, NodeView>) => void } {
  const { nodes, opening, ...rest } = sent;
  return {
    ...rest,
    files,
    opening: () => opening,
    node: (name) => nodes[name],
    addNodes: (more) => Object.assign(nodes, more),
  };
}
