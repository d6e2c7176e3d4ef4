// MetalLB's configuration as its controller and speakers load it from the CRs
// (internal/config/config.go `For`, MetalLB v0.15.3): the first problem rejects the WHOLE
// configuration, with MetalLB's own error text. Only CRs in MetalLB's namespace are read.

import { diagnostic, type Diagnostic, type SourcePos, type SourceRef } from '../diagnostics';
import { matchesSelector } from '../cluster/labels';
import type {
  BGPAdvertisement,
  BGPPeer,
  Community,
  IPAddressPool,
  L2Advertisement,
  LabelSelector,
  Manifest,
  MetalLBObject,
  Namespace,
  Node,
} from '../manifest/types';
import { parseCommunity, sortCommunities } from './community';
import { goQuote, parseGoDuration } from './goText';
import { formatPrefixGo, parseAddrGo, parsePrefixGo, prefixesOverlap, summarize, type Prefix } from '../net';
import { METALLB_NAMESPACE } from '../manifest/kinds/metallbLegacyConfig';
import { namespaceOf } from '../k8s';

export interface L2Adv {
  name: string;
  nodes: Set<string>;
  interfaces: string[];
  allInterfaces: boolean;
}

export interface BgpAdv {
  name: string;
  aggregationLength: number;
  aggregationLengthV6: number;
  localPref: number;
  /** Sorted as MetalLB sorts them before sending (numerically, standard before large). */
  communities: string[];
  nodes: Set<string>;
  /** BGPPeer names; empty means every peer. */
  peers: string[];
}

export interface ServiceAllocationConfig {
  priority: number;
  namespaces: Set<string>;
  /** Empty with no namespaces either means "every Service" (labels.Everything). */
  serviceSelectors: LabelSelector[];
}

export interface Pool {
  name: string;
  /** Every range summarized into prefixes, in the order written. */
  cidrs: Prefix[];
  /** Per address as written (`a-b` becomes several prefixes). */
  cidrsPerAddress: { address: string; cidrs: Prefix[] }[];
  avoidBuggyIPs: boolean;
  autoAssign: boolean;
  serviceAllocation?: ServiceAllocationConfig;
  l2: L2Adv[];
  bgp: BgpAdv[];
  source: SourceRef;
}

export interface Peer {
  name: string;
  myASN: number;
  asn: number;
  dynamicASN?: 'internal' | 'external';
  address?: string;
  port: number;
  /** Empty means every node (labels.Everything). */
  nodeSelectors: LabelSelector[];
  ebgpMultiHop: boolean;
  source: SourceRef;
}

export interface MetalLBConfig {
  /** By name, in API list order. */
  pools: Map<string, Pool>;
  /** Namespace -> names of the pools pinned to it by serviceAllocation. */
  byNamespace: Map<string, string[]>;
  /** Pools with service selectors (or a serviceAllocation naming nothing), sorted by name. */
  byServiceSelector: string[];
  peers: Peer[];
}

class Rejected extends Error {
  constructor(
    readonly reason: string,
    readonly pos: SourcePos,
  ) {
    super(reason);
  }
}

/** API list order: by name (all CRs are in the one namespace). */
const byName = <T extends { object: { metadata: { name: string } } }>(list: T[]): T[] =>
  [...list].sort((a, b) =>
    a.object.metadata.name < b.object.metadata.name ? -1 : a.object.metadata.name > b.object.metadata.name ? 1 : 0,
  );

function ofKind<K extends MetalLBObject['kind']>(
  objects: Manifest<MetalLBObject>[],
  kind: K,
): Manifest<Extract<MetalLBObject, { kind: K }>>[] {
  return byName(objects.filter((m) => m.object.kind === kind) as Manifest<Extract<MetalLBObject, { kind: K }>>[]);
}

function selectedNodes(nodes: Node[], selectors: LabelSelector[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const n of nodes)
    if (!selectors?.length || selectors.some((s) => matchesSelector(n.metadata.labels ?? {}, s))) out.add(n.metadata.name);
  return out;
}

function selectedPools(pools: Manifest<IPAddressPool>[], selectors: LabelSelector[] | undefined): string[] {
  if (!selectors?.length) return [];
  return pools.filter((p) => selectors.some((s) => matchesSelector(p.object.metadata.labels ?? {}, s))).map((p) => p.object.metadata.name);
}

