// MetalLB's address allocator (internal/allocator/allocator.go, v0.15.3): which pool and which
// address a Service gets, and when it may share an address with others. Error texts are MetalLB's.
// Where MetalLB iterates a Go map (random order: the pools to try, pools of equal priority)
// we go by pool name, and say so in the tie diagnostic.

import type { Service } from '../manifest/types';
import { matchesSelector } from '../cluster/labels';
import type { MetalLBConfig, Pool } from './config';
import { goQuote } from './goText';
import { formatAddrGo, prefixContains, sizeOf, type Addr, type Prefix } from '../net';
import { namespaceOf } from '../k8s';

export type IPFamily = 'ipv4' | 'ipv6' | 'dual';
export type FamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';

interface Key {
  sharing: string;
  backend: string;
}

interface Alloc {
  pool: string;
  ips: Addr[];
  ports: string[];
  key: Key;
}

/** One Service as the allocator sees it. */
export interface AllocRequest {
  /** `namespace/name` */
  key: string;
  service: Service;
  family: IPFamily;
  /** `TCP/80`, as k8salloc.Ports. */
  ports: string[];
  sharingKey: string;
  backendKey: string;
}

export class AllocationError extends Error {}

/** The allocator's own map key: one number for both families. */
const slot = (a: Addr): bigint => (a.family === 4 ? a.value : a.value | (1n << 128n));

/** `%q` of a []net.IP, as Go prints it: `["192.168.1.240"]`, a missing address as "<nil>". */
export function quoteIPs(ips: (Addr | undefined)[]): string {
  return `[${ips.map((ip) => goQuote(ip ? formatAddrGo(ip) : '<nil>')).join(' ')}]`;
}

/** ipConfusesBuggyFirmwares: IPv4 ending in .0 or .255. */
const isBuggyIP = (a: Addr): boolean => a.family === 4 && ((a.value & 255n) === 0n || (a.value & 255n) === 255n);

const familyOf = (p: Prefix): 'ipv4' | 'ipv6' => (p.family === 4 ? 'ipv4' : 'ipv6');

export class Allocator {
  private readonly allocated = new Map<string, Alloc>();
  private readonly sharingKeyForIP = new Map<bigint, Key>();
  private readonly portsInUse = new Map<bigint, Map<string, string>>();
  private readonly servicesOnIP = new Map<bigint, Set<string>>();
  /** Pools tried when a Service names none, in our order for MetalLB's map iteration. */
  private readonly autoPools: Pool[];
  /**
   * Per prefix, an offset below which every address is taken (or avoided): a Service that shares
   * nothing can only use a free address, so its search starts there. Only a speed-up: the
   * result is the same first free address a scan from the start finds.
   */
  private readonly cursor = new Map<Prefix, bigint>();

  constructor(private readonly config: MetalLBConfig) {
    this.autoPools = [...config.pools.values()].filter((p) => p.autoAssign && !p.serviceAllocation);
  }

  pool(svc: string): string {
    return this.allocated.get(svc)?.pool ?? '';
  }

  /** poolFor: the pool owning every address (none if an avoided .0/.255 is asked for). */
  poolFor(ips: (Addr | undefined)[]): Pool | undefined {
    for (const p of this.config.pools.values()) {
      let count = 0;
      for (const ip of ips) {
        if (!ip || (p.avoidBuggyIPs && isBuggyIP(ip))) continue;
        if (p.cidrs.some((c) => prefixContains(c, ip))) count++;
      }
      if (count === ips.length) return p;
    }
    return undefined;
  }

  unassign(svc: string): void {
    const al = this.allocated.get(svc);
    if (!al) return;
    this.allocated.delete(svc);
    for (const ip of al.ips) {
      const s = slot(ip);
      const ports = this.portsInUse.get(s);
      for (const port of al.ports) ports?.delete(port);
      this.servicesOnIP.get(s)?.delete(svc);
      if (!ports || ports.size === 0) {
        this.portsInUse.delete(s);
        this.sharingKeyForIP.delete(s);
        for (const [prefix, at] of this.cursor)
          if (prefixContains(prefix, ip) && ip.value - prefix.base < at) this.cursor.set(prefix, ip.value - prefix.base);
      }
    }
  }

