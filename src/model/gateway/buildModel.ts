// The Gateway API as Envoy Gateway reconciles it: GatewayClasses it owns are Accepted, their
// Gateways get listener and address status, HTTPRoutes attach to listeners and get per-parent
// status; everything else is left as written, with a note.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { namespaceOf, namespacedName } from '../k8s';
import type {
  Gateway,
  GatewayClass,
  GatewayCondition,
  HTTPRoute,
  Manifest,
  Namespace,
  ReferenceGrant,
  RouteParentStatus,
  Secret,
  Service,
} from '../manifest/types';
import { attach, REFUSED_MESSAGE, refersToGateway } from './attach';
import { resolveBackend } from './backends';
// Envoy Gateway's controllerName: the only one PacketWalk runs (its names live with its other choices).
import { ENVOY_GATEWAY_CONTROLLER } from '../envoygateway/naming';
import { condition } from './conditions';
import { checkListeners, type ListenerCheck } from './listeners';
import { fullRegex, routeRegexes } from './match';
import type { AttachedRoute, GatewayApiModel, GatewayView, ResolvedBackend } from './types';

export interface GatewayApiInput {
  classes: Manifest<GatewayClass>[];
  gateways: Manifest<Gateway>[];
  routes: Manifest<HTTPRoute>[];
  grants: ReferenceGrant[];
  secrets: Secret[];
  services: Service[];
  namespaces: Namespace[];
  /** Each Gateway's (`namespace/name`) addresses: its Envoy Service's LoadBalancer IPs. */
  addresses: Record<string, string[]>;
}

const BACKEND_CODE = {
  BackendNotFound: 'gateway.backend.notFound',
  PortNotFound: 'gateway.backend.notFound',
  RefNotPermitted: 'gateway.backend.notPermitted',
  InvalidKind: 'gateway.backend.invalidKind',
} as const;