function checkNoDuplicates(list: string[] | undefined, what: string, source: SourceRef, path: string): void {
  list?.forEach((v, i) => {
    if (list.indexOf(v) !== i) throw new Rejected(`duplicate definition of ${what} ${goQuote(v)}`, source.at(`${path}.${i}`));
  });
}

/** config.ParseCIDR: a CIDR, or `start-end` summarized into prefixes. */
export function parseAddresses(text: string): Prefix[] | string {
  if (!text.includes('-')) {
    const p = parsePrefixGo(text);
    return p ? [p] : `invalid CIDR ${goQuote(text)}`;
  }
  const dash = text.indexOf('-');
  const [a, b] = [text.slice(0, dash), text.slice(dash + 1)];
  const start = parseAddrGo(a.trim());
  if (!start) return `invalid IP range ${goQuote(text)}: invalid start IP ${goQuote(a)}`;
  const end = parseAddrGo(b.trim());
  if (!end) return `invalid IP range ${goQuote(text)}: invalid end IP ${goQuote(b)}`;
  // Go compares the 16-byte forms: any IPv4 address sorts before any IPv6 one.
  const after = start.family !== end.family ? start.family > end.family : start.value > end.value;
  if (after) return `invalid IP range ${goQuote(text)}: start IP ${goQuote(a.trim())} is after the end IP ${goQuote(b.trim())}`;
  if (start.family !== end.family) return `invalid IP range ${goQuote(text)}`;
  return summarize(start, end);
}

function poolFromCR(m: Manifest<IPAddressPool>, namespaces: Namespace[]): Pool {
  const p = m.object;
  const name = p.metadata.name;
  const pool: Pool = {
    name,
    cidrs: [],
    cidrsPerAddress: [],
    avoidBuggyIPs: p.spec.avoidBuggyIPs ?? false,
    autoAssign: p.spec.autoAssign ?? true,
    l2: [],
    bgp: [],
    source: m.source,
  };
  if (p.spec.addresses.length === 0)
    throw new Rejected(`parsing address pool ${name}: pool has no prefixes defined`, m.source.at('spec.addresses'));
  p.spec.addresses.forEach((address, i) => {
    const cidrs = parseAddresses(address);
    if (typeof cidrs === 'string')
      throw new Rejected(
        `parsing address pool ${name}: invalid CIDR ${goQuote(address)} in pool ${goQuote(name)}: ${cidrs}`,
        m.source.at(`spec.addresses.${i}`),
      );
    pool.cidrs.push(...cidrs);
    pool.cidrsPerAddress.push({ address, cidrs });
  });
  const alloc = p.spec.serviceAllocation;
  if (alloc) {
    checkNoDuplicates(alloc.namespaces, 'namespaces', m.source, 'spec.serviceAllocation.namespaces');
    const sa: ServiceAllocationConfig = {
      priority: alloc.priority ?? 0,
      namespaces: new Set(alloc.namespaces ?? []),
      serviceSelectors: alloc.serviceSelectors ?? [],
    };
    if (!alloc.namespaces?.length && !alloc.namespaceSelectors?.length && !alloc.serviceSelectors?.length) sa.serviceSelectors = [{}];
    for (const sel of alloc.namespaceSelectors ?? [])
      for (const ns of namespaces) if (matchesSelector(ns.metadata.labels ?? {}, sel)) sa.namespaces.add(ns.metadata.name);
    pool.serviceAllocation = sa;
  }
  return pool;
}