  private assignUnchecked(svc: string, al: Alloc): void {
    this.unassign(svc);
    this.allocated.set(svc, al);
    for (const ip of al.ips) {
      const s = slot(ip);
      this.sharingKeyForIP.set(s, al.key);
      let ports = this.portsInUse.get(s);
      if (!ports) this.portsInUse.set(s, (ports = new Map()));
      for (const port of al.ports) ports.set(port, svc);
      let on = this.servicesOnIP.get(s);
      if (!on) this.servicesOnIP.set(s, (on = new Set()));
      on.add(svc);
    }
  }

  /** Assign: the requested addresses, if configuration and sharing allow. */
  assign(req: AllocRequest, ips: (Addr | undefined)[]): Addr[] {
    const pool = this.poolFor(ips);
    if (!pool) throw new AllocationError(`${quoteIPs(ips)} is not allowed in config`);
    const key: Key = { sharing: req.sharingKey, backend: req.backendKey };
    if (!isPoolCompatible(pool, req.service)) throw new AllocationError(`pool ${pool.name} not compatible for ip assignment`);
    const addrs = ips as Addr[]; // poolFor found every one
    if (addrs.length > 2) throw new AllocationError(`more than two addresses ${quoteIPs(addrs)}`);
    if (addrs.length === 2 && addrs[0].family === addrs[1].family)
      throw new AllocationError(`${goQuote(formatAddrGo(addrs[0]))} ${goQuote(formatAddrGo(addrs[1]))} has the same family`);
    for (const ip of addrs) {
      const err = this.checkSharing(req.key, ip, req.ports, key);
      if (err) throw new AllocationError(err);
    }
    this.assignUnchecked(req.key, { pool: pool.name, ips: addrs, ports: [...req.ports], key });
    return addrs;
  }

  /** checkSharing: an address in use needs the same sharing and backend keys and free ports. */
  private checkSharing(svc: string, ip: Addr, ports: string[], key: Key): string | undefined {
    const s = slot(ip);
    const existing = this.sharingKeyForIP.get(s);
    if (!existing) return undefined;
    const compatible =
      existing.sharing !== '' && key.sharing !== '' && existing.sharing === key.sharing && existing.backend === key.backend;
    if (!compatible) {
      const others = [...(this.servicesOnIP.get(s) ?? [])].filter((o) => o !== svc);
      if (others.length > 0) return `can't change sharing key for ${goQuote(svc)}, address also in use by ${others.join(',')}`;
    }
    const inUse = this.portsInUse.get(s);
    for (const port of ports) {
      const cur = inUse?.get(port);
      if (cur !== undefined && cur !== svc) return `port ${port} is already in use on ${goQuote(formatAddrGo(ip))}`;
    }
    return undefined;
  }

  /** getIPFromCIDR: the first address, in address order, that this Service may use. */
  private freeIn(cidr: Prefix, avoidBuggy: boolean, req: AllocRequest, key: Key): Addr | undefined {
    const size = sizeOf(cidr);
    const unshared = key.sharing === '';
    for (let i = unshared ? (this.cursor.get(cidr) ?? 0n) : 0n; i < size; i++) {
      const ip: Addr = { family: cidr.family, value: cidr.base + i };
      if (avoidBuggy && isBuggyIP(ip)) continue;
      if (this.checkSharing(req.key, ip, req.ports, key) === undefined) {
        if (unshared) this.cursor.set(cidr, i);
        return ip;
      }
    }
    if (unshared) this.cursor.set(cidr, size);
    return undefined;
  }

  /** getFreeIPsFromPool: a free IPv4 and a free IPv6 address, where the pool has them. */
  private freeInPool(pool: Pool, req: AllocRequest): { ipv4?: Addr; ipv6?: Addr } {
    const key: Key = { sharing: req.sharingKey, backend: req.backendKey };
    const out: { ipv4?: Addr; ipv6?: Addr } = {};
    for (const cidr of pool.cidrs) {
      const fam = familyOf(cidr);
      if (out[fam]) continue;
      const ip = this.freeIn(cidr, pool.avoidBuggyIPs, req, key);
      if (ip) out[fam] = ip;
    }
    return out;
  }

  /** selectIPsForFamilyAndPolicy; a single-family Service takes "its" address even when missing (MetalLB's nil IP). */
  private select(free: { ipv4?: Addr; ipv6?: Addr }, pool: string, req: AllocRequest, policy: FamilyPolicy): (Addr | undefined)[] {
    if (req.family === 'ipv4') return [free.ipv4];
    if (req.family === 'ipv6') return [free.ipv6];
    if (free.ipv4 && free.ipv6 && policy !== 'SingleStack') return [free.ipv4, free.ipv6];
    if (policy === 'PreferDualStack' && (free.ipv4 || free.ipv6)) return [(free.ipv4 ?? free.ipv6)!];
    throw new AllocationError(`no available IPs in pool ${pool} for ${req.family} IPFamily`);
  }