export function buildGatewayApiModel(input: GatewayApiInput): GatewayApiModel {
  const diagnostics: Diagnostic[] = [];
  const classes = input.classes.map((m) => {
    const c = m.object;
    if (c.spec.controllerName !== ENVOY_GATEWAY_CONTROLLER) {
      diagnostics.push(
        diagnostic(
          'info',
          'gateway.class.otherController',
          { class: c.metadata.name, controller: c.spec.controllerName },
          m.source.at('spec.controllerName'),
        ),
      );
      return c;
    }
    return { ...c, status: { conditions: [condition('Accepted', true, 'Accepted', 'Valid GatewayClass')] } };
  });
  const controllerOf = new Map(input.classes.map((m) => [m.object.metadata.name, m.object.spec.controllerName]));

  const checks = new Map<string, ListenerCheck[]>();
  const ours = new Map<string, Manifest<Gateway>>();
  for (const m of input.gateways) {
    const key = namespacedName(m.object);
    const controller = controllerOf.get(m.object.spec.gatewayClassName);
    if (controller === undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          'gateway.gateway.noClass',
          { gateway: key, class: m.object.spec.gatewayClassName },
          m.source.at('spec.gatewayClassName'),
        ),
      );
    }
    if (controller !== ENVOY_GATEWAY_CONTROLLER) continue;
    ours.set(key, m);
    const checked = checkListeners(m, input.secrets, input.grants);
    checks.set(key, checked.listeners);
    diagnostics.push(...checked.diagnostics);
  }

  const attached = new Map<string, AttachedRoute[][]>([...checks].map(([k, ls]) => [k, ls.map(() => [])]));
  const backends: Record<string, ResolvedBackend[][]> = {};
  const routes = input.routes.map((m) => {
    const route = m.object;
    const routeKey = namespacedName(route);
    const routeNs = namespaceOf(route);
    const rules = (route.spec.rules ?? []).map((rule, i) =>
      (rule.backendRefs ?? []).map((ref, j) =>
        resolveBackend(ref, routeNs, `spec.rules.${i}.backendRefs.${j}`, input.services, input.grants),
      ),
    );
    backends[routeKey] = rules;
    const broken = rules.flat().filter((b) => b.problem);
    for (const b of broken) {
      diagnostics.push(
        diagnostic('warning', BACKEND_CODE[b.problem!], { route: routeKey, service: b.service, port: b.port }, m.source.at(b.path)),
      );
    }
    const badRegex = (route.spec.rules ?? [])
      .flatMap((rule, i) => routeRegexes(rule.matches, `spec.rules.${i}`).map((r) => ({ ...r, rule: i })))
      .find((r) => !fullRegex(r.pattern));
    if (badRegex)
      diagnostics.push(
        diagnostic('warning', 'gateway.route.invalidRegex', { route: routeKey, pattern: badRegex.pattern }, m.source.at(badRegex.path)),
      );
    const resolved = broken[0]
      ? condition('ResolvedRefs', false, broken[0].problem!, broken[0].message!)
      : condition('ResolvedRefs', true, 'ResolvedRefs', 'Resolved all the Object references for the Route');

    const parents: RouteParentStatus[] = [];
    for (const [i, ref] of (route.spec.parentRefs ?? []).entries()) {
      if (!refersToGateway(ref)) continue;
      const gwKey = `${ref.namespace ?? routeNs}/${ref.name}`;
      const gw = ours.get(gwKey);
      if (!gw) {
        if (!input.gateways.some((g) => namespacedName(g.object) === gwKey)) {
          diagnostics.push(
            diagnostic('warning', 'gateway.route.noGateway', { route: routeKey, gateway: gwKey }, m.source.at(`spec.parentRefs.${i}`)),
          );
        }
        continue;
      }
      let accepted: GatewayCondition;
      const a = attach(route, ref, namespaceOf(gw.object), checks.get(gwKey)!, input.namespaces);
      if (a.refused) {
        accepted = condition('Accepted', false, a.refused, REFUSED_MESSAGE[a.refused]);
        diagnostics.push(
          diagnostic(
            'warning',
            'gateway.route.notAttached',
            { route: routeKey, gateway: gwKey, reason: a.refused },
            m.source.at(`spec.parentRefs.${i}`),
          ),
        );
      } else {
        for (const l of a.listeners) attached.get(gwKey)![l.index]!.push({ route: routeKey, hostnames: l.hostnames });
        // Envoy Gateway attaches the route (it counts in attachedRoutes) but drops the rule whose regex does not compile.
        accepted = badRegex
          ? condition(
              'Accepted',
              false,
              'UnsupportedValue',
              `Failed to process route rule ${badRegex.rule}: regex ${JSON.stringify(badRegex.pattern.slice(0, 100))} is invalid.`,
            )
          : condition('Accepted', true, 'Accepted', 'Route is accepted');
      }
      parents.push({ parentRef: ref, controllerName: ENVOY_GATEWAY_CONTROLLER, conditions: [accepted, resolved] });
    }
    return parents.length > 0 ? { ...route, status: { parents } } : route;
  });

  const gateways = input.gateways.map((m): GatewayView => {
    const key = namespacedName(m.object);
    const controllerName = controllerOf.get(m.object.spec.gatewayClassName) ?? '';
    const ls = checks.get(key);
    if (!ls) return { key, gateway: m.object, controllerName, listeners: [] };
    const views = ls.map((l, i) => ({ listener: l.listener, ready: l.ready, routes: attached.get(key)![i]! }));
    const addresses = input.addresses[key] ?? [];
    if (addresses.length === 0) diagnostics.push(diagnostic('info', 'gateway.gateway.noAddress', { gateway: key }, m.source.pos));
    const status: NonNullable<Gateway['status']> = {
      conditions: [gatewayAccepted(ls), gatewayProgrammed(addresses)],
      listeners: ls.map((l, i) => ({
        name: l.listener.name,
        supportedKinds: l.supportedKinds,
        attachedRoutes: views[i]!.routes.length,
        conditions: l.conditions,
      })),
    };
    if (addresses.length > 0) status.addresses = addresses.map((value) => ({ type: 'IPAddress', value }));
    return { key, gateway: { ...m.object, status }, controllerName, listeners: views };
  });

  return { classes, gateways, routes, grants: input.grants, backends, diagnostics };
}

/** Derived from the listeners' Accepted conditions, as Envoy Gateway does (internal/gatewayapi/status/gateway.go). */
function gatewayAccepted(ls: ListenerCheck[]): GatewayCondition {
  const refused = ls
    .filter((l) => !l.accepted)
    .map((l) => l.listener.name)
    .sort();
  if (refused.length === 0) return condition('Accepted', true, 'Accepted', 'The Gateway has been scheduled by Envoy Gateway');
  if (refused.length === ls.length)
    return condition('Accepted', false, 'ListenersNotValid', `No listeners are valid: ${refused.join(', ')}`);
  return condition('Accepted', true, 'ListenersNotValid', `Listeners not valid: ${refused.join(', ')}`);
}

function gatewayProgrammed(addresses: string[]): GatewayCondition {
  return addresses.length > 0
    ? condition('Programmed', true, 'Programmed', 'Address assigned to the Gateway')
    : condition('Programmed', false, 'AddressNotAssigned', 'No addresses have been assigned to the Gateway');
}
