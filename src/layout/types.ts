// The topology as plain geometry: boxes, anchor points and the data each box shows.
// Strings here are cluster data (names, IPs); translated labels are the view's job.

import type { Origin } from '../model';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PodBox extends Rect {
  /** `namespace/name` */
  key: string;
  name: string;
  namespace: string;
  /** Its Deployment, StatefulSet, DaemonSet … (or its own name): what a folded group lists. */
  workload: string;
  ip: string;
  hostNetwork: boolean;
  ready: boolean;
  origin: Origin;
  /** Where the pod's eth0 meets its veth, on the box's lower edge. */
  eth0: Point;
}

/**
 * Pods of one workload on one node (a Deployment, a StatefulSet, or a bare Pod). The
 * built-in pods of a node (CoreDNS, kube-proxy, flannel) share one compact group.
 */
/**
 * A box the walk does not pass through is drawn as a one-line summary; its own rect (from the
 * summary's top) is where it unfolds, over what lies below, when the learner opens it.
 */
export interface Foldable {
  summary?: Rect;
}

export interface WorkloadGroup extends Rect, Foldable {
  workload: string;
  namespace: string;
  origin: Origin;
  compact: boolean;
  /** The ingress-nginx controller: drawn apart from the other built-in pods (the Ingress layer). */
  ingressController?: boolean;
  pods: PodBox[];
}

export interface HookRow extends Rect {
  hook: string;
}

export interface RouteLine {
  /** The route's destination as the trace names it ('default' or a CIDR). */
  dst: string;
  dev: string;
  /** As `ip route` prints it (connected routes without "proto kernel scope link"). */
  text: string;
}

/** MetalLB's speaker on a node: what it announces (the MetalLB layer). */
export interface SpeakerBadge extends Rect {
  /** Layer 2: the LoadBalancer IPs this node is the elected leader for (it answers ARP). */
  leads: string[];
  /** Layer 2: for every IP this node may announce, the election order (the winner first). */
  elections: { ip: string; service: string; order: string[] }[];
  /** Layer 2, with nodes taken down: the IPs this node took over, and from whom. */
  tookOver: { ip: string; from: string }[];
  /** BGP: the prefixes this node advertises, and to which peers. */
  advertises: { prefix: string; peer: string }[];
}

export interface NodeBox extends Rect {
  name: string;
  controlPlane: boolean;
  /** Taken down (a what-if): nothing answers on it, MetalLB fails over. */
  down: boolean;
  /** The node carries a NoSchedule/NoExecute taint. */
  tainted: boolean;
  origin: Origin;
  podCIDR: string;
  header: Rect;
  /** With MetalLB and its layer shown: the node's speaker. */
  speaker?: SpeakerBadge;
  groups: WorkloadGroup[];
  /** On a large cluster, the workloads (and their pods) of this node not drawn, and where to say so. */
  more?: Point & { workloads: number; pods: number };
  cni0: Rect & { ip: string; cidr: string };
  /** Folded, the IPVS box and kube-ipvs0 fold with it. */
  netfilter: Rect & Foldable & { hooks: HookRow[] };
  /** The node's `ip route` table: the first lines, and how many more it has. */
  routing: Rect & Foldable & { routes: RouteLine[]; more: number };
  /** In IPVS mode: the IPVS box and the kube-ipvs0 dummy interface with the addresses bound to it. */
  ipvs?: Rect & { scheduler: string; kubeIpvs0: Rect & { addresses: string[] } };
  flannel: Rect & { name: string; ip: string; mac: string };
  nic: Rect & { name: string; ip: string; mac: string };
}

export interface ServicePortLabel {
  name?: string;
  port: number;
  protocol: string;
  targetPort: string;
}

export interface EndpointLabel {
  address: string;
  ready: boolean;
}

/** A line of a Service box that a layer adds. */
export type ServiceExtra =
  | { kind: 'dns'; name: string }
  | { kind: 'nodePort'; ports: { nodePort: number; protocol: string }[] }
  | { kind: 'loadBalancer'; ips: string[] }
  /** Under the LoadBalancer line: those addresses (IPs or hostnames) came from a load balancer outside the model. */
  | { kind: 'externalLb' }
  /** The Ingress rules (`host/path`) whose backend is this Service (the Ingress layer). */
  | { kind: 'ingress'; rules: string[] };

export interface ServiceBox extends Rect {
  /** `namespace/name` */
  key: string;
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  ports: ServicePortLabel[];
  endpoints: EndpointLabel[];
  origin: Origin;
  /** Lines the NodePort, DNS and LoadBalancer layers add, in that order, above the endpoints. */
  extras: ServiceExtra[];
  /** Endpoints beyond the ones listed. */
  moreEndpoints: number;
  /** For traffic from outside (NodePort, LoadBalancer): whether the client's address is kept. */
  externalTrafficPolicy?: 'Cluster' | 'Local';
}

/** A host on the LAN outside the cluster: the learner's laptop, or the router at the LAN's end. */
export interface LanHostBox extends Rect {
  ip: string;
  mac: string;
  /** Where the packet sits on it. */
  anchor: Point;
  /** Where its cable meets the LAN. */
  uplink: Point;
}

/** The router's BGP table (MetalLB in BGP mode): prefix -> ECMP next hops. */
export interface BgpTableBox {
  asn: number;
  routes: { prefix: string; nextHops: { ip: string; node: string }[] }[];
}

export interface ClusterLayout {
  width: number;
  height: number;
  services: ServiceBox[];
  /** On a large cluster, the Services not drawn, and where to say so. */
  moreServices?: Point & { count: number };
  nodes: NodeBox[];
  lan: { y: number; x1: number; x2: number; subnet: string };
  client: LanHostBox;
  /** The router; with BGP (and the MetalLB layer shown) it lists its table and is taller. */
  router: LanHostBox & { bgp?: BgpTableBox };
  /** Keyed by `anchorKey(location)`. */
  anchors: Record<string, Point>;
}

export interface LayoutOptions {
  /** Show the objects every fresh cluster has (kubernetes, kube-dns, CoreDNS pods). */
  builtin: boolean;
  services: boolean;
  nodePorts: boolean;
  dns: boolean;
  loadBalancers: boolean;
  /** The ingress-nginx controller apart, and which Ingress rules lead to each Service. */
  ingress?: boolean;
  /** With `ingress`: Service (`namespace/name`) -> the rules (`host/path`) that send requests to it. */
  ingressRules?: Record<string, string[]>;
  /**
   * What the walk touches: its pods and Services (`namespace/name`) are drawn whatever the caps
   * on a large cluster; with `nodes` (node -> the elements the walk passes there), the netfilter
   * and routing boxes it does not pass through fold to one line, and so do the built-in pods.
   */
  focus?: { pods: string[]; services: string[]; nodes?: Record<string, string[]> };
}