function peerFromCR(m: Manifest<BGPPeer>): Peer {
  const s = m.object.spec;
  const name = m.object.metadata.name;
  const fail = (reason: string, path: string): never => {
    throw new Rejected(`parsing peer ${name} ${reason}`, m.source.at(path));
  };
  const asn = s.peerASN ?? 0;
  if (!s.myASN) fail('missing local ASN', 'spec.myASN');
  if (asn === 0 && !s.dynamicASN) fail('missing peer ASN and dynamicASN', 'spec');
  if (asn !== 0 && s.dynamicASN) fail('both peer ASN and dynamicASN specified', 'spec.dynamicASN');
  if (asn === s.myASN && s.ebgpMultiHop) fail('invalid ebgp-multihop parameter set for an ibgp peer', 'spec.ebgpMultiHop');
  if (!s.peerAddress && !s.interface) fail('peer has no Address or Interface specified', 'spec');
  if (s.peerAddress && s.interface) fail('peer has both Address and Interface specified', 'spec.interface');
  checkTimers(s, fail);
  if (s.peerAddress && !parseAddrGo(s.peerAddress)) fail(`invalid BGPPeer address ${goQuote(s.peerAddress)}`, 'spec.peerAddress');
  if (s.routerID && !parseAddrGo(s.routerID)) fail(`invalid router ID ${goQuote(s.routerID)}`, 'spec.routerID');
  if (s.sourceAddress && !parseAddrGo(s.sourceAddress)) fail(`invalid source IP ${goQuote(s.sourceAddress)}`, 'spec.sourceAddress');
  const peer: Peer = {
    name,
    myASN: s.myASN,
    asn,
    port: s.peerPort ?? 179,
    nodeSelectors: s.nodeSelectors ?? [],
    ebgpMultiHop: s.ebgpMultiHop ?? false,
    source: m.source,
  };
  if (s.dynamicASN) peer.dynamicASN = s.dynamicASN;
  if (s.peerAddress) peer.address = s.peerAddress;
  return peer;
}

/** parseTimers: a missing one is derived from the other (keepalive = hold / 3). */
function checkTimers(s: BGPPeer['spec'], fail: (reason: string, path: string) => never): void {
  if (s.holdTime === undefined && s.keepaliveTime === undefined) return;
  const ht = s.holdTime === undefined ? undefined : parseGoDuration(s.holdTime);
  const ka = s.keepaliveTime === undefined ? undefined : parseGoDuration(s.keepaliveTime);
  if (ht === null) fail(`invalid BGPPeer timers: time: invalid duration ${goQuote(s.holdTime!)}`, 'spec.holdTime');
  if (ka === null) fail(`invalid BGPPeer timers: time: invalid duration ${goQuote(s.keepaliveTime!)}`, 'spec.keepaliveTime');
  const hold = ht ?? ka! * 3;
  const keepalive = ka ?? hold / 3;
  const rounded = Math.trunc(hold / 1e9);
  if (rounded !== 0 && rounded < 3)
    fail(`invalid BGPPeer timers: invalid hold time ${goQuote(s.holdTime ?? '')}: must be 0 or >=3s`, 'spec.holdTime');
  if (keepalive > hold)
    fail(
      `invalid BGPPeer timers: invalid keepaliveTime ${goQuote(s.keepaliveTime ?? '')}, must be lower than holdTime ${goQuote(s.holdTime ?? '')}`,
      'spec.keepaliveTime',
    );
}

function communityAliases(list: Manifest<Community>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of list)
    m.object.spec.communities?.forEach((c, i) => {
      const parsed = parseCommunity(c.value);
      if (typeof parsed === 'string')
        throw new Rejected(`parsing community ${goQuote(c.name)}: ${parsed}`, m.source.at(`spec.communities.${i}.value`));
      if (out.has(c.name))
        throw new Rejected(`duplicate definition of community ${goQuote(c.name)}`, m.source.at(`spec.communities.${i}.name`));
      out.set(c.name, c.value);
    });
  return out;
}

function l2FromCR(m: Manifest<L2Advertisement>, nodes: Node[]): L2Adv {
  const s = m.object.spec;
  checkNoDuplicates(s.ipAddressPools, 'ipAddressPools', m.source, 'spec.ipAddressPools');
  return {
    name: m.object.metadata.name,
    nodes: selectedNodes(nodes, s.nodeSelectors),
    interfaces: s.interfaces ?? [],
    allInterfaces: !s.interfaces?.length,
  };
}

