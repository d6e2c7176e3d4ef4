// Kubernetes object shapes, as the API server stores them (the subset PacketWalk reads).
// Field names follow the API exactly so that `packetwalk get -o json` prints real objects.

import type { SourceRef } from '../diagnostics';
import type { GatewayApiObject, Secret } from './gatewayTypes';
import type { Labels, LabelSelector, ObjectMeta } from './objectMeta';

export type * from './gatewayTypes';

export type { Labels, LabelSelector, LabelSelectorRequirement, ObjectMeta, OwnerReference } from './objectMeta';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface NodeAddress {
  type: 'InternalIP' | 'ExternalIP' | 'Hostname' | 'InternalDNS' | 'ExternalDNS';
  address: string;
}

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
}

export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ObjectMeta;
  spec: { podCIDR?: string; podCIDRs?: string[]; taints?: Taint[]; unschedulable?: boolean };
  status: { addresses?: NodeAddress[]; conditions?: NodeCondition[]; nodeInfo?: { kernelVersion?: string } };
}

export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
  hostPort?: number;
}

export interface Probe {
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  readinessProbe?: Probe;
  command?: string[];
  args?: string[];
}

export interface PodSpec {
  containers: Container[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
}

export interface PodTemplateSpec {
  metadata?: Omit<ObjectMeta, 'name'> & { name?: string };
  spec: PodSpec;
}

export interface PodCondition {
  type: 'Ready' | 'ContainersReady' | 'PodScheduled' | 'Initialized' | string;
  status: 'True' | 'False' | 'Unknown';
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
  status: {
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
    podIP?: string;
    podIPs?: { ip: string }[];
    hostIP?: string;
    conditions?: PodCondition[];
  };
}

export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec };
}

export interface ReplicaSet {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec };
}

export interface StatefulSet {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  metadata: ObjectMeta;
  spec: { replicas?: number; serviceName?: string; selector: LabelSelector; template: PodTemplateSpec };
}

export interface DaemonSet {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: { selector: LabelSelector; template: PodTemplateSpec };
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  name?: string;
  protocol: Protocol;
  port: number;
  targetPort: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type: ServiceType;
    selector?: Labels;
    ports: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    ipFamilies?: ('IPv4' | 'IPv6')[];
    ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
    externalName?: string;
    externalIPs?: string[];
    sessionAffinity: 'None' | 'ClientIP';
    sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
    externalTrafficPolicy?: 'Cluster' | 'Local';
    internalTrafficPolicy?: 'Cluster' | 'Local';
    healthCheckNodePort?: number;
    loadBalancerIP?: string;
    loadBalancerSourceRanges?: string[];
    loadBalancerClass?: string;
    allocateLoadBalancerNodePorts?: boolean;
    publishNotReadyAddresses?: boolean;
  };
  status: { loadBalancer: { ingress?: { ip?: string; hostname?: string; ipMode?: 'VIP' | 'Proxy' }[] } };
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: Protocol;
}

export interface Endpoints {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets?: { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports?: EndpointPort[] }[];
}

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}

export interface EndpointSlicePort {
  name?: string;
  port: number;
  protocol: Protocol;
  appProtocol?: string;
}

export interface EndpointSlice {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  ports: EndpointSlicePort[];
}

/** kubeproxy.config.k8s.io/v1alpha1, the fields PacketWalk honours. */
export interface KubeProxyConfiguration {
  apiVersion: 'kubeproxy.config.k8s.io/v1alpha1';
  kind: 'KubeProxyConfiguration';
  metadata?: Partial<ObjectMeta>;
  mode?: '' | 'iptables' | 'ipvs' | 'nftables';
  clusterCIDR?: string;
  nodePortAddresses?: string[];
  detectLocalMode?: '' | 'ClusterCIDR' | 'NodeCIDR' | 'BridgeInterface' | 'InterfaceNamePrefix';
  iptables?: { masqueradeAll?: boolean; masqueradeBit?: number; localhostNodePorts?: boolean; minSyncPeriod?: string; syncPeriod?: string };
  ipvs?: { scheduler?: string; strictARP?: boolean };
  nftables?: { masqueradeAll?: boolean; masqueradeBit?: number; minSyncPeriod?: string; syncPeriod?: string };
  conntrack?: { tcpBeLiberal?: boolean };
}

/** A control-plane flag as kubeadm v1beta4 lists it (`--name=value` without the dashes). */
export interface KubeadmArg {
  name: string;
  value: string;
}

/**
 * kubeadm.k8s.io ClusterConfiguration (v1beta3 or v1beta4), the fields that set the cluster's
 * ranges. `extraArgs` is a map in v1beta3 and a list of `{name, value}` in v1beta4.
 */
export interface ClusterConfiguration {
  apiVersion: 'kubeadm.k8s.io/v1beta4' | 'kubeadm.k8s.io/v1beta3';
  kind: 'ClusterConfiguration';
  metadata?: Partial<ObjectMeta>;
  networking?: { serviceSubnet?: string; podSubnet?: string; dnsDomain?: string };
  apiServer?: { extraArgs?: KubeadmArg[] | Record<string, string> };
}

/** networking.k8s.io/v1 ServiceCIDR: a range the API server hands ClusterIPs out of (`kubernetes` is the flag's). */
export interface ServiceCIDR {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'ServiceCIDR';
  metadata: ObjectMeta;
  spec: { cidrs: string[] };
}

/** core/v1 ConfigMap (read for MetalLB's pre-v0.13 `config`). */
export interface ConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  data?: Record<string, string>;
}

// networking.k8s.io/v1 Ingress and IngressClass (Kubernetes v1.33).

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface ServiceBackendPort {
  name?: string;
  number?: number;
}

export interface IngressServiceBackend {
  name: string;
  port: ServiceBackendPort;
}

export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface HTTPIngressPath {
  path?: string;
  pathType: PathType;
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface IngressTLS {
  hosts?: string[];
  secretName?: string;
}

export interface Ingress {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ObjectMeta;
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: IngressTLS[];
    rules?: IngressRule[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface IngressClass {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'IngressClass';
  metadata: ObjectMeta;
  spec: {
    controller?: string;
    parameters?: { apiGroup?: string; kind: string; name: string; namespace?: string; scope?: 'Cluster' | 'Namespace' };
  };
}

export type IngressObject = Ingress | IngressClass;

// MetalLB's CRDs (metallb.io/v1beta1, v1beta2 BGPPeer; MetalLB v0.15.3), field names as in the CRDs.

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

export type KubeObject =
  | Namespace
  | Node
  | Pod
  | Deployment
  | ReplicaSet
  | StatefulSet
  | DaemonSet
  | Service
  | Endpoints
  | EndpointSlice
  | KubeProxyConfiguration
  | ClusterConfiguration
  | ServiceCIDR
  | ConfigMap
  | MetalLBObject
  | IngressObject
  | GatewayApiObject
  | Secret;

export type KubeKind = KubeObject['kind'];

/** A decoded object together with where it was written. */
export interface Manifest<T extends KubeObject = KubeObject> {
  object: T;
  source: SourceRef;
  /** An error was reported in it: the API server would refuse it (the model keeps what it could read). */
  rejected?: true;
}
