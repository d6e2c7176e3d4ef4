// The API server's Service IP and NodePort allocators (v1.33). Dynamic allocations prefer the
// upper band of each range, leaving the lower band for addresses and ports people choose
// (ServiceIPStaticSubrange, ServiceNodePortStaticSubrange). Instead of chance, each Service's
// choice is its name hashed into the band with upward probing, so no Service's address or port
// depends on any other object.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { cidrSize, formatIPv4, formatIPv6Netip, parseCidr, parseCidr6, parseIPv4Sloppy, parseIPv6Sloppy } from '../net';
import type { Service } from '../manifest/types';
import { fnv32a } from '../hashing/names';
import type { Entry } from './inventory';
import type { ClusterConfig } from './types';

/** min(max(16, size/16), 256): the size of the static lower band. */
function rangeOffset(size: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

/** A range of integers with a static lower band; hashes land in the upper band, then spill into the lower. */
class BandedRange {
  private readonly used = new Set<number>();
  private readonly offset: number;

  constructor(
    private readonly first: number,
    private readonly last: number,
  ) {
    this.offset = rangeOffset(last - first + 1);
  }

  contains(n: number): boolean {
    return n >= this.first && n <= this.last;
  }

  isUsed(n: number): boolean {
    return this.used.has(n);
  }

  take(n: number): void {
    this.used.add(n);
  }

  allocate(key: string): number | undefined {
    const upperStart = this.first + this.offset;
    const upperSize = this.last - upperStart + 1;
    const start = fnv32a(key);
    for (let i = 0; i < upperSize; i++) {
      const n = upperStart + ((start + i) % upperSize);
      if (!this.used.has(n)) return this.claim(n);
    }
    for (let n = this.first; n < upperStart; n++) if (!this.used.has(n)) return this.claim(n);
    return undefined;
  }

  private claim(n: number): number {
    this.used.add(n);
    return n;
  }
}

/**
 * The IPv4 service ranges: the primary one, then any further ServiceCIDRs. A ClusterIP is valid in
 * any of them; new ones come from the first range with room.
 */
class ServiceRanges {
  private readonly ranges: BandedRange[];

  constructor(cidrs: string[]) {
    this.ranges = cidrs.map((text) => {
      const cidr = parseCidr(text)!;
      // The network and broadcast addresses are never handed out.
      return new BandedRange(cidr.base + 1, cidr.base + cidrSize(cidr) - 2);
    });
  }

  private rangeOf(n: number): BandedRange | undefined {
    return this.ranges.find((r) => r.contains(n));
  }

  contains(n: number): boolean {
    return this.rangeOf(n) !== undefined;
  }

  isUsed(n: number): boolean {
    return this.rangeOf(n)?.isUsed(n) ?? false;
  }

  take(n: number): void {
    this.rangeOf(n)?.take(n);
  }

  allocate(key: string): number | undefined {
    for (const r of this.ranges) {
      const n = r.allocate(key);
      if (n !== undefined) return n;
    }
    return undefined;
  }
}

/**
 * The IPv6 service range of a dual-stack cluster, as host offsets from the network address
 * (IPv6 has no broadcast address, so only the network address is kept back).
 */
class ServiceRange6 {
  readonly range: BandedRange;
  private readonly base: bigint;

  constructor(cidr: string) {
    const c = parseCidr6(cidr)!;
    this.base = c.base;
    // The API server allows at most a /108 here; the bitmap allocator caps at 2^16 addresses anyway.
    this.range = new BandedRange(1, Math.min(2 ** (128 - c.prefix), 65536) - 1);
  }

  offsetOf(ip: string): number | undefined {
    const v = parseIPv6Sloppy(ip);
    if (v === undefined || v < this.base) return undefined;
    const offset = v - this.base;
    return offset <= 65535n && this.range.contains(Number(offset)) ? Number(offset) : undefined;
  }

  allocate(key: string): string {
    const n = this.range.allocate(key);
    return n === undefined ? '' : formatIPv6Netip(this.base + BigInt(n));
  }
}

const wantsDualStack = (svc: Service) => svc.spec.ipFamilyPolicy === 'PreferDualStack' || svc.spec.ipFamilyPolicy === 'RequireDualStack';

function hasNodePorts(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
}

function needsHealthCheckPort(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/**
 * Validates and fills `spec.clusterIP(s)`, node ports and the API defaults of every Service.
 * A Service the API server would reject (address or port out of range or taken) is dropped with an error.
 */
export function allocateServices(entries: Entry<Service>[], config: ClusterConfig, diagnostics: Diagnostic[]): Entry<Service>[] {
  const serviceCIDRs = [config.serviceCIDR, ...(config.moreServiceCIDRs ?? [])];
  const ips = new ServiceRanges(serviceCIDRs);
  const [lowPort, highPort] = config.nodePortRange;
  const ports = new BandedRange(lowPort, highPort);
  const ips6 = config.dualStack ? new ServiceRange6(config.dualStack.serviceCIDR) : undefined;
  const accepted: Entry<Service>[] = [];

  for (const entry of entries) {
    const svc = entry.object;
    svc.spec ??= { type: 'ClusterIP', ports: [], sessionAffinity: 'None' };
    svc.spec.ports ??= [];
    const errors: Diagnostic[] = [];
    const name = svc.metadata.name;
    const at = (path: string) => entry.source.at(path);

    const given = svc.spec.clusterIP ?? svc.spec.clusterIPs?.[0];
    let givenIP: number | undefined;
    if (svc.spec.type !== 'ExternalName' && given && given !== 'None') {
      givenIP = parseIPv4Sloppy(given);
      if (givenIP === undefined || !ips.contains(givenIP)) {
        errors.push(
          diagnostic(
            'error',
            'service.clusterIP.outOfRange',
            { service: name, ip: given, serviceCIDR: serviceCIDRs.join(', ') },
            at('spec.clusterIP'),
          ),
        );
      } else if (ips.isUsed(givenIP)) {
        errors.push(diagnostic('error', 'service.clusterIP.taken', { service: name, ip: given }, at('spec.clusterIP')));
      }
    }

    // The IPv6 address of a dual-stack Service: clusterIPs[1].
    let givenIP6: number | undefined;
    const given6 = svc.spec.clusterIPs?.[1];
    if (svc.spec.ipFamilyPolicy === 'RequireDualStack' && !ips6) {
      errors.push(diagnostic('error', 'service.ipFamilyPolicy.singleStackCluster', { service: name }, at('spec.ipFamilyPolicy')));
    } else if (ips6 && given6 && given !== 'None' && svc.spec.type !== 'ExternalName') {
      givenIP6 = ips6.offsetOf(given6);
      if (givenIP6 === undefined) {
        const serviceCIDR = config.dualStack!.serviceCIDR;
        errors.push(
          diagnostic('error', 'service.clusterIP.outOfRange', { service: name, ip: given6, serviceCIDR }, at('spec.clusterIPs.1')),
        );
      } else if (ips6.range.isUsed(givenIP6)) {
        errors.push(diagnostic('error', 'service.clusterIP.taken', { service: name, ip: given6 }, at('spec.clusterIPs.1')));
      }
    }

    const givenPorts: number[] = [];
    const seen = new Set<string>();
    svc.spec.ports.forEach((port, i) => {
      if (port.nodePort === undefined || port.nodePort === 0) return;
      const path = `spec.ports.${i}.nodePort`;
      if (!hasNodePorts(svc)) {
        errors.push(diagnostic('error', 'service.nodePort.forbidden', { service: name, type: svc.spec.type }, at(path)));
      } else if (!ports.contains(port.nodePort)) {
        errors.push(
          diagnostic('error', 'service.nodePort.outOfRange', { service: name, port: port.nodePort, min: lowPort, max: highPort }, at(path)),
        );
      } else if (seen.has(`${port.nodePort}/${port.protocol}`)) {
        errors.push(diagnostic('error', 'service.nodePort.duplicate', { service: name, port: port.nodePort }, at(path)));
      } else if (ports.isUsed(port.nodePort) && !givenPorts.includes(port.nodePort)) {
        errors.push(diagnostic('error', 'service.nodePort.taken', { service: name, port: port.nodePort }, at(path)));
      } else {
        givenPorts.push(port.nodePort);
      }
      seen.add(`${port.nodePort}/${port.protocol}`);
    });
    const hc = svc.spec.healthCheckNodePort;
    if (hc && needsHealthCheckPort(svc)) {
      if (!ports.contains(hc))
        errors.push(
          diagnostic(
            'error',
            'service.nodePort.outOfRange',
            { service: name, port: hc, min: lowPort, max: highPort },
            at('spec.healthCheckNodePort'),
          ),
        );
      else if (ports.isUsed(hc) || givenPorts.includes(hc))
        errors.push(diagnostic('error', 'service.nodePort.taken', { service: name, port: hc }, at('spec.healthCheckNodePort')));
      else givenPorts.push(hc);
    }

    if (errors.length) {
      diagnostics.push(...errors);
      continue;
    }
    if (givenIP !== undefined) ips.take(givenIP);
    if (givenIP6 !== undefined) ips6!.range.take(givenIP6);
    for (const p of givenPorts) ports.take(p);
    accepted.push(entry);
  }

  const byKey = [...accepted].sort((a, b) => (keyOf(a.object) < keyOf(b.object) ? -1 : 1));
  for (const { object: svc } of byKey) {
    const key = keyOf(svc);
    const spec = svc.spec;
    if (spec.type !== 'ExternalName') {
      if (!spec.clusterIP && spec.clusterIPs?.[0]) spec.clusterIP = spec.clusterIPs[0];
      if (!spec.clusterIP) {
        const n = ips.allocate(key);
        spec.clusterIP = n === undefined ? '' : formatIPv4(n >>> 0);
      }
      const given6 = spec.clusterIPs?.[1];
      spec.clusterIPs = [spec.clusterIP];
      if (ips6 && wantsDualStack(svc)) {
        // The secondary family: kept from clusterIPs, else allocated; a headless Service has only `None`.
        if (spec.clusterIP !== 'None') spec.clusterIPs.push(given6 && parseIPv6Sloppy(given6) !== undefined ? given6 : ips6.allocate(key));
        spec.ipFamilies = ['IPv4', 'IPv6'];
      }
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
      spec.internalTrafficPolicy ??= 'Cluster';
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    spec.sessionAffinity ??= 'None';
    for (const port of spec.ports) {
      port.protocol ??= 'TCP';
      if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
      if (hasNodePorts(svc) && !port.nodePort) {
        const n = ports.allocate(`${key}/${port.protocol}/${port.port}`);
        if (n !== undefined) port.nodePort = n;
      }
    }
    if (needsHealthCheckPort(svc) && !spec.healthCheckNodePort) spec.healthCheckNodePort = ports.allocate(`${key}/healthCheck`);
    svc.status ??= { loadBalancer: {} };
    svc.status.loadBalancer ??= {};
  }
  return accepted;
}

function keyOf(svc: Service): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}
