// MetalLB's controller: convergeBalancer for each LoadBalancer Service (controller/service.go,
// v0.15.3), after a reload: Services that already have an address first (reprocessAll), then in
// creation order (what `kubectl apply -f` does: document order), so a new Service never takes an
// address another one holds. Without MetalLB in the cluster, or for a loadBalancerClass it does
// not serve, a dump's status.loadBalancer came from a load balancer outside the model: kept.

import { diagnostic, nowhere, type Diagnostic, type SourcePos, type SourceRef } from '../diagnostics';
import { clone } from '../cluster/inventory';
import type { ClusterEvent } from '../cluster/types';
import type { Service } from '../manifest/types';
import { AllocationError, Allocator, quoteIPs, type AllocRequest, type FamilyPolicy, type IPFamily } from './allocator';
import type { MetalLBConfig } from './config';
import { goQuote } from './goText';
import { formatAddrGo, parseAddrGo, type Addr } from '../net';
import { namespacedName } from '../k8s';
import type { ExternalAddress } from './types';

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
  /** Addresses in a Service's status that a load balancer outside the model assigned. */
  external: ExternalAddress[];
}

export interface ControllerOptions {
  /** Where each Service was written, keyed `Service/namespace/name`. */
  sources?: Record<string, SourceRef>;
  /** The input files in the order they were applied: a Service's creation order is (file, offset). */
  files?: string[];
  /** MetalLB runs in the cluster (some MetalLB resource was given); else no LoadBalancer is its. */
  installed?: boolean;
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
  { sources = {}, files = [], installed = true }: ControllerOptions = {},
): ControllerResult {
  const events: ClusterEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const out = services.map(clone);
  const external = externalAddresses(out, installed, sources, diagnostics);
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
  // Without MetalLB, a LoadBalancer that has a status keeps it (externalAddresses); one without waits.
  const handled = out.filter((svc) => isMetalLBService(svc) && (installed || !svc.status?.loadBalancer?.ingress?.length));
  // Built-in objects (no file) were created with the cluster, before anything applied.
  const created = (svc: Service): [number, number] => {
    const src = sources[`Service/${namespacedName(svc)}`];
    return [src?.file ? files.indexOf(src.file) : -1, src?.pos.offset ?? 0];
  };
  const ordered = handled
    .map((svc, i) => ({ svc, i, had: hasAddress(svc), at: created(svc) }))
    .sort((a, b) => Number(b.had) - Number(a.had) || a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i)
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
      backendKey: backendKey(svc),
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
  diagnostics.push(...unsharedLocal(ordered, at));
  return { services: out, events, diagnostics, external };
}

/** k8salloc.BackendKey: for externalTrafficPolicy Local, labels.Set(selector).String() (sorted `k=v` pairs). */
function backendKey(svc: Service): string {
  if (svc.spec.externalTrafficPolicy !== 'Local') return '';
  return Object.entries(svc.spec.selector ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/**
 * Services that carry the same allow-shared-ip key as the first one holding an address with it,
 * but got no address in common with it because their backend keys differ (sharingOK): MetalLB
 * says nothing about it, the learner should hear why. One comparison each, however many share.
 */
function unsharedLocal(services: Service[], at: (svc: Service, path: string) => SourcePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ips = (svc: Service) => (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
  const first = new Map<string, { svc: Service; ips: Set<string> }>();
  for (const svc of services) {
    const key = annotation(svc, ANNOTATION.allowSharedIP) ?? '';
    if (!key) continue;
    const mine = ips(svc);
    const other = first.get(key);
    if (!other) {
      if (mine.length > 0) first.set(key, { svc, ips: new Set(mine) });
      continue;
    }
    if (backendKey(other.svc) === backendKey(svc) || mine.some((ip) => other.ips.has(ip))) continue;
    out.push(
      diagnostic(
        'warning',
        'metallb.sharing.selectorsDiffer',
        { service: namespacedName(svc), other: namespacedName(other.svc), key },
        at(svc, 'metadata.annotations'),
      ),
    );
  }
  return out;
}

/** An address MetalLB would keep: an IP in status.loadBalancer.ingress (a hostname is not one). */
const hasAddress = (svc: Service): boolean => (svc.status?.loadBalancer?.ingress ?? []).some((i) => i.ip);

/**
 * The LoadBalancers MetalLB does not own (it is not installed, or their loadBalancerClass is
 * another implementation's) keep the status the dump gives: someone outside the model wrote it.
 */
function externalAddresses(
  services: Service[],
  installed: boolean,
  sources: Record<string, SourceRef>,
  diagnostics: Diagnostic[],
): ExternalAddress[] {
  const out: ExternalAddress[] = [];
  for (const svc of services) {
    if (svc.spec.type !== 'LoadBalancer' || (installed && isMetalLBService(svc))) continue;
    const service = namespacedName(svc);
    const lbClass = svc.spec.loadBalancerClass;
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
      const address = ing.ip ?? ing.hostname;
      if (!address) continue;
      const entry: ExternalAddress = { service, ...(ing.ip ? { ip: ing.ip, ipMode: ing.ipMode ?? 'VIP' } : { hostname: address }) };
      if (lbClass) entry.loadBalancerClass = lbClass;
      out.push(entry);
      const at = sources[`Service/${service}`]?.at('status.loadBalancer.ingress') ?? nowhere();
      const params = { service, address, ...(lbClass ? { class: lbClass } : {}) };
      const code = ing.ip ? (lbClass ? 'metallb.external.otherClass' : 'metallb.external.kept') : 'metallb.external.hostname';
      diagnostics.push(diagnostic('info', code, params, at));
    }
  }
  return out;
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
