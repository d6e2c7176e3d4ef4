// The EndpointSlice controller (selector Services), the EndpointSlice mirroring controller
// (v1 Endpoints of selector-less Services) and the API server's own `kubernetes` slice, as in v1.33.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { parseIPv4Sloppy } from '../net';
import type {
  Endpoint,
  EndpointPort,
  Endpoints,
  EndpointSlice,
  EndpointSlicePort,
  Node,
  Pod,
  Service,
  ServicePort,
} from '../manifest/types';
import { generatedName, stableUid } from '../hashing/names';
import type { Entry } from './inventory';
import { PodLabelIndex } from './labels';
import { internalIP } from './nodes';
import { isTerminal } from './podRecord';
import type { Origin } from './types';
import { isPodReady, SERVICE_NAME_LABEL } from '../k8s';

export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const MIRROR_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
/** --max-endpoints-per-slice default. */
const MAX_ENDPOINTS_PER_SLICE = 100;

/** podutil.FindPort: a number as is; a name looked up among the pod's container ports of the same protocol. */
function findPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort;
  if (typeof target === 'number') return target;
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === port.protocol) return p.containerPort;
  }
  return undefined;
}

export function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec.selector ?? {}).length > 0;
}

interface SliceDraft {
  ports: EndpointSlicePort[];
  endpoints: Endpoint[];
  seed: string;
  /** IPv4 unless said otherwise. */
  addressType?: AddressType;
}

type AddressType = 'IPv4' | 'IPv6';

class SliceWriter {
  readonly slices: Entry<EndpointSlice>[] = [];
  private readonly names = new Set<string>();

  constructor(given: Entry<EndpointSlice>[]) {
    for (const e of given) this.names.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
  }

  keep(entry: Entry<EndpointSlice>): void {
    this.slices.push(entry);
  }