  /** AllocateFromPool: `metallb.io/address-pool`. */
  allocateFromPool(req: AllocRequest, poolName: string, policy: FamilyPolicy): Addr[] {
    const existing = this.allocated.get(req.key);
    if (existing) return this.assign(req, existing.ips);
    const pool = this.config.pools.get(poolName);
    if (!pool) throw new AllocationError(`unknown pool ${goQuote(poolName)}`);
    return this.assign(req, this.select(this.freeInPool(pool, req), pool.name, req, policy));
  }

  /** Allocate: the pinned pools (serviceAllocation) by priority, then every auto-assign pool. */
  allocate(req: AllocRequest, policy: FamilyPolicy): { ips: Addr[]; tied: string[] } {
    const existing = this.allocated.get(req.key);
    if (existing) return { ips: this.assign(req, existing.ips), tied: [] };
    for (const pools of [this.pinnedPools(req.service), this.autoPools]) {
      const found = this.bestPool(pools, req, policy);
      if (!found) continue;
      try {
        return { ips: this.assign(req, this.select(found.free, found.pool.name, req, policy)), tied: found.tied };
      } catch {
        // allocateFromPools gives up on this list and falls through to the next.
      }
    }
    throw new AllocationError('no available IPs');
  }

  /** findBestPoolForService: the first pool with a free address of the Service's family. */
  private bestPool(pools: Pool[], req: AllocRequest, policy: FamilyPolicy) {
    let primary: { pool: Pool; free: { ipv4?: Addr; ipv6?: Addr } } | undefined;
    let secondary: typeof primary;
    const firstFamily = req.service.spec.ipFamilies?.[0] === 'IPv6' ? 'ipv6' : 'ipv4';
    const secondFamily = firstFamily === 'ipv4' ? 'ipv6' : 'ipv4';
    for (let i = 0; i < pools.length; i++) {
      const pool = pools[i];
      const free = this.freeInPool(pool, req);
      const tied = () => pools.filter((p, j) => j > i && samePriority(p, pool) && this.hasFree(p, req)).map((p) => p.name);
      if (req.family !== 'dual' && free[req.family]) return { pool, free, tied: tied() };
      if (free[firstFamily] && free[secondFamily]) return { pool, free, tied: tied() };
      if (!(policy === 'PreferDualStack' && req.family === 'dual')) continue;
      if (free[firstFamily] && !primary) primary = { pool, free };
      if (free[secondFamily] && !secondary) secondary = { pool, free };
    }
    const fallback = primary ?? secondary;
    return fallback && { ...fallback, tied: [] };
  }

  /** Whether `pool` has an address `req` could take (for the tie diagnostic). */
  hasFree(pool: Pool, req: AllocRequest): boolean {
    const free = this.freeInPool(pool, req);
    return req.family === 'dual' ? !!(free.ipv4 || free.ipv6) : !!free[req.family];
  }

  /** pinnedPoolsForService: namespace pools, then selector pools, sorted by priority (0 = none = last). */
  private pinnedPools(svc: Service): Pool[] {
    const names = new Set([...(this.config.byNamespace.get(namespaceOf(svc)) ?? []), ...this.config.byServiceSelector]);
    const pools = [...names].map((n) => this.config.pools.get(n)!).filter((p) => p.autoAssign && isPoolCompatible(p, svc));
    return pools.sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

const rank = (p: Pool): number => {
  const prio = p.serviceAllocation?.priority ?? 0;
  return prio > 0 ? prio : Number.MAX_SAFE_INTEGER;
};

/** Pools MetalLB would try in random order relative to each other. */
const samePriority = (a: Pool, b: Pool): boolean => rank(a) === rank(b);

/** isPoolCompatibleWithService: the pool's namespaces and service selectors admit the Service. */
export function isPoolCompatible(p: Pool, svc: Service): boolean {
  const sa = p.serviceAllocation;
  if (!sa) return true;
  if (sa.namespaces.size > 0 && !sa.namespaces.has(namespaceOf(svc))) return false;
  if (sa.serviceSelectors.length > 0) return sa.serviceSelectors.some((s) => matchesSelector(svc.metadata.labels ?? {}, s));
  return true;
}
