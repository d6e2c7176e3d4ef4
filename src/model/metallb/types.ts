// What the model of MetalLB's speakers (MetalLB v0.15.3) announces: the cluster's state holds
// it, so these types import nothing from the cluster (the CRDs' types are in manifest/types.ts).

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

/** An address in a LoadBalancer's status that a load balancer outside the model assigned (a cloud's, say). */
export interface ExternalAddress {
  /** `namespace/name` */
  service: string;
  ip?: string;
  /** AWS's ELBs give a name, no IP: kube-proxy writes no rules for it. */
  hostname?: string;
  /** Proxy: the load balancer itself connects to the nodes, so kube-proxy does not catch the IP. */
  ipMode?: 'VIP' | 'Proxy';
  /** Set when the Service names an implementation other than MetalLB. */
  loadBalancerClass?: string;
}
