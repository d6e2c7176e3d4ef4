// The topology as plain geometry: boxes, anchor points and the data each box shows.
// Strings here are cluster data (names, IPs); translated labels are the view's job.

import type { Origin } from '../model/cluster/types';

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
export interface WorkloadGroup extends Rect {
  workload: string;
  namespace: string;
  origin: Origin;
  compact: boolean;
  pods: PodBox[];
}

export interface HookRow extends Rect {
  hook: string;
}

export interface NodeBox extends Rect {
  name: string;
  controlPlane: boolean;
  /** The node carries a NoSchedule/NoExecute taint. */
  tainted: boolean;
  origin: Origin;
  podCIDR: string;
  header: Rect;
  groups: WorkloadGroup[];
  cni0: Rect & { ip: string; cidr: string };
  netfilter: Rect & { hooks: HookRow[] };
  routing: Rect;
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
}

export interface ClusterLayout {
  width: number;
  height: number;
  services: ServiceBox[];
  nodes: NodeBox[];
  lan: { y: number; x1: number; x2: number; subnet: string };
  client: Point;
  /** Keyed by `anchorKey(location)`. */
  anchors: Record<string, Point>;
}

export interface LayoutOptions {
  /** Show the objects every fresh cluster has (kubernetes, kube-dns, CoreDNS pods). */
  builtin: boolean;
  services: boolean;
}
