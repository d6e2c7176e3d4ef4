// kube-proxy's chain names (pkg/proxy/iptables/proxier.go, v1.33): a prefix plus the
// first 16 base32 characters of sha256(servicePortName + protocol [+ endpoint]).

import { base32, sha256, utf8 } from '../hashing/sha256';

/**
 * proxy.ServicePortName.String(): `ns/name:port`, or just `ns/name` when the port is
 * unnamed. (kube-proxy before ~v1.20 always wrote the colon, which is why older blog
 * posts show `default/hostnames:` and different hashes.)
 */
export function servicePortName(namespace: string, name: string, port: string | undefined): string {
  return port ? `${namespace}/${name}:${port}` : `${namespace}/${name}`;
}

/** portProtoHash: `protocol` is lower-case (`tcp`, `udp`, `sctp`). */
export function portProtoHash(svcPortName: string, protocol: string): string {
  return base32(sha256(utf8(svcPortName + protocol))).slice(0, 16);
}

export interface ServiceChains {
  /** KUBE-SVC-*: Cluster-policy endpoints. */
  cluster: string;
  /** KUBE-SVL-*: Local-policy endpoints. */
  local: string;
  /** KUBE-EXT-*: external destinations (NodePort, externalIPs, LB IPs). */
  external: string;
  /** KUBE-FW-*: loadBalancerSourceRanges. */
  firewall: string;
}

export function serviceChains(svcPortName: string, protocol: string): ServiceChains {
  const hash = portProtoHash(svcPortName, protocol);
  return {
    cluster: `KUBE-SVC-${hash}`,
    local: `KUBE-SVL-${hash}`,
    external: `KUBE-EXT-${hash}`,
    firewall: `KUBE-FW-${hash}`,
  };
}

/** KUBE-SEP-*: `endpoint` is `ip:port` (`[ip]:port` for IPv6), as net.JoinHostPort writes it. */
export function endpointChain(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${base32(sha256(utf8(svcPortName + protocol + endpoint))).slice(0, 16)}`;
}