function bgpFromCR(m: Manifest<BGPAdvertisement>, nodes: Node[], aliases: Map<string, string>): BgpAdv {
  const s = m.object.spec;
  checkNoDuplicates(s.ipAddressPools, 'ipAddressPools', m.source, 'spec.ipAddressPools');
  checkNoDuplicates(s.communities, 'community', m.source, 'spec.communities');
  checkNoDuplicates(s.peers, 'peers', m.source, 'spec.peers');
  const ad: BgpAdv = {
    name: m.object.metadata.name,
    aggregationLength: s.aggregationLength ?? 32,
    aggregationLengthV6: s.aggregationLengthV6 ?? 128,
    localPref: s.localPref ?? 0,
    communities: [],
    nodes: selectedNodes(nodes, s.nodeSelectors),
    peers: s.peers ?? [],
  };
  if (ad.aggregationLength > 32)
    throw new Rejected(`invalid aggregation length ${goQuote(ad.aggregationLength)} for IPv4`, m.source.at('spec.aggregationLength'));
  if (ad.aggregationLengthV6 > 128)
    throw new Rejected(`invalid aggregation length ${goQuote(ad.aggregationLengthV6)} for IPv6`, m.source.at('spec.aggregationLengthV6'));
  s.communities?.forEach((c, i) => {
    const value = aliases.get(c) ?? c;
    const parsed = parseCommunity(value);
    if (typeof parsed === 'string')
      throw new Rejected(`${parsed}\ninvalid community ${goQuote(c)} in BGP advertisement`, m.source.at(`spec.communities.${i}`));
    ad.communities.push(value);
  });
  ad.communities = sortCommunities(ad.communities);
  return ad;
}

/** validateBGPAdvPerPool: aggregation no shorter than the pool's prefixes; one localPref per kind of update. */
function checkBgpAdvForPool(ad: BgpAdv, pool: Pool, at: SourcePos): void {
  for (const { address, cidrs } of pool.cidrsPerAddress) {
    const max = cidrs[0].family === 4 ? ad.aggregationLength : ad.aggregationLengthV6;
    const lowest = Math.min(...cidrs.map((c) => c.bits));
    if (max < lowest)
      throw new Rejected(
        `invalid aggregation length ${ad.aggregationLength}: prefix ${lowest} in this pool is more specific than the aggregation length for addresses ${address}`,
        at,
      );
  }
  const families = new Set(pool.cidrs.map((c) => c.family));
  for (const other of pool.bgp) {
    if (other.localPref === ad.localPref) continue;
    const v4Differs = other.aggregationLength !== ad.aggregationLength;
    const v6Differs = other.aggregationLengthV6 !== ad.aggregationLengthV6;
    const aggrDifferent = (v4Differs && !families.has(6)) || (v6Differs && !families.has(4)) || (v4Differs && v6Differs);
    const disjointPeers = ad.peers.length > 0 && other.peers.length > 0 && !ad.peers.some((p) => other.peers.includes(p));
    const sharedNode = [...ad.nodes].some((n) => other.nodes.has(n));
    if (!aggrDifferent && !disjointPeers && sharedNode)
      throw new Rejected(
        `invalid local preference ${ad.localPref}: local preferernce ${other.localPref} was already set for the same type of BGP update. Check existing BGP advertisements with common pools and aggregation lengths`,
        at,
      );
  }
}

function attach(
  adv: Manifest<L2Advertisement | BGPAdvertisement>,
  pools: Manifest<IPAddressPool>[],
  byPoolName: Map<string, Pool>,
  add: (pool: Pool) => void,
): void {
  const s = adv.object.spec;
  if (!s.ipAddressPools?.length && !s.ipAddressPoolSelectors?.length) {
    byPoolName.forEach(add);
    return;
  }
  for (const name of [...(s.ipAddressPools ?? []), ...selectedPools(pools, s.ipAddressPoolSelectors)]) {
    const pool = byPoolName.get(name);
    if (pool) add(pool);
  }
}

export interface ConfigResult {
  /** Undefined when MetalLB rejects the configuration: then it has no pools at all. */
  config?: MetalLBConfig;
  diagnostics: Diagnostic[];
}

/** Loads MetalLB's configuration from its CRs, like config.For. */
export function metallbConfig(
  objects: Manifest<MetalLBObject>[],
  nodes: Node[],
  namespaces: Namespace[],
  namespace = METALLB_NAMESPACE,
): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  const mine = objects.filter((m) => {
    if (namespaceOf(m.object) === namespace) return true;
    diagnostics.push(
      diagnostic(
        'warning',
        'metallb.wrongNamespace',
        { kind: m.object.kind, name: m.object.metadata.name, namespace: namespaceOf(m.object), expected: namespace },
        m.source.at('metadata.namespace'),
      ),
    );
    return false;
  });
  try {
    const config = load(mine, nodes, namespaces);
    diagnostics.push(...advisories(mine, config, nodes));
    return { config, diagnostics };
  } catch (e) {
    if (!(e instanceof Rejected)) throw e;
    diagnostics.push(diagnostic('error', 'metallb.configRejected', { reason: e.reason }, e.pos));
    return { diagnostics };
  }
}

