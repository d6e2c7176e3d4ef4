// Ingresses → Gateway + HTTPRoutes, as `ingress2gateway print --providers=ingress-nginx` (v1.1.0,
// standard emitter) makes them, in its steps' order: the provider-neutral grouping, then
// ingress-nginx's canary, redirect and regex features, rewrite-target, the https and
// trailing-slash redirects, and last the rewrites as filters. What it would refuse or cannot
// express is a note; bad input never stops the conversion.

import { namespaceOf } from '../k8s';
import type { HTTPBackendRef, Ingress, IngressClass, Manifest, Service } from '../manifest/types';
import { aggregate, ingressClassOf, type ServicePorts } from './aggregate';
import { CONVERTED, NOT_BUILT } from './annotations';
import { canaryFeature } from './canary';
import { type Conversion, NGINX, annotation, noteAt } from './context';
import { redirectFeature, sslAndTrailingSlashRedirects } from './redirect';
import { applyRewrites, regexFeature, rewriteTargets } from './regex';
import type { ConvertNote, ConvertResult, ConvertedObject } from './types';
import { printYaml } from './yaml';

export const INGRESS2GATEWAY_VERSION = 'v1.1.0';
const GENERATOR = 'gateway.networking.k8s.io/generator';
const CONTROLLER = 'k8s.io/ingress-nginx';

/** The classes ingress2gateway would be told to convert: ingress-nginx's IngressClasses, else its default `nginx`. */
function nginxClasses(classes: IngressClass[]): Set<string> {
  const ours = classes.filter((c) => c.spec.controller === CONTROLLER).map((c) => c.metadata.name);
  return new Set(ours.length ? ours : ['nginx']);
}

/** The Ingresses ingress-nginx's provider takes, in the order given; gRPC and unknown protocols left out. */
function selectIngresses(c: Conversion, all: Manifest<Ingress>[], classes: Set<string>): Manifest<Ingress>[] {
  const taken: Manifest<Ingress>[] = [];
  for (const m of all) {
    const className = ingressClassOf(m.object);
    if (!classes.has(className)) {
      noteAt(c, m, m.object.spec.ingressClassName ? 'spec.ingressClassName' : 'metadata.name', 'warning', 'convert.skip.class', {
        className: className || '—',
        classes: [...classes].join(', '),
      });
      continue;
    }
    const protocol = annotation(m, 'backend-protocol');
    const upper = protocol?.toUpperCase();
    if (upper === 'GRPC' || upper === 'GRPCS') {
      // ingress2gateway makes a GRPCRoute of it; PacketWalk walks HTTP only.
      noteAt(c, m, 'metadata.annotations', 'warning', 'convert.skip.grpc', { value: protocol! });
      continue;
    }
    if (protocol !== undefined && upper !== 'HTTP' && upper !== 'HTTPS' && upper !== 'AUTO_HTTP') {
      noteAt(c, m, 'metadata.annotations', 'warning', 'convert.skip.protocol', { value: protocol });
      continue;
    }
    taken.push(m);
  }
  return taken;
}

function servicePorts(services: Service[]): ServicePorts {
  const ports: ServicePorts = new Map();
  for (const s of services) ports.set(`${namespaceOf(s)}/${s.metadata.name}`, new Map(s.spec.ports.map((p) => [p.name ?? '', p.port])));
  return ports;
}

/** Hosts served over HTTP only: ingress-nginx answers https for them with its self-signed certificate, a Gateway does not. */
function selfSignedHosts(c: Conversion): void {
  for (const gw of c.gateways.values()) {
    const https = new Set(gw.spec.listeners.filter((l) => l.port === 443 && l.hostname).map((l) => l.hostname!));
    for (const l of gw.spec.listeners) {
      if (l.port !== 80 || !l.hostname || https.has(l.hostname)) continue;
      // An http listener without an https one got its host from a rule (a host taken from a TLS entry has both).
      const m = c.ingresses.find((i) => (i.object.spec.rules ?? []).some((r) => r.host === l.hostname))!;
      noteAt(c, m, 'spec.rules', 'warning', 'convert.tls.selfSigned', { host: l.hostname });
    }
  }
}

function annotationNotes(c: Conversion): void {
  for (const m of c.ingresses) {
    for (const name of Object.keys(m.object.metadata.annotations ?? {})) {
      if (!name.startsWith(NGINX) || CONVERTED.has(name)) continue;
      noteAt(
        c,
        m,
        'metadata.annotations',
        'warning',
        NOT_BUILT.has(name) ? 'convert.annotation.notBuilt' : 'convert.annotation.unsupported',
        { name },
      );
    }
  }
}