  /** A slice named `<base>-<5 chars>` (or a reused name), unique in its namespace. */
  write(
    ns: string,
    base: string,
    draft: SliceDraft,
    meta: Partial<EndpointSlice['metadata']>,
    origin: Origin,
    source: Entry['source'],
    reuse?: string,
  ): void {
    let name = reuse;
    for (let attempt = 0; !name; attempt++) {
      const candidate = generatedName(`${base}-`, attempt ? `${draft.seed}#${attempt}` : draft.seed);
      if (!this.names.has(`${ns}/${candidate}`)) name = candidate;
    }
    this.names.add(`${ns}/${name}`);
    this.slices.push({
      object: {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name,
          ...(reuse ? {} : { generateName: `${base}-` }),
          namespace: ns,
          uid: stableUid(`EndpointSlice/${ns}/${name}`),
          ...meta,
        },
        addressType: draft.addressType ?? 'IPv4',
        endpoints: draft.endpoints,
        ports: draft.ports,
      },
      origin,
      source,
    });
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  if (!list.length) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The pod's address of one family (status.podIPs holds one per family). */
function podAddress(pod: Pod, family: AddressType): string | undefined {
  if (family === 'IPv4') return pod.status?.podIP;
  return pod.status?.podIPs?.find((p) => p.ip.includes(':'))?.ip;
}

/** podToEndpoint from k8s.io/endpointslice. */
function podEndpoint(pod: Pod, svc: Service, node: Node | undefined, address: string): Endpoint {
  const serving = isPodReady(pod);
  const terminating = false; // nothing in PacketWalk is being deleted
  const ep: Endpoint = {
    addresses: [address],
    conditions: { ready: svc.spec.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
  };
  if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name) ep.hostname = pod.spec.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
  if (zone) ep.zone = zone;
  return ep;
}

export interface SliceInputs {
  services: Entry<Service>[];
  pods: Pod[];
  nodes: Node[];
  endpoints: Entry<Endpoints>[];
  endpointSlices: Entry<EndpointSlice>[];
  /** `namespace/name` of the Services whose pasted slices are kept as given (slicePods.ts). */
  keptAsGiven?: Set<string>;
}

export function reconcileEndpointSlices(input: SliceInputs, diagnostics: Diagnostic[]): Entry<EndpointSlice>[] {
  const nodeByName = new Map(input.nodes.map((n) => [n.metadata.name, n]));
  const index = new PodLabelIndex(input.pods);
  const serviceByKey = new Map(input.services.map((e) => [`${e.object.metadata.namespace}/${e.object.metadata.name}`, e]));
  const writer = new SliceWriter(input.endpointSlices);

  // Slices the controller wrote before (a pasted dump) are rewritten under the same names, unless
  // they list pods the paste lacks: then they are kept as given (slicePods.ts).
  const observed = input.keptAsGiven ?? new Set<string>();
  const reusable = new Map<string, string[]>();
  for (const e of input.endpointSlices) {
    const labels = e.object.metadata.labels ?? {};
    const serviceKey = `${e.object.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`;
    const svc = serviceByKey.get(serviceKey);
    if (
      labels[MANAGED_BY] === SLICE_CONTROLLER &&
      svc &&
      hasSelector(svc.object) &&
      svc.object.spec.type !== 'ExternalName' &&
      !observed.has(serviceKey)
    ) {
      const key = `${e.object.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}/${e.object.addressType}`;
      reusable.set(key, [...(reusable.get(key) ?? []), e.object.metadata.name].sort());
    } else {
      writer.keep(e);
    }
  }

  for (const entry of input.services) {
    const svc = entry.object;
    if (svc.spec.type === 'ExternalName' || !hasSelector(svc)) continue;
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name;
    if (observed.has(`${ns}/${name}`)) continue;
    const matched = index.select(ns, svc.spec.selector!);
    const eligible = matched.filter((p) => !isTerminal(p) && p.status?.podIP).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    if (!matched.length) {
      diagnostics.push(
        diagnostic('info', 'service.noEndpoints', { service: name, selector: selectorText(svc) }, entry.source.at('spec.selector')),
      );
    } else if (!eligible.length) {
      diagnostics.push(
        diagnostic('info', 'service.endpointsPending', { service: name, pods: matched.length }, entry.source.at('spec.selector')),
      );
    }

    // Endpoints are grouped by the ports they resolve to, as the controller's endpointMeta does;
    // a dual-stack Service gets its slices once per address family.
    const resolvedAny = svc.spec.ports.map(() => false);
    const drafts: SliceDraft[] = [];
    for (const family of sliceFamilies(svc)) {
      const groups = new Map<string, SliceDraft>();
      const suffix = family === 'IPv4' ? '' : `/${family}`;
      for (const pod of eligible) {
        const address = podAddress(pod, family);
        if (!address) continue;
        const ports: EndpointSlicePort[] = [];
        svc.spec.ports.forEach((sp, i) => {
          const port = findPort(pod, sp);
          if (port === undefined) return;
          resolvedAny[i] = true;
          ports.push({ name: sp.name ?? '', port, protocol: sp.protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
        });
        const portKey = ports.map((p) => `${p.name}:${p.port}/${p.protocol}`).join(',');
        let group = groups.get(portKey);
        if (!group) groups.set(portKey, (group = { ports, endpoints: [], seed: `${ns}/${name}/${portKey}${suffix}`, addressType: family }));
        group.endpoints.push(podEndpoint(pod, svc, nodeByName.get(pod.spec.nodeName ?? ''), address));
      }
      // With no endpoints the controller still keeps one empty placeholder slice.
      if (!groups.size) groups.set('', { ports: [], endpoints: [], seed: `${ns}/${name}/${suffix}`, addressType: family });
      drafts.push(...groups.values());
    }
    if (eligible.length) {
      svc.spec.ports.forEach((sp, i) => {
        if (typeof sp.targetPort === 'string' && !resolvedAny[i]) {
          diagnostics.push(
            diagnostic(
              'warning',
              'service.targetPort.unresolved',
              { service: name, targetPort: sp.targetPort, protocol: sp.protocol },
              entry.source.at(`spec.ports.${i}.targetPort`),
            ),
          );
        }
      });
    }

    const labels: Record<string, string> = { ...svc.metadata.labels };
    delete labels[MANAGED_BY];
    delete labels[SERVICE_NAME_LABEL];
    if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    else delete labels['service.kubernetes.io/headless'];
    labels[SERVICE_NAME_LABEL] = name;
    labels[MANAGED_BY] = SLICE_CONTROLLER;
    const owner = {
      apiVersion: 'v1',
      kind: 'Service',
      name,
      uid: svc.metadata.uid ?? stableUid(`Service/${ns}/${name}`),
      controller: true,
    };
    const origin: Origin = entry.origin === 'builtin' ? 'builtin' : 'controller';
    for (const group of drafts) {
      const reuse = reusable.get(`${ns}/${name}/${group.addressType}`) ?? [];
      chunks(group.endpoints, MAX_ENDPOINTS_PER_SLICE).forEach((endpoints, i) => {
        const draft = { ...group, endpoints, seed: i ? `${group.seed}#${i}` : group.seed };
        writer.write(ns, name, draft, { labels: { ...labels }, ownerReferences: [{ ...owner }] }, origin, entry.source, reuse.shift());
      });
    }
  }

  mirrorEndpoints(input, serviceByKey, writer, diagnostics);
  return writer.slices;
}

/** The controller writes slices for each of the Service's ipFamilies. */
function sliceFamilies(svc: Service): AddressType[] {
  const families = (svc.spec.ipFamilies ?? ['IPv4']).filter((f): f is AddressType => f === 'IPv4' || f === 'IPv6');
  return families.length ? families : ['IPv4'];
}

function selectorText(svc: Service): string {
  return Object.entries(svc.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The mirroring controller: v1 Endpoints of a selector-less Service become EndpointSlices. */
function mirrorEndpoints(input: SliceInputs, services: Map<string, Entry<Service>>, writer: SliceWriter, diagnostics: Diagnostic[]): void {
  const withSlices = new Set(
    input.endpointSlices.map((e) => `${e.object.metadata.namespace}/${e.object.metadata.labels?.[SERVICE_NAME_LABEL]}`),
  );
  const mirrored = new Set<string>();
  for (const entry of input.endpoints) {
    const ep = entry.object;
    const ns = ep.metadata.namespace!;
    const name = ep.metadata.name;
    const svc = services.get(`${ns}/${name}`);
    if (!svc) {
      diagnostics.push(diagnostic('info', 'endpoints.noService', { name }, entry.source.at('metadata.name')));
      continue;
    }
    if (hasSelector(svc.object)) {
      diagnostics.push(diagnostic('warning', 'endpoints.serviceHasSelector', { name }, entry.source.at('subsets')));
      continue;
    }
    if (ep.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] === 'true' || svc.object.spec.type === 'ExternalName') continue;
    mirrored.add(`${ns}/${name}`);
    const groups = new Map<string, SliceDraft>();
    for (const subset of ep.subsets ?? []) {
      const ports = (subset.ports ?? []).map((p: EndpointPort) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' }));
      const portKey = ports.map((p) => `${p.name}:${p.port}/${p.protocol}`).join(',');
      let group = groups.get(portKey);
      if (!group) groups.set(portKey, (group = { ports, endpoints: [], seed: `${ns}/${name}/${portKey}` }));
      const add = (ready: boolean) => (a: NonNullable<typeof subset.addresses>[number]) => {
        if (parseIPv4Sloppy(a.ip) === undefined) return;
        const e: Endpoint = { addresses: [a.ip], conditions: { ready } };
        if (a.targetRef) e.targetRef = a.targetRef;
        if (a.nodeName) e.nodeName = a.nodeName;
        group!.endpoints.push(e);
      };
      (subset.addresses ?? []).forEach(add(true));
      (subset.notReadyAddresses ?? []).forEach(add(false));
    }
    const labels = { ...ep.metadata.labels, [SERVICE_NAME_LABEL]: name, [MANAGED_BY]: MIRROR_CONTROLLER };
    const owner = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      name,
      uid: ep.metadata.uid ?? stableUid(`Endpoints/${ns}/${name}`),
      controller: true,
    };
    for (const group of groups.values()) {
      writer.write(ns, name, group, { labels: { ...labels }, ownerReferences: [{ ...owner }] }, 'controller', entry.source);
    }
  }
  for (const entry of services.values()) {
    const svc = entry.object;
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    if (hasSelector(svc) || svc.spec.type === 'ExternalName' || mirrored.has(key) || withSlices.has(key) || entry.origin === 'builtin')
      continue;
    diagnostics.push(diagnostic('info', 'service.noSelectorNoEndpoints', { service: svc.metadata.name }, entry.source.at('spec')));
  }
}

/** The API server's endpoint reconciler keeps `default/kubernetes` pointing at itself on port 6443. */
export function apiServerSlice(controlPlane: Node | undefined): EndpointSlice {
  const ip = controlPlane ? internalIP(controlPlane) : undefined;
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      uid: stableUid('EndpointSlice/default/kubernetes'),
      labels: { [SERVICE_NAME_LABEL]: 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: ip ? [{ addresses: [ip], conditions: { ready: true } }] : [],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
}
