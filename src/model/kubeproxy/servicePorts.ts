// What kube-proxy's ServiceChangeTracker keeps of each Service port, for one IP family
// (pkg/proxy/serviceport.go, servicechangetracker.go, v1.33).

import type { Protocol, Service } from '../manifest/types';
import { serviceChains, servicePortName, type ServiceChains } from './chainNames';
import { formatAddrGo, parseAddrSloppy, parsePrefixSloppy, type Family, type Prefix } from '../net';
import { namespaceOf } from '../k8s';

export interface ServicePortInfo {
  namespace: string;
  name: string;
  /** The Service port's name ('' when unnamed). */
  portName: string;
  /** ServicePortName.String(): `ns/name:port` or `ns/name`. */
  nameString: string;
  protocol: Protocol;
  /** Lower-case protocol, as used in `-p` and `-m` and in the hashes. */
  proto: string;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: Prefix[];
  healthCheckNodePort: number;
  sessionAffinityClientIP: boolean;
  stickyMaxAgeSeconds: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  chains: ServiceChains;
}

/** Kubernetes' default for sessionAffinityConfig.clientIP.timeoutSeconds. */
const DEFAULT_STICKY_SECONDS = 10800;

function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
}

/** proxyutil.GetClusterIPByFamily */
function clusterIPFor(svc: Service, family: Family): string | null {
  const ips = svc.spec.clusterIPs?.length ? svc.spec.clusterIPs : svc.spec.clusterIP ? [svc.spec.clusterIP] : [];
  if (ips.length === 0 || ips[0] === 'None') return null;
  for (const text of ips) {
    const ip = parseAddrSloppy(text);
    if (ip?.family === family) return formatAddrGo(ip);
  }
  return null;
}

function ipsOfFamily(ips: string[] | undefined, family: Family): string[] {
  return (ips ?? []).flatMap((text) => {
    const ip = parseAddrSloppy(text);
    return ip?.family === family ? [formatAddrGo(ip)] : [];
  });
}

/** Service ports kube-proxy proxies for `family`; headless, ExternalName and other-family Services give none. */
export function servicePortsOf(svc: Service, family: Family): ServicePortInfo[] {
  if (svc.spec.type === 'ExternalName') return [];
  const clusterIP = clusterIPFor(svc, family);
  if (clusterIP === null) return [];
  const externalPolicyLocal = externallyAccessible(svc) && svc.spec.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = svc.spec.internalTrafficPolicy === 'Local';
  const clientIP = svc.spec.sessionAffinity === 'ClientIP';
  const sourceRanges = (svc.spec.loadBalancerSourceRanges ?? [])
    // GetLoadBalancerSourceRanges trims each entry before parsing it.
    .map((r) => parsePrefixSloppy(r.trim()))
    .filter((c): c is Prefix => c?.family === family);
  const loadBalancerVIPs = (svc.status?.loadBalancer?.ingress ?? [])
    // Proxy-mode load balancers deliver to the nodes themselves: no VIP rules.
    .filter((ing) => ing.ip && ing.ipMode !== 'Proxy')
    .flatMap((ing) => ipsOfFamily([ing.ip as string], family));
  const namespace = namespaceOf(svc);
  return svc.spec.ports.map((port) => {
    const nameString = servicePortName(namespace, svc.metadata.name, port.name);
    const proto = (port.protocol ?? 'TCP').toLowerCase();
    return {
      namespace,
      name: svc.metadata.name,
      portName: port.name ?? '',
      nameString,
      protocol: port.protocol ?? 'TCP',
      proto,
      clusterIP,
      port: port.port,
      nodePort: port.nodePort ?? 0,
      externalIPs: ipsOfFamily(svc.spec.externalIPs, family),
      loadBalancerVIPs,
      loadBalancerSourceRanges: sourceRanges,
      healthCheckNodePort: svc.spec.type === 'LoadBalancer' && externalPolicyLocal ? (svc.spec.healthCheckNodePort ?? 0) : 0,
      sessionAffinityClientIP: clientIP,
      stickyMaxAgeSeconds: clientIP ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_SECONDS) : 0,
      externalPolicyLocal,
      internalPolicyLocal,
      chains: serviceChains(nameString, proto),
    };
  });
}

export function isExternallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0;
}

/** Cluster endpoints are needed for internal Cluster policy, and for any external traffic (short-circuiting). */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || isExternallyAccessible(sp);
}

export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && isExternallyAccessible(sp));
}
