// The whole derivation in one call: text -> manifests -> cluster -> dataplane.

import type { ConfigMap, Ingress, IngressClass, Manifest, MetalLBObject } from './manifest/types';
import { parseManifests } from './manifest/parse';
import { keyOf } from './cluster/inventory';
import { reconcile } from './cluster/reconcile';
import { nftKernelCheck } from './cluster/nftKernel';
import { buildDataplane } from './dataplaneBuild';
import type { DeriveOptions, InputFile, Model } from './modelTypes';
import { buildIngressModel, ingressNginxObjects, matchRequest, bringsIngressNginx, type IngressModel, type MatchResult } from './ingress';
import type { HttpRequest } from './http/request';
import { lanSubnets, runMetalLB } from './metallb';
import { envoyGatewayObjects } from './envoygateway';
import { dnsConfigForming } from './dns/configForming';
import { corefileDomainCheck } from './dns/corefileDomain';
import { declaredWalk } from './trace/declaredWalk';
import { gatewayApiOf } from './gateway';

const METALLB_KINDS = new Set(['IPAddressPool', 'L2Advertisement', 'BGPAdvertisement', 'BGPPeer', 'Community', 'ConfigMap']);

export function deriveModel(files: InputFile[], options: DeriveOptions = {}): Model {
  const parsed = parseManifests(files);
  if (options.asApplied) parsed.manifests = parsed.manifests.filter((m) => !m.rejected);
  if (options.externalTrafficPolicy) parsed.manifests = parsed.manifests.map((m) => withPolicy(m, options.externalTrafficPolicy!));
  const objects = parsed.manifests.map((m) => m.object);
  const metallbObjects = parsed.manifests.filter((m): m is Manifest<MetalLBObject | ConfigMap> => METALLB_KINDS.has(m.object.kind));
  // ingress-nginx comes with the first Ingress or IngressClass of it, behind MetalLB when a pool exists,
  // else on a NodePort; what the learner wrote of its deploy manifest replaces the same objects here.
  const bringer = parsed.manifests.find((m) => bringsIngressNginx(m.object));
  const serviceType = objects.some((o) => o.kind === 'IPAddressPool') ? 'LoadBalancer' : 'NodePort';
  const addons = bringer ? ingressNginxObjects({ serviceType }) : [];
  // Envoy Gateway comes with the first GatewayClass naming its controller, a proxy with each of its Gateways.
  const envoyGateway = envoyGatewayObjects(parsed.manifests, { serviceType });
  const state = reconcile(parsed.manifests, {
    addons: [...addons, ...envoyGateway.map((a) => a.object)],
    ...(options.downNodes ? { downNodes: options.downNodes } : {}),
    ...(options.notReadyPods ? { notReadyPods: options.notReadyPods } : {}),
  });
  if (options.proxyMode) state.config.proxy.mode = options.proxyMode;
  state.diagnostics.push(...nftKernelCheck(state));
  // What is said about the add-ons (a pending LoadBalancer IP) points at the object that brought them.
  if (bringer) for (const o of addons) if (state.origins[keyOf(o)] === 'builtin') state.sources[keyOf(o)] = bringer.source;
  for (const { object, source } of envoyGateway) if (state.origins[keyOf(object)] === 'builtin') state.sources[keyOf(object)] = source;

  const lb = runMetalLB({
    services: state.services,
    nodes: state.nodes,
    endpointSlices: state.endpointSlices,
    namespaces: state.namespaces,
    hosts: state.hosts,
    objects: metallbObjects,
    sources: state.sources,
    files: files.map((f) => f.name),
    lanSubnets: lanSubnets(state.config),
    ...(options.downNodes ? { downNodes: options.downNodes } : {}),
  });
  state.services = lb.services;
  state.events.push(...lb.events);
  state.diagnostics.push(...lb.diagnostics);
  state.metallb = { announcements: lb.announcements, routers: lb.routers, failovers: lb.failovers, external: lb.external };
  // kubelet's warnings about the resolv.conf it writes for each pod.
  const dns = dnsConfigForming(state);
  state.events.push(...dns.events);
  state.diagnostics.push(...dns.diagnostics);
  state.diagnostics.push(...corefileDomainCheck(parsed.manifests, state));

  const ingresses = parsed.manifests.filter((m): m is Manifest<Ingress> => m.object.kind === 'Ingress');
  let ingress: IngressModel | undefined;
  if (bringer) {
    // The learner's IngressClass `nginx` (the deploy manifest's) stands in place of ours.
    const written = objects.filter((o): o is IngressClass => o.kind === 'IngressClass');
    const ours = addons.filter(
      (o): o is IngressClass => o.kind === 'IngressClass' && !written.some((w) => w.metadata.name === o.metadata.name),
    );
    const classes = [...written, ...ours];
    ingress = buildIngressModel({ ingresses, classes, services: state.services, endpointSlices: state.endpointSlices });
  }

  const gatewayApi = gatewayApiOf(parsed.manifests, state);

  const dataplane = buildDataplane(state);
  const order = new Map(files.map((f, i) => [f.name, i]));
  const diagnostics = [
    ...parsed.diagnostics,
    ...state.diagnostics,
    ...(ingress?.diagnostics ?? []),
    ...(gatewayApi?.diagnostics ?? []),
    ...declaredWalk(files).diagnostics,
  ]
    // Each diagnostic names a file (the CLI prints `file:line:col:`); one about no text at all is put at the start of the first.
    .map((d) => (d.file || files.length === 0 ? d : { ...d, file: files[0].name }))
    .sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) || a.offset - b.offset);
  const model: Model = { files, manifests: parsed.manifests, state, dataplane, diagnostics };
  if (ingress) model.ingress = ingress;
  if (gatewayApi) model.gatewayApi = gatewayApi;
  return model;
}

/** The Service as if the learner had written the other externalTrafficPolicy (the API server then allocates a health-check port, or drops it). */
function withPolicy(m: Manifest, policies: Record<string, 'Cluster' | 'Local'>): Manifest {
  const o = m.object;
  if (o.kind !== 'Service') return m;
  const policy = policies[`${o.metadata.namespace ?? 'default'}/${o.metadata.name}`];
  if (!policy || (o.spec.type !== 'NodePort' && o.spec.type !== 'LoadBalancer')) return m;
  const spec = { ...o.spec, externalTrafficPolicy: policy };
  if (policy === 'Cluster') delete spec.healthCheckNodePort;
  return { ...m, object: { ...o, spec } };
}

/** What ingress-nginx does with one HTTP request, with every rule's verdict (the Ingress tester's table); `seed` draws a canary's weight as a walk's does. */
export function ingressDecision(model: Pick<Model, 'ingress'>, request: HttpRequest, seed?: number): MatchResult | undefined {
  return model.ingress ? matchRequest(model.ingress, request, { decisions: true, ...(seed !== undefined ? { seed } : {}) }) : undefined;
}
