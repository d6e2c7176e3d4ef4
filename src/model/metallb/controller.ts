// MetalLB's controller: convergeBalancer for each LoadBalancer Service (controller/service.go,
// v0.15.3), after a reload: Services that already have an address first (reprocessAll), then in
// API order, so a new Service never takes an address another one holds.

import { diagnostic, nowhere, type Diagnostic, type SourceRef } from '../diagnostics';
import { clone } from '../cluster/inventory';
import type { ClusterEvent } from '../cluster/types';
import type { Service } from '../manifest/types';
import { AllocationError, Allocator, quoteIPs, type AllocRequest, type FamilyPolicy, type IPFamily } from './allocator';
import type { MetalLBConfig } from './config';
import { goQuote } from './goText';
import { formatAddrGo, parseAddrGo, type Addr } from '../net';
import { namespacedName } from '../k8s';

const ANNOTATION = {
  addressPool: 'metallb.io/address-pool',
  loadBalancerIPs: 'metallb.io/loadBalancerIPs',
  allocatedFromPool: 'metallb.io/ip-allocated-from-pool',
  allowSharedIP: 'metallb.io/allow-shared-ip',
} as const;
const DEPRECATED_PREFIX = 'metallb.universe.tf/';

export interface ControllerResult {
  /** Copies of every Service; the LoadBalancers MetalLB handles have their status (and pool annotation) set. */
  services: Service[];
  events: ClusterEvent[];
  diagnostics: Diagnostic[];
}

/** valueForAnnotation: the metallb.io annotation, else the deprecated metallb.universe.tf one. */
function annotation(svc: Service, name: string): string | undefined {
  const a = svc.metadata.annotations ?? {};
  if (name in a) return a[name];
  const old = DEPRECATED_PREFIX + name.slice(name.indexOf('/') + 1);
  return old in a ? a[old] : undefined;
}

/** MetalLB handles a Service when it is a LoadBalancer without a loadBalancerClass (filterByLoadBalancerClass). */
export const isMetalLBService = (svc: Service): boolean => svc.spec.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;

function familyOf(addrs: Addr[]): IPFamily | string {
  const text = quoteIPs(addrs);
  if (addrs.length === 1) return addrs[0].family === 4 ? 'ipv4' : 'ipv6';
  if (addrs.length === 2) return addrs[0].family === addrs[1].family ? `IPFamilyForAddresses: same address family ${text}` : 'dual';
  return `IPFamilyForAddresses: invalid ips length ${addrs.length} ${text}`;
}

function serviceFamily(svc: Service): IPFamily | string {
  const ips = svc.spec.clusterIPs?.length ? svc.spec.clusterIPs : [svc.spec.clusterIP ?? ''];
  const addrs = ips.map(parseAddrGo);
  if (addrs.some((a) => !a)) return `IPFamilyForAddresses: Invalid address ${quoteStrings(ips)}`;
  return familyOf(addrs as Addr[]);
}

const quoteStrings = (list: string[]): string => `[${list.map(goQuote).join(' ')}]`;

/** getDesiredLbIPs: the annotation or spec.loadBalancerIP, with its family. */
function desiredIPs(svc: Service): { ips: Addr[]; family?: IPFamily } | string {
  const fromAnnotation = annotation(svc, ANNOTATION.loadBalancerIPs) ?? '';
  const fromSpec = svc.spec.loadBalancerIP ?? '';
  if (!fromAnnotation && !fromSpec) return { ips: [] };
  if (fromAnnotation && fromSpec) return `service can not have both ${ANNOTATION.loadBalancerIPs} and svc.Spec.LoadBalancerIP`;
  if (fromAnnotation) {
    const ips: Addr[] = [];
    for (const part of fromAnnotation.split(',')) {
      const ip = parseAddrGo(part.trim());
      if (!ip) return `invalid ${ANNOTATION.loadBalancerIPs}: ${goQuote(fromAnnotation)}`;
      ips.push(ip);
    }
    const family = familyOf(ips);
    return family === 'ipv4' || family === 'ipv6' || family === 'dual' ? { ips, family } : family;
  }
  const ip = parseAddrGo(fromSpec);
  if (!ip) return `invalid spec.loadBalancerIP ${goQuote(fromSpec)}`;
  return { ips: [ip], family: ip.family === 4 ? 'ipv4' : 'ipv6' };
}

const sameIPs = (a: Addr[], b: Addr[]): boolean => {
  const key = (l: Addr[]) => l.map(formatAddrGo).sort().join(',');
  return key(a) === key(b);
};

