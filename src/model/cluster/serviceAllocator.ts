// The API server's Service IP and NodePort allocators (v1.33). Dynamic allocations prefer the
// upper band of each range, leaving the lower band for addresses and ports people choose
// (ServiceIPStaticSubrange, ServiceNodePortStaticSubrange). Instead of chance, each Service's
// choice is its name hashed into the band with upward probing, so no Service's address or port
// depends on any other object.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { cidrSize, formatIPv4, parseCidr, parseIPv4 } from '../ip';
import type { Service } from '../manifest/types';
import { fnv32a } from './hash';
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
  const cidr = parseCidr(config.serviceCIDR)!;
  // The network and broadcast addresses are never handed out.
  const ips = new BandedRange(cidr.base + 1, cidr.base + cidrSize(cidr) - 2);
  const [lowPort, highPort] = config.nodePortRange;
  const ports = new BandedRange(lowPort, highPort);
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
      givenIP = parseIPv4(given);
      if (givenIP === undefined || !ips.contains(givenIP)) {
        errors.push(
          diagnostic(
            'error',
            'service.clusterIP.outOfRange',
            { service: name, ip: given, serviceCIDR: config.serviceCIDR },
            at('spec.clusterIP'),
          ),
        );
      } else if (ips.isUsed(givenIP)) {
        errors.push(diagnostic('error', 'service.clusterIP.taken', { service: name, ip: given }, at('spec.clusterIP')));
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
      spec.clusterIPs = [spec.clusterIP];
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