function load(objects: Manifest<MetalLBObject>[], nodes: Node[], namespaces: Namespace[]): MetalLBConfig {
  const peers = ofKind(objects, 'BGPPeer').map(peerFromCR);
  const poolCRs = ofKind(objects, 'IPAddressPool');
  const aliases = communityAliases(ofKind(objects, 'Community'));
  const pools = new Map<string, Pool>();
  const seen: { cidr: Prefix; pool: string }[] = [];
  for (const m of poolCRs) {
    const pool = poolFromCR(m, namespaces);
    pool.cidrs.forEach((cidr) => {
      const clash = seen.find((s) => prefixesOverlap(s.cidr, cidr));
      if (clash) {
        const i = pool.cidrsPerAddress.findIndex((a) => a.cidrs.includes(cidr));
        throw new Rejected(
          `CIDR ${goQuote(formatPrefixGo(cidr))} in pool ${goQuote(pool.name)} overlaps with already defined CIDR ${goQuote(formatPrefixGo(clash.cidr))}`,
          m.source.at(`spec.addresses.${i}`),
        );
      }
      seen.push({ cidr, pool: pool.name });
    });
    pools.set(pool.name, pool);
  }
  for (const m of ofKind(objects, 'L2Advertisement')) {
    const ad = l2FromCR(m, nodes);
    attach(m, poolCRs, pools, (pool) => {
      if (!pool.l2.some((o) => sameL2(o, ad))) pool.l2.push(ad);
    });
  }
  for (const m of ofKind(objects, 'BGPAdvertisement')) {
    const ad = bgpFromCR(m, nodes, aliases);
    attach(m, poolCRs, pools, (pool) => {
      checkBgpAdvForPool(ad, pool, m.source.pos);
      pool.bgp.push(ad);
    });
  }
  const byNamespace = new Map<string, string[]>();
  const byServiceSelector: string[] = [];
  for (const pool of pools.values()) {
    const sa = pool.serviceAllocation;
    if (!sa) continue;
    for (const ns of sa.namespaces) byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), pool.name]);
    if (sa.serviceSelectors.length) byServiceSelector.push(pool.name);
  }
  byServiceSelector.sort();
  return { pools, byNamespace, byServiceSelector, peers };
}

/** containsAdvertisement: equal node sets and interfaces count once. */
function sameL2(a: L2Adv, b: L2Adv): boolean {
  const eq = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  return a.allInterfaces === b.allInterfaces && eq(a.nodes, b.nodes) && eq(new Set(a.interfaces), new Set(b.interfaces));
}

/** What MetalLB accepts silently but a learner should hear about. */
function advisories(objects: Manifest<MetalLBObject>[], config: MetalLBConfig, nodes: Node[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const pool of config.pools.values())
    if (pool.l2.length === 0 && pool.bgp.length === 0)
      out.push(diagnostic('warning', 'metallb.pool.notAdvertised', { pool: pool.name }, pool.source.pos));
  for (const m of ofKind(objects, 'L2Advertisement'))
    if (selectedNodes(nodes, m.object.spec.nodeSelectors).size === 0)
      out.push(
        diagnostic(
          'warning',
          'metallb.advertisement.noNodes',
          { kind: 'L2Advertisement', name: m.object.metadata.name },
          m.source.at('spec.nodeSelectors'),
        ),
      );
  const peerNames = new Set(config.peers.map((p) => p.name));
  for (const m of ofKind(objects, 'BGPAdvertisement'))
    m.object.spec.peers?.forEach((p, i) => {
      if (!peerNames.has(p))
        out.push(
          diagnostic(
            'warning',
            'metallb.bgpAdvertisement.unknownPeer',
            { name: m.object.metadata.name, peer: p },
            m.source.at(`spec.peers.${i}`),
          ),
        );
    });
  return out;
}