/** The standard emitter's last step: a rule's backends once each (weights of a repeated one added up), in first-seen order. */
function dedupeBackends(refs: HTTPBackendRef[]): HTTPBackendRef[] {
  const out: HTTPBackendRef[] = [];
  const id = (r: HTTPBackendRef) => [r.name, r.group && r.group !== 'core' ? r.group : '', r.kind ?? 'Service', r.port ?? 0].join('\u0000');
  for (const r of refs) {
    const seen = out.find((o) => id(o) === id(r));
    if (!seen) out.push({ ...r });
    else if (seen.weight !== undefined && r.weight !== undefined) seen.weight += r.weight;
  }
  return out;
}

const byKey = (a: ConvertedObject, b: ConvertedObject) => {
  const ka = `${a.metadata.namespace}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Notes in the order of the files and lines they point at, as diagnostics are listed; those about the whole conversion last. */
function inFileOrder(notes: ConvertNote[]): ConvertNote[] {
  const files = [...new Set(notes.flatMap((n) => (n.file === undefined ? [] : [n.file])))];
  const rank = (n: ConvertNote) => (n.file === undefined ? [files.length, 0, 0] : [files.indexOf(n.file), n.line!, n.col!]);
  return notes
    .map((n) => ({ n, r: rank(n) }))
    .sort((a, b) => a.r[0]! - b.r[0]! || a.r[1]! - b.r[1]! || a.r[2]! - b.r[2]!)
    .map(({ n }) => n);
}

/** Ingresses sorted by name (then namespace), as ingress2gateway's storage lists what it read. */
function byName(manifests: readonly Manifest[]): Manifest[] {
  const key = (m: Manifest) => [m.object.metadata?.name ?? '', m.object.metadata?.namespace ?? 'default'];
  return [...manifests].sort((a, b) => {
    const [na, sa] = key(a);
    const [nb, sb] = key(b);
    return na! < nb! ? -1 : na! > nb! ? 1 : sa! < sb! ? -1 : sa! > sb! ? 1 : 0;
  });
}

export function convertToGatewayApi(manifests: readonly Manifest[]): ConvertResult {
  return convertInOrder(byName(manifests));
}

/**
 * The conversion of the Ingresses in the order given: what ingress2gateway's provider does with the
 * list its storage hands it (its own tests hand it one in their order, which ours follow).
 */
export function convertInOrder(manifests: readonly Manifest[]): ConvertResult {
  const c: Conversion = { ingresses: [], gateways: new Map(), routes: new Map(), notes: [] };
  const of = <K extends string>(kind: K) => manifests.filter((m) => m.object.kind === kind);
  const classes = nginxClasses((of('IngressClass') as Manifest<IngressClass>[]).map((m) => m.object));
  c.ingresses = selectIngresses(c, of('Ingress') as Manifest<Ingress>[], classes);
  if (c.ingresses.length === 0) return { objects: [], yaml: '', notes: c.notes };

  aggregate(c, c.ingresses, servicePorts((of('Service') as Manifest<Service>[]).map((m) => m.object)));
  selfSignedHosts(c);
  annotationNotes(c);
  canaryFeature(c);
  redirectFeature(c);
  regexFeature(c);
  rewriteTargets(c);
  sslAndTrailingSlashRedirects(c);
  applyRewrites(c);
  c.notes.push({ severity: 'warning', key: 'convert.urlNormalization', params: {} });

  const generator = { [GENERATOR]: `ingress2gateway-${INGRESS2GATEWAY_VERSION}` };
  const gateways = [...c.gateways.values()].map((g) => ({ ...g, metadata: { annotations: generator, ...g.metadata } }));
  const routes = [...c.routes.values()].map(({ route }) => ({
    ...route,
    metadata: { annotations: generator, ...route.metadata },
    spec: {
      ...route.spec,
      rules: route.spec.rules!.map((r) => (r.backendRefs ? { ...r, backendRefs: dedupeBackends(r.backendRefs) } : r)),
    },
  }));
  const objects: ConvertedObject[] = [...gateways.sort(byKey), ...routes.sort(byKey)];
  return { objects, yaml: printYaml(objects), notes: inFileOrder(c.notes) };
}
