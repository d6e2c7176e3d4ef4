// A pasted dump (`kubectl get … -o yaml` of a k3s, kind or cloud cluster) carries addresses the
// cluster already handed out. A range nobody declared is widened to hold them, with an info that
// says so and how to declare it, so the dump's Services, nodes and ports are kept instead of
// being rejected against kubeadm's defaults. Only what the cluster itself assigned counts: nodes'
// podCIDRs and InternalIPs, and the addresses of Services the API server has stored (the
// `kubernetes` Service, or any with the uid or creationTimestamp kubectl prints); a Service the
// learner writes is still checked against the range, as the API server would.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { cidrContains, formatCidr, maskOf, nthAddress, parseCidr, parseIPv4Sloppy, type Cidr } from '../net';
import type { Manifest, Node, Service } from '../manifest/types';
import type { ClusterConfig } from './types';

/** An address or port the dump shows, with the object that shows it. */
export interface Seen<V = number> {
  value: V;
  text: string;
  m: Manifest;
  path: string;
}

/** Lowest and highest, without spreading a dump's thousands of values into one call. */
function bounds(values: number[]): [number, number] {
  return values.reduce(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]);
}

/**
 * The smallest aligned prefix holding every address, never longer than `longestPrefix`: a dump shows
 * only the addresses in use, and clusters size these ranges generously (k3s and kind use /16s).
 */
export function enclosing(values: number[], longestPrefix: number): Cidr {
  const [lo, hi] = bounds(values);
  let prefix = longestPrefix;
  while (prefix > 0 && (lo & maskOf(prefix)) >>> 0 !== (hi & maskOf(prefix)) >>> 0) prefix--;
  return { base: (lo & maskOf(prefix)) >>> 0, prefix };
}

/** A Service as the API server stored it, not as someone wrote it. */
function observed(m: Manifest<Service>): boolean {
  const meta: Partial<Service['metadata']> = m.object.metadata ?? {};
  const apiServers = meta.namespace === 'default' && meta.name === 'kubernetes';
  return apiServers || meta.uid !== undefined || meta.creationTimestamp !== undefined;
}

/** The range that holds every value seen, as text. */
function widen(seen: Seen[], longestPrefix: number): string {
  const values = seen.map((s) => s.value);
  return formatCidr(enclosing(values, longestPrefix));
}

export const observedServices = (manifests: Manifest[]) =>
  manifests.filter((m): m is Manifest<Service> => m?.object?.kind === 'Service').filter((m) => m.object.spec !== undefined && observed(m));
export const nodes = (manifests: Manifest[]) => manifests.filter((m): m is Manifest<Node> => m?.object?.kind === 'Node');

function clusterIPs(manifests: Manifest[]): Seen[] {
  const out: Seen[] = [];
  for (const m of observedServices(manifests)) {
    const spec = m.object.spec;
    const text = spec.clusterIP ?? spec.clusterIPs?.[0];
    const value = spec.type === 'ExternalName' || !text ? undefined : parseIPv4Sloppy(text);
    if (value !== undefined) out.push({ value, text: text!, m, path: 'spec.clusterIP' });
  }
  return out;
}

function podCIDRs(manifests: Manifest[]): Seen[] {
  const out: Seen[] = [];
  for (const m of nodes(manifests)) {
    const text = m.object.spec?.podCIDR ?? m.object.spec?.podCIDRs?.find((c) => !c.includes(':'));
    const cidr = text ? parseCidr(text) : undefined;
    // Both ends of the node's range must fit.
    if (cidr)
      out.push(
        { value: cidr.base, text: text!, m, path: 'spec.podCIDR' },
        { value: (cidr.base + 2 ** (32 - cidr.prefix) - 1) >>> 0, text: text!, m, path: 'spec.podCIDR' },
      );
  }
  return out;
}

