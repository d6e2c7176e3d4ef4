// MetalLB's API objects (metallb.io/v1beta1, v1beta2 BGPPeer; MetalLB v0.15.3) and what the
// model of its controller and speakers returns. Field names follow the CRDs exactly.

import type { Diagnostic, SourceRef } from '../diagnostics';
import type { ClusterEvent, NodeHost } from '../cluster/types';
import type { ConfigMap, EndpointSlice, LabelSelector, Manifest, Namespace, Node, ObjectMeta, Service } from '../manifest/types';

export interface ServiceAllocation {
  priority?: number;
  namespaces?: string[];
  namespaceSelectors?: LabelSelector[];
  serviceSelectors?: LabelSelector[];
}

export interface IPAddressPool {
  apiVersion: 'metallb.io/v1beta1';
  kind: 'IPAddressPool';
  metadata: ObjectMeta;
  spec: { addresses: string[]; autoAssign?: boolean; avoidBuggyIPs?: boolean; serviceAllocation?: ServiceAllocation };
}

export interface L2Advertisement {
  apiVersion: 'metallb.io/v1beta1';
  kind: 'L2Advertisement';
  metadata: ObjectMeta;
  spec: { ipAddressPools?: string[]; ipAddressPoolSelectors?: LabelSelector[]; nodeSelectors?: LabelSelector[]; interfaces?: string[] };
}

export interface BGPAdvertisement {
  apiVersion: 'metallb.io/v1beta1';
  kind: 'BGPAdvertisement';
  metadata: ObjectMeta;
  spec: {
    aggregationLength?: number;
    aggregationLengthV6?: number;
    localPref?: number;
    communities?: string[];
    ipAddressPools?: string[];
    ipAddressPoolSelectors?: LabelSelector[];
    nodeSelectors?: LabelSelector[];
    peers?: string[];
  };
}

export interface BGPPeer {
  apiVersion: 'metallb.io/v1beta2';
  kind: 'BGPPeer';
  metadata: ObjectMeta;
  spec: {
    myASN: number;
    peerASN?: number;
    dynamicASN?: 'internal' | 'external';
    peerAddress?: string;
    interface?: string;
    sourceAddress?: string;
    peerPort?: number;
    holdTime?: string;
    keepaliveTime?: string;
    connectTime?: string;
    routerID?: string;
    nodeSelectors?: LabelSelector[];
    password?: string;
    bfdProfile?: string;
    ebgpMultiHop?: boolean;
    vrf?: string;
  };
}

export interface Community {
  apiVersion: 'metallb.io/v1beta1';
  kind: 'Community';
  metadata: ObjectMeta;
  spec: { communities?: { name: string; value: string }[] };
}

export type MetalLBObject = IPAddressPool | L2Advertisement | BGPAdvertisement | BGPPeer | Community;

/** Everything MetalLB's controller and speakers read, as one value. */
export interface MetalLBInput {
  /** Services after the API server's allocators ran (clusterIP set); status.loadBalancer.ingress is the previous assignment. */
  services: Service[];
  nodes: Node[];
  endpointSlices: EndpointSlice[];
  namespaces?: Namespace[];
  /** The nodes' NICs (name, IP, MAC), for ARP and BGP next hops. */
  hosts?: Record<string, NodeHost>;
  /** MetalLB's CRs (and ConfigMaps, for the old format), with where they were written. */
  objects: Manifest<MetalLBObject | ConfigMap>[];
  /** Where each Service was written, keyed `Service/namespace/name` (ClusterState.sources). */
  sources?: Record<string, SourceRef>;
  /** Nodes taken down (what-if): their speakers are gone, so they neither win elections nor peer. */
  downNodes?: string[];
  /** The namespace MetalLB runs in and reads its CRs from. */
  namespace?: string;
  /** The nodes' LAN (ClusterConfig.nodeSubnet): a BGPPeer elsewhere has no router to talk to. */
  lanSubnet?: string;
}

/** One BGP route as a node's speaker sends it to one peer. */
export interface BgpRoute {
  node: string;
  peer: string;
  /** The aggregated prefix (`192.168.10.0/24` with aggregationLength 24). */
  prefix: string;
  /** The node's address: the session's source, hence the NEXT_HOP. */
  nextHop: string;
  /** Sent only on iBGP sessions (myASN = peerASN), as MetalLB does. */
  localPref?: number;
  communities: string[];
}

export interface Announcement {
  /** `namespace/name` */
  service: string;
  ip: string;
  protocol: 'layer2' | 'bgp';
  pool: string;
  /** layer2: the one node that answers ARP (empty if none); bgp: every node that advertises. */
  nodes: string[];
  /** bgp: the BGPPeers the IP is advertised to (their names). */
  peers: string[];
  /** layer2: every eligible node in election order (sha256 of `node#ip`), the winner first. */
  candidates?: string[];
  /** bgp: what each node sends to each peer. */
  routes?: BgpRoute[];
}

export interface ArpPacket {
  op: 'request' | 'reply';
  /** The Ethernet destination. */
  ethDst: string;
  senderMAC: string;
  senderIP: string;
  targetMAC: string;
  targetIP: string;
}

/** The speaker that now owns an IP announcing it: sent at once, then every 1.1 s for 5 s. */
export interface Failover {
  service: string;
  ip: string;
  /** The node that announced before the what-if (absent if none did). */
  from?: string;
  to?: string;
  gratuitous: ArpPacket[];
}

export interface RouterRoute {
  prefix: string;
  /** ECMP next hops (node IPs), ascending. */
  nextHops: { ip: string; node: string; peer: string }[];
  localPref: number;
  communities: string[];
}

/** The ToR router: one per distinct BGPPeer peerAddress. */
export interface RouterTable {
  address: string;
  asn: number;
  /** The BGPPeers (names) that describe sessions to this router. */
  peers: string[];
  routes: RouterRoute[];
}

export interface Flow {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  srcIP: string;
  srcPort: number;
  dstIP: string;
  dstPort: number;
}

export interface MetalLBResult {
  /** Copies of the input Services; MetalLB's own have status.loadBalancer.ingress and the pool annotation set. */
  services: Service[];
  events: ClusterEvent[];
  diagnostics: Diagnostic[];
  announcements: Announcement[];
  /** What changed because of downNodes (empty without). */
  failovers: Failover[];
  routers: RouterTable[];
}
