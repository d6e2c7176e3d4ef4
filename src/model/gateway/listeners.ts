// Each listener's status as Envoy Gateway writes it (apis/v1/gateway_types.go, ListenerStatus):
// the route kinds it supports, whether its certificate resolves, and whether it conflicts with
// another listener on the same port. Only a listener with no problem takes routes.

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
  /** Routes can attach (and count in attachedRoutes) even while its certificate is unresolved, as conformance's gateway-with-attached-routes expects. */
  attachable: boolean;
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

/** Protocols that can share a port: HTTPS and TLS both start with a TLS handshake; UDP is another socket. */
function portFamily(protocol: string): string {
  if (protocol === 'HTTPS' || protocol === 'TLS') return 'tls';
  return protocol;
}

export function checkListeners(
  gw: Manifest<Gateway>,
  secrets: Secret[],
  grants: ReferenceGrant[],
): { listeners: ListenerCheck[]; diagnostics: Diagnostic[] } {
  const listeners = gw.object.spec.listeners ?? [];
  const diagnostics: Diagnostic[] = [];
  const gwName = `${namespaceOf(gw.object)}/${gw.object.metadata.name}`;
  const out = listeners.map((l, i): ListenerCheck => {
    const at = gw.source.at(`spec.listeners.${i}`);
    const kinds = KINDS_BY_PROTOCOL[l.protocol];
    if (!kinds) {
      diagnostics.push(diagnostic('warning', 'gateway.listener.protocol', { gateway: gwName, listener: l.name, protocol: l.protocol }, at));
      return {
        listener: l,
        ready: false,
        attachable: false,
        supportedKinds: [],
        conditions: [
          condition('Programmed', false, 'Invalid', 'Listener is invalid, see other Conditions for details.'),
          condition('Accepted', false, 'UnsupportedProtocol', `Protocol ${l.protocol} is unsupported.`),
          condition('ResolvedRefs', true, 'ResolvedRefs', 'Listener references have been resolved'),
        ],
      };
    }
    const problems: GatewayCondition[] = [];
    const wanted = l.allowedRoutes?.kinds;
    const supportedKinds = (wanted ?? kinds.map((kind): RouteGroupKind => ({ kind })))
      .filter((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && kinds.includes(k.kind))
      .map((k) => ({ group: GATEWAY_GROUP, kind: k.kind }));
    if (wanted && supportedKinds.length < wanted.length) {
      problems.push(
        condition('ResolvedRefs', false, 'InvalidRouteKinds', `Kind is not supported, kind must be one of ${kinds.join(', ')}`),
      );
    }
    if (l.protocol === 'HTTPS' || l.protocol === 'TLS') {
      const cert = certificateProblem(gw.object, l, secrets, grants);
      if (cert) {
        problems.push(condition('ResolvedRefs', false, cert.reason, cert.message));
        diagnostics.push(
          diagnostic('warning', `gateway.listener.${cert.code}`, { gateway: gwName, listener: l.name, secret: cert.secret }, at),
        );
      }
    }
    const conflict = conflictOf(listeners, i);
    if (conflict) {
      diagnostics.push(
        diagnostic('warning', 'gateway.listener.conflict', { gateway: gwName, listener: l.name, port: l.port, other: conflict.other }, at),
      );
    }
    const ready = problems.length === 0 && !conflict;
    const conditions = [
      ready
        ? condition('Programmed', true, 'Programmed', 'Sending translated listener configuration to the data plane')
        : condition('Programmed', false, 'Invalid', 'Listener is invalid, see other Conditions for details.'),
      condition('Accepted', true, 'Accepted', 'Listener has been successfully translated'),
      problems[0] ?? condition('ResolvedRefs', true, 'ResolvedRefs', 'Listener references have been resolved'),
    ];
    if (conflict) conditions.push(condition('Conflicted', true, conflict.reason, conflict.message));
    return { listener: l, ready, attachable: !conflict, supportedKinds, conditions };
  });
  return { listeners: out, diagnostics };
}

/** Why listener `i` cannot share its port with an earlier or later one: the spec's two conflicts. */
function conflictOf(listeners: Listener[], i: number): { reason: string; message: string; other: string } | undefined {
  const l = listeners[i]!;
  for (const [j, o] of listeners.entries()) {
    if (j === i || o.port !== l.port) continue;
    const udp = (l.protocol === 'UDP') !== (o.protocol === 'UDP');
    if (udp) continue;
    if (portFamily(o.protocol) !== portFamily(l.protocol)) {
      return { reason: 'ProtocolConflict', message: 'All listeners for a given port must use a compatible protocol', other: o.name };
    }
    if ((o.hostname ?? '').toLowerCase() === (l.hostname ?? '').toLowerCase()) {
      return { reason: 'HostnameConflict', message: 'All listeners for a given port must use a unique hostname', other: o.name };
    }
  }
  return undefined;
}

function certificateProblem(
  gw: Gateway,
  l: Listener,
  secrets: Secret[],
  grants: ReferenceGrant[],
): { reason: string; message: string; code: 'certificate' | 'certificateNotPermitted'; secret: string } | undefined {
  if (l.tls?.mode === 'Passthrough') return undefined;
  const refs = l.tls?.certificateRefs ?? [];
  const gwNs = namespaceOf(gw);
  if (refs.length === 0) {
    return {
      reason: 'InvalidCertificateRef',
      message: 'Listener must have at least 1 TLS certificate ref',
      code: 'certificate',
      secret: '',
    };
  }
  for (const ref of refs) {
    const ns = ref.namespace ?? gwNs;
    const secret = `${ns}/${ref.name}`;
    if ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') {
      return { reason: 'InvalidCertificateRef', message: `Certificate ref ${secret} is not a Secret`, code: 'certificate', secret };
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
      return {
        reason: 'RefNotPermitted',
        message: `Certificate ref to secret ${secret} not permitted by any ReferenceGrant.`,
        code: 'certificateNotPermitted',
        secret,
      };
    }
    const found = secrets.find((s) => namespaceOf(s) === ns && s.metadata.name === ref.name);
    const keys = found?.dataKeys;
    if (!found || found.type !== 'kubernetes.io/tls' || (keys && !(keys.includes('tls.crt') && keys.includes('tls.key')))) {
      return {
        reason: 'InvalidCertificateRef',
        message: `Secret ${secret} does not exist or is not a TLS secret.`,
        code: 'certificate',
        secret,
      };
    }
  }
  return undefined;
}
