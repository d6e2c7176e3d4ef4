// The reconciled cluster: what the API server would hold after the controllers ran.

import type { Diagnostic, SourceRef } from '../diagnostics';
import type { Announcement, ExternalAddress, Failover, RouterTable } from '../metallb/types';
import type {
  DaemonSet,
  Deployment,
  EndpointSlice,
  KubeProxyConfiguration,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../manifest/types';

/** A pod-owning controller object: the learner's, a built-in's, or a ReplicaSet a Deployment made. */
export type Workload = Deployment | ReplicaSet | StatefulSet | DaemonSet;

/** How an object came to exist, so the UI can show defaults as defaults. */
export type Origin =
  | 'manifest' // written by the learner
  | 'default' // filled in because the manifests had none (e.g. the 3 kubeadm nodes)
  | 'builtin' // present in every fresh cluster (kubernetes, kube-dns, CoreDNS pods)
  | 'controller'; // made by a controller from a learner's object (Deployment -> pods, EndpointSlices)

export interface ProxyConfig {
  mode: 'iptables' | 'ipvs' | 'nftables';
  clusterCIDR: string;
  masqueradeAll: boolean;
  masqueradeBit: number;
  localhostNodePorts: boolean;
  nodePortAddresses: string[];
  detectLocalMode: 'ClusterCIDR' | 'NodeCIDR' | 'BridgeInterface' | 'InterfaceNamePrefix';
  tcpBeLiberal: boolean;
  ipvsScheduler: string;
}

export interface ClusterConfig {
  clusterCIDR: string; // 10.244.0.0/16, flannel's default network
  serviceCIDR: string; // 10.96.0.0/12, kubeadm's default
  /** Further IPv4 ranges from ServiceCIDR objects: ClusterIPs in them are valid too. */
  moreServiceCIDRs?: string[];
  nodeCIDRMaskSize: number; // 24
  nodePortRange: [number, number]; // 30000-32767
  clusterDomain: string; // cluster.local
  dnsServiceIP: string; // 10.96.0.10
  nodeSubnet: string; // the LAN the nodes sit on, e.g. 192.168.1.0/24
  cni: 'flannel-vxlan';
  /** Set on a dual-stack cluster: the IPv6 side of each range above. */
  dualStack?: DualStackConfig;
  proxy: ProxyConfig;
  /** Which of the above came from the manifests rather than the kubeadm defaults. */
  fromManifests: string[];
}

/** The IPv6 ranges of a dual-stack cluster (kubeadm with two podSubnets / serviceSubnets). */
export interface DualStackConfig {
  clusterCIDR: string; // fd00:10:244::/56
  serviceCIDR: string; // fd00:10:96::/112
  nodeCIDRMaskSize: number; // 64, kube-controller-manager --node-cidr-mask-size-ipv6
  nodeSubnet: string; // fd00:192:168:1::/64, the LAN's IPv6 prefix
}

/** Host-side facts a node has that are not API objects: its interfaces. */
export interface NodeHost {
  name: string;
  /** The NIC the node talks to the LAN on. */
  nic: { name: string; ip: string; mac: string };
  /** The CNI bridge: `ip` is the first address of the podCIDR (10.244.1.1); `cidr` the podCIDR itself (10.244.1.0/24). */
  cni0: { ip: string; mac: string; cidr: string };
  /** flannel's VTEP; its address is the podCIDR's network address. */
  vtep: { name: string; ip: string; mac: string };
}

/** A kubelet-side view of one pod's network namespace. */
export interface PodNet {
  /** `namespace/name` */
  key: string;
  node: string;
  ip: string;
  /** The pod's IPv6 address on a dual-stack cluster. */
  ip6?: string;
  mac: string;
  /** Host-side end of the pod's veth pair. */
  veth: string;
  hostNetwork: boolean;
}

export interface ClusterEvent {
  object: string; // Kind/namespace/name
  type: 'Normal' | 'Warning';
  reason: string;
  message: { key: string; params: Record<string, string | number> };
}

export interface ClusterState {
  config: ClusterConfig;
  kubeProxyConfiguration?: KubeProxyConfiguration;
  namespaces: Namespace[];
  nodes: Node[];
  pods: Pod[];
  /** Deployments, ReplicaSets (given and generated), StatefulSets and DaemonSets, owners before what they own. */
  workloads?: Workload[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  hosts: Record<string, NodeHost>;
  podNets: Record<string, PodNet>;
  events: ClusterEvent[];
  /** Keyed by `Kind/namespace/name` (namespace empty for cluster-scoped kinds). */
  origins: Record<string, Origin>;
  /** Keyed like `origins`; where the learner wrote the object (or its owning workload). */
  sources: Record<string, SourceRef>;
  diagnostics: Diagnostic[];
  /** What-if: nodes taken down (no ARP, no tunnel, no speaker). */
  downNodes?: string[];
  /** MetalLB's view: which node or router announces each LoadBalancer IP. */
  metallb?: MetalLBView;
}

export interface MetalLBView {
  announcements: Announcement[];
  routers: RouterTable[];
  failovers: Failover[];
  /** LoadBalancer addresses a load balancer outside the model assigned (the dump's status, kept). */
  external: ExternalAddress[];
}
