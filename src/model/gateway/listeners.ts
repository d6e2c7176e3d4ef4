// Each listener's status as Envoy Gateway writes it (apis/v1/gateway_types.go, ListenerStatus):
// the route kinds it supports, whether its certificate resolves, and whether it conflicts with
// another listener on the same port. Only a listener with no problem takes traffic.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { namespaceOf } from '../k8s';
import type { Gateway, GatewayCondition, Listener, Manifest, ReferenceGrant, RouteGroupKind, Secret } from '../manifest/types';
import { GATEWAY_GROUP } from '../manifest/gatewayTypes';
import { condition } from './conditions';
import { refPermitted } from './referenceGrants';

export interface ListenerCheck {
  listener: Listener;
  /** Takes traffic: no problem at all. */
  ready: boolean;
  /**
   * Routes attach and count in attachedRoutes even while its certificate is unresolved or it
   * conflicts (conformance's gateway-with-attached-routes; Envoy Gateway's conflict testdata).
   */
  attachable: boolean;
  /** Its Accepted condition is True: what the Gateway's own Accepted condition is derived from. */
  accepted: boolean;
  supportedKinds: RouteGroupKind[];
  conditions: GatewayCondition[];
}

/** The route kinds Envoy Gateway serves on each protocol. */
const KINDS_BY_PROTOCOL: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

/** Protocols that can share a TCP port: HTTPS and TLS both start with a TLS handshake. */
function portFamily(protocol: string): string {
  return protocol === 'HTTPS' ? 'TLS' : protocol;
}

const INVALID = (message = 'Listener is invalid, see other Conditions for details.') => condition('Programmed', false, 'Invalid', message);
const RESOLVED = () => condition('ResolvedRefs', true, 'ResolvedRefs', 'Listener references have been resolved');
const ACCEPTED = () => condition('Accepted', true, 'Accepted', 'Listener has been successfully translated');

/**
 * Conditions in the order Envoy Gateway's translator writes them (its testdata *.out.yaml):
 * the problem first, then the rest.
 */
