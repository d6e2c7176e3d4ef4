// kube-proxy's nftables chain and set names (pkg/proxy/nftables/proxier.go, v1.34):
// `service-ULMVA6XW-ns1/svc1/tcp/p80`, `endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80`.
// Unlike iptables mode the name is readable: 8 base32 characters of a SHA-256 keep it unique.

import { base32, sha256, utf8 } from '../../hashing/sha256';

/** knftables.NameLengthMax (256) less the longest prefix kube-proxy puts in front (16). */
const NAME_BASE_MAX = 256 - 16;

/** hashAndTruncate: the hash first, so a name cut at the end still differs from its neighbours. */
function hashAndTruncate(name: string): string {
  const full = `${base32(sha256(utf8(name))).slice(0, 8)}-${name}`;
  return full.length > NAME_BASE_MAX ? full.slice(0, NAME_BASE_MAX - 3) + '...' : full;
}

/** `HASH-ns/name/proto/port`; `portName` is '' for an unnamed port, as ServicePortName keeps it. */
export function servicePortNameBase(namespace: string, name: string, proto: string, portName: string): string {
  return hashAndTruncate(`${namespace}/${name}/${proto}/${portName}`);
}

/**
 * `HASH-ns/name/proto/port__ip/port`: an IPv6 endpoint's colons become dots, since nft chain
 * names may not hold a colon.
 */
export function endpointNameBase(namespace: string, name: string, proto: string, portName: string, ip: string, port: number): string {
  return hashAndTruncate(`${namespace}/${name}/${proto}/${portName}__${ip.replaceAll(':', '.')}/${port}`);
}

export interface NftServiceChains {
  cluster: string;
  local: string;
  external: string;
  firewall: string;
}

export function nftServiceChains(base: string): NftServiceChains {
  return { cluster: `service-${base}`, local: `local-${base}`, external: `external-${base}`, firewall: `firewall-${base}` };
}

export interface NftEndpointNames {
  chain: string;
  affinitySet: string;
}

export function nftEndpointNames(base: string): NftEndpointNames {
  return { chain: `endpoint-${base}`, affinitySet: `affinity-${base}` };
}
