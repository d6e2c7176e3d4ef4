// A rule's backendRefs resolved as the route's ResolvedRefs condition judges them
// (httproute_types.go, RouteConditionResolvedRefs): a core Service that exists, in the route's
// namespace or one a ReferenceGrant opens, with the port asked for.

import { namespaceOf } from '../k8s';
import type { HTTPBackendRef, ReferenceGrant, Service } from '../manifest/types';
import { GATEWAY_GROUP } from '../manifest/gatewayTypes';
import { refPermitted } from './referenceGrants';
import type { ResolvedBackend } from './types';

export function resolveBackend(
  ref: HTTPBackendRef,
  routeNamespace: string,
  path: string,
  services: Service[],
  grants: ReferenceGrant[],
): ResolvedBackend {
  const ns = ref.namespace ?? routeNamespace;
  const out: ResolvedBackend = { service: `${ns}/${ref.name}`, port: ref.port ?? 0, weight: ref.weight ?? 1, path };
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service') return { ...out, problem: 'InvalidKind' };
  const permitted = refPermitted(grants, {
    fromGroup: GATEWAY_GROUP,
    fromKind: 'HTTPRoute',
    fromNamespace: routeNamespace,
    toGroup: '',
    toKind: 'Service',
    toNamespace: ns,
    toName: ref.name,
  });
  if (!permitted) return { ...out, problem: 'RefNotPermitted' };
  const svc = services.find((s) => namespaceOf(s) === ns && s.metadata.name === ref.name);
  if (!svc || !svc.spec.ports.some((p) => p.port === ref.port)) return { ...out, problem: 'BackendNotFound' };
  return out;
}

/** The ResolvedRefs message Envoy Gateway writes for the first unusable backend. */
export function problemMessage(b: ResolvedBackend): string {
  if (b.problem === 'InvalidKind') return `Kind of backend ${b.service} is not supported; it must be a Service`;
  if (b.problem === 'RefNotPermitted') return `Backend ref to Service ${b.service} not permitted by any ReferenceGrant.`;
  return `Service ${b.service} not found` + (b.port ? ` or has no port ${b.port}` : '');
}