/** Runs MetalLB's controller over every Service; `config` undefined means no (valid) configuration. */
export function allocateLoadBalancerIPs(
  services: Service[],
  config: MetalLBConfig | undefined,
  sources: Record<string, SourceRef> = {},
): ControllerResult {
  const events: ClusterEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const out = services.map(clone);
  // convergeBalancer: no pools at all (no config, or a rejected one) -> clear, no event.
  const allocator = config && config.pools.size > 0 ? new Allocator(config) : undefined;
  const at = (svc: Service, path: string) => sources[`Service/${namespacedName(svc)}`]?.at(path) ?? nowhere();
  const event = (svc: Service, type: ClusterEvent['type'], reason: string, params: Record<string, string | number>) =>
    events.push({
      object: `Service/${namespacedName(svc)}`,
      type,
      reason,
      message: { key: `event.${reason}`, params },
    });

  const saidTie = new Set<string>();
  const handled = out.filter(isMetalLBService);
  const ordered = handled
    .map((svc, i) => ({ svc, i, had: svc.status?.loadBalancer?.ingress?.length ?? 0 }))
    .sort((a, b) => b.had - a.had || a.i - b.i)
    .map((x) => x.svc);

  for (const svc of ordered) {
    const key = namespacedName(svc);
    const clear = () => {
      allocator?.unassign(key);
      if (svc.metadata.annotations) delete svc.metadata.annotations[ANNOTATION.allocatedFromPool];
      svc.status = { ...svc.status, loadBalancer: {} };
    };
    if (!allocator) {
      clear();
      diagnostics.push(diagnostic('info', 'metallb.noPools', { service: key }, at(svc, 'spec.type')));
      continue;
    }
    const family = serviceFamily(svc);
    if (family !== 'ipv4' && family !== 'ipv6' && family !== 'dual') {
      clear();
      continue;
    }
    const policy: FamilyPolicy = svc.spec.ipFamilyPolicy ?? 'SingleStack';
    const req: AllocRequest = {
      key,
      service: svc,
      family,
      ports: svc.spec.ports.map((p) => `${p.protocol}/${p.port}`),
      sharingKey: annotation(svc, ANNOTATION.allowSharedIP) ?? '',
      // k8salloc.BackendKey: labels.Set(selector).String(), sorted `k=v` pairs.
      backendKey:
        svc.spec.externalTrafficPolicy === 'Local'
          ? Object.entries(svc.spec.selector ?? {})
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, v]) => `${k}=${v}`)
              .join(',')
          : '',
    };

    let lbIPs = (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [parseAddrGo(i.ip)] : [])).filter((a): a is Addr => !!a);
    if (lbIPs.length === 0) clear();
    else if (familyOf(lbIPs) !== family && !(family === 'dual' && policy === 'PreferDualStack')) {
      clear();
      lbIPs = [];
    }
    if (lbIPs.length > 0) {
      try {
        allocator.assign(req, lbIPs);
      } catch (e) {
        event(svc, 'Normal', 'ClearAssignment', { service: goQuote(key), reason: (e as Error).message });
        clear();
        lbIPs = [];
      }
      const desiredPool = annotation(svc, ANNOTATION.addressPool) ?? '';
      if (lbIPs.length > 0 && desiredPool && allocator.pool(key) !== desiredPool) {
        clear();
        lbIPs = [];
      }
      const desired = desiredIPs(svc);
      if (typeof desired === 'string') {
        event(svc, 'Warning', 'LoadBalancerFailed', { reason: desired });
        continue;
      }
      if (desired.ips.length > 0 && !sameIPs(lbIPs, desired.ips)) {
        clear();
        lbIPs = [];
      }
    }

    if (lbIPs.length === 0) {
      try {
        const { ips, tied } = allocateIPs(allocator, req, family, policy);
        lbIPs = ips;
        event(svc, 'Normal', 'IPAllocated', { ips: quoteIPs(ips) });
        const tie = `${allocator.pool(key)} ${tied.join(',')}`;
        if (tied.length && !saidTie.has(tie) && saidTie.add(tie))
          diagnostics.push(
            diagnostic(
              'info',
              'metallb.poolTie',
              { service: key, pool: allocator.pool(key), others: tied.join(', ') },
              at(svc, 'spec.type'),
            ),
          );
      } catch (e) {
        if (!(e instanceof AllocationError)) throw e;
        event(svc, 'Warning', 'AllocationFailed', { service: goQuote(key), reason: e.message });
        diagnostics.push(diagnostic('warning', 'metallb.allocationFailed', { service: key, reason: e.message }, at(svc, 'spec.type')));
        continue;
      }
    }
    svc.status = { ...svc.status, loadBalancer: { ingress: lbIPs.map((ip) => ({ ip: formatAddrGo(ip), ipMode: 'VIP' as const })) } };
    svc.metadata.annotations = { ...svc.metadata.annotations, [ANNOTATION.allocatedFromPool]: allocator.pool(key) };
  }
  return { services: out, events, diagnostics };
}

/** controller.allocateIPs: requested addresses, else the requested pool, else any pool. */
function allocateIPs(allocator: Allocator, req: AllocRequest, family: IPFamily, policy: FamilyPolicy): { ips: Addr[]; tied: string[] } {
  const desired = desiredIPs(req.service);
  if (typeof desired === 'string') throw new AllocationError(desired);
  const desiredPool = annotation(req.service, ANNOTATION.addressPool) ?? '';
  if (desired.ips.length > 0) {
    if (desired.family !== family)
      throw new AllocationError(`requested loadBalancer IP(s) ${quoteIPs(desired.ips)} does not match the ipFamily of the service`);
    allocator.assign(req, desired.ips);
    if (desiredPool && allocator.pool(req.key) !== desiredPool) {
      allocator.unassign(req.key);
      throw new AllocationError(
        `requested loadBalancer IP(s) ${quoteIPs(desired.ips)} is not compatible with requested address pool ${desiredPool}`,
      );
    }
    return { ips: desired.ips, tied: [] };
  }
  if (desiredPool) return { ips: allocator.allocateFromPool(req, desiredPool, policy), tied: [] };
  return allocator.allocate(req, policy);
}