export function checkListeners(
  gw: Manifest<Gateway>,
  secrets: Secret[],
  grants: ReferenceGrant[],
): { listeners: ListenerCheck[]; diagnostics: Diagnostic[] } {
  const listeners = gw.object.spec.listeners ?? [];
  const diagnostics: Diagnostic[] = [];
  const gwName = `${namespaceOf(gw.object)}/${gw.object.metadata.name}`;
  const checks = listeners.map((l, i): ListenerCheck => {
    const at = gw.source.at(`spec.listeners.${i}`);
    const kinds = KINDS_BY_PROTOCOL[l.protocol];
    if (!kinds) {
      diagnostics.push(diagnostic('warning', 'gateway.listener.protocol', { gateway: gwName, listener: l.name, protocol: l.protocol }, at));
      const unsupported = condition(
        'Accepted',
        false,
        'UnsupportedProtocol',
        `Protocol ${l.protocol} is unsupported, must be HTTP, HTTPS, TCP or UDP.`,
      );
      return {
        listener: l,
        ready: false,
        attachable: false,
        accepted: false,
        supportedKinds: [],
        conditions: [unsupported, INVALID(), RESOLVED()],
      };
    }
    const wanted = l.allowedRoutes?.kinds;
    const supportedKinds = (wanted ?? kinds.map((kind): RouteGroupKind => ({ kind })))
      .filter((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && kinds.includes(k.kind))
      .map((k) => ({ group: GATEWAY_GROUP, kind: k.kind }));
    let problem: GatewayCondition | undefined;
    if (wanted && supportedKinds.length < wanted.length) {
      problem = condition('ResolvedRefs', false, 'InvalidRouteKinds', `Kind is not supported, kind must be one of ${kinds.join(', ')}`);
    }
    if (!problem && (l.protocol === 'HTTPS' || l.protocol === 'TLS')) {
      const cert = certificateProblem(gw.object, l, secrets, grants);
      if (cert) {
        problem = cert.condition;
        diagnostics.push(
          diagnostic('warning', `gateway.listener.${cert.code}`, { gateway: gwName, listener: l.name, secret: cert.secret }, at),
        );
      }
    }
    const conditions = problem
      ? [problem, ACCEPTED(), INVALID()]
      : [
          condition('Programmed', true, 'Programmed', 'Sending translated listener configuration to the data plane'),
          ACCEPTED(),
          RESOLVED(),
        ];
    return { listener: l, ready: !problem, attachable: true, accepted: true, supportedKinds, conditions };
  });
  // Conflicts among the listeners that are otherwise valid (a listener with an unresolved certificate is left out).
  const valid = checks.filter((c) => c.ready).map((c) => c.listener);
  const conflicts = checks.map((c) => (c.ready ? conflictOf(valid, c.listener, gwName) : undefined));
  for (const [i, conflict] of conflicts.entries()) {
    if (!conflict) continue;
    const c = checks[i]!;
    const params = { gateway: gwName, listener: c.listener.name, port: c.listener.port, other: conflict.other };
    diagnostics.push(diagnostic('warning', 'gateway.listener.conflict', params, gw.source.at(`spec.listeners.${i}`)));
    checks[i] = {
      ...c,
      ready: false,
      accepted: false,
      conditions: [condition('Conflicted', true, conflict.reason, conflict.message), INVALID(), RESOLVED()],
    };
  }
  return { listeners: checks, diagnostics };
}

/** Why `l` cannot have its port among the `valid` listeners: the spec's two conflicts, and Envoy Gateway's one UDP listener per port. */
function conflictOf(valid: Listener[], l: Listener, gwName: string): { reason: string; message: string; other: string } | undefined {
  const samePort = valid.filter((o) => o !== l && o.port === l.port);
  if (l.protocol === 'UDP') {
    const earlier = valid.slice(0, valid.indexOf(l)).find((o) => o.protocol === 'UDP' && o.port === l.port);
    return earlier
      ? { reason: 'ProtocolConflict', message: 'Only one UDP listener is allowed in a given port', other: earlier.name }
      : undefined;
  }
  const tcp = samePort.filter((o) => o.protocol !== 'UDP');
  const names = (group: Listener[]) =>
    valid
      .filter((o) => o === l || group.includes(o))
      .map((o) => `${gwName}/${o.name}`)
      .join(', ');
  const protocol = tcp.filter((o) => portFamily(o.protocol) !== portFamily(l.protocol));
  if (protocol.length > 0) {
    const message = `All listeners for a given port must use a compatible protocol, conflicting listeners: ${names(protocol)}`;
    return { reason: 'ProtocolConflict', message, other: protocol[0]!.name };
  }
  const host = tcp.filter((o) => (o.hostname ?? '').toLowerCase() === (l.hostname ?? '').toLowerCase());
  if (host.length > 0) {
    const message = `All listeners for a given port must use a unique hostname, conflicting listeners: ${names(host)}`;
    return { reason: 'HostnameConflict', message, other: host[0]!.name };
  }
  return undefined;
}

/** The first problem with a listener's certificates, in Envoy Gateway's words (internal/gatewayapi/validate.go). */
function certificateProblem(
  gw: Gateway,
  l: Listener,
  secrets: Secret[],
  grants: ReferenceGrant[],
): { condition: GatewayCondition; code: 'certificate' | 'certificateNotPermitted'; secret: string } | undefined {
  if (l.tls?.mode === 'Passthrough') return undefined;
  const refs = l.tls?.certificateRefs ?? [];
  const gwNs = namespaceOf(gw);
  if (refs.length === 0) {
    return { condition: INVALID('Listener must have at least 1 TLS certificate ref'), code: 'certificate', secret: '' };
  }
  const unresolved = (reason: string, message: string) => condition('ResolvedRefs', false, reason, `No valid secrets exist: ${message}`);
  for (const [idx, ref] of refs.entries()) {
    const ns = ref.namespace ?? gwNs;
    const secret = `${ns}/${ref.name}`;
    if ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') {
      const message = `certificate refs ${idx}: Listener's TLS certificate ref ${(ref.group ?? '') !== '' ? 'group must be unspecified/empty' : 'kind must be Secret'}.`;
      return { condition: unresolved('InvalidCertificateRef', message), code: 'certificate', secret };
    }
    const ok = refPermitted(grants, {
      fromGroup: GATEWAY_GROUP,
      fromKind: 'Gateway',
      fromNamespace: gwNs,
      toGroup: '',
      toKind: 'Secret',
      toNamespace: ns,
      toName: ref.name,
    });
    if (!ok) {
      const message = `certificate refs ${idx}: Certificate ref to secret ${secret} not permitted by any ReferenceGrant.`;
      return { condition: unresolved('RefNotPermitted', message), code: 'certificateNotPermitted', secret };
    }
    const found = secrets.find((s) => namespaceOf(s) === ns && s.metadata.name === ref.name);
    const keys = found?.dataKeys;
    const problem = !found
      ? 'does not exist'
      : found.type !== 'kubernetes.io/tls'
        ? 'must be of type kubernetes.io/tls'
        : keys && !(keys.includes('tls.crt') && keys.includes('tls.key'))
          ? 'must contain tls.crt and tls.key'
          : undefined;
    if (problem)
      return {
        condition: unresolved('InvalidCertificateRef', `certificate refs ${idx}: Secret ${secret} ${problem}.`),
        code: 'certificate',
        secret,
      };
  }
  return undefined;
}