function internalIPs(manifests: Manifest[]): Seen[] {
  const out: Seen[] = [];
  for (const m of nodes(manifests)) {
    (m.object.status?.addresses ?? []).forEach((a, i) => {
      const value = a.type === 'InternalIP' ? parseIPv4Sloppy(a.address) : undefined;
      if (value !== undefined) out.push({ value, text: a.address, m, path: `status.addresses.${i}.address` });
    });
  }
  return out;
}

function nodePorts(manifests: Manifest[]): Seen[] {
  const out: Seen[] = [];
  for (const m of observedServices(manifests)) {
    (m.object.spec.ports ?? []).forEach((p, i) => {
      if (p.nodePort) out.push({ value: p.nodePort, text: String(p.nodePort), m, path: `spec.ports.${i}.nodePort` });
    });
    const hc = m.object.spec.healthCheckNodePort;
    if (hc) out.push({ value: hc, text: String(hc), m, path: 'spec.healthCheckNodePort' });
  }
  return out;
}

/** The first object whose value the range does not hold, or undefined when the range holds them all. */
function firstOutside(seen: Seen[], inside: (v: number) => boolean): Seen | undefined {
  return seen.find((s) => !inside(s.value));
}

type InferredCode = `ranges.inferred.${'serviceCIDR' | 'clusterCIDR' | 'nodeSubnet' | 'nodePortRange'}`;

export const info = (code: InferredCode, params: Record<string, string | number>, s: Omit<Seen<unknown>, 'value'>): Diagnostic =>
  diagnostic(
    'info',
    code,
    {
      ...params,
      object: `${s.m.object.kind} ${[s.m.object.metadata?.namespace, s.m.object.metadata?.name].filter(Boolean).join('/')}`,
      value: s.text,
    },
    s.m.source.at(s.path),
  );

export function inferRanges(config: ClusterConfig, manifests: Manifest[], diagnostics: Diagnostic[]): void {
  const declared = new Set(config.fromManifests);
  if (!declared.has('serviceCIDR')) {
    const ips = clusterIPs(manifests);
    const ranges = [config.serviceCIDR, ...(config.moreServiceCIDRs ?? [])];
    const out = firstOutside(ips, (v) => ranges.some((r) => cidrContains(r, v)));
    if (out) {
      config.serviceCIDR = widen(ips, 16);
      config.dnsServiceIP = nthAddress(config.serviceCIDR, 10);
      diagnostics.push(info('ranges.inferred.serviceCIDR', { cidr: config.serviceCIDR }, out));
    }
  }
  if (!declared.has('clusterCIDR')) {
    const cidrs = podCIDRs(manifests);
    const out = firstOutside(cidrs, (v) => cidrContains(config.clusterCIDR, v));
    if (out) {
      config.clusterCIDR = widen(cidrs, 16);
      if (!declared.has('proxy.clusterCIDR')) config.proxy.clusterCIDR = config.clusterCIDR;
      diagnostics.push(info('ranges.inferred.clusterCIDR', { cidr: config.clusterCIDR }, out));
    }
  }
  const ips = internalIPs(manifests);
  const outsideLan = firstOutside(ips, (v) => cidrContains(config.nodeSubnet, v));
  if (outsideLan) {
    config.nodeSubnet = widen(ips, 24);
    diagnostics.push(info('ranges.inferred.nodeSubnet', { cidr: config.nodeSubnet }, outsideLan));
  }
  if (!declared.has('nodePortRange')) {
    const ports = nodePorts(manifests);
    const [low, high] = config.nodePortRange;
    const out = firstOutside(ports, (v) => v >= low && v <= high);
    if (out) {
      const [min, max] = bounds(ports.map((s) => s.value));
      config.nodePortRange = [Math.min(low, min), Math.max(high, max)];
      diagnostics.push(info('ranges.inferred.nodePortRange', { min: config.nodePortRange[0], max: config.nodePortRange[1] }, out));
    }
  }
}
