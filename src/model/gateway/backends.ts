// A rule's backendRefs resolved as the route's ResolvedRefs condition judges them
// (httproute_types.go, RouteConditionResolvedRefs): a core Service that exists, in the route's
// namespace or one a ReferenceGrant opens, with the port asked for.

import { namespaceOf } from '../k8s';
import type { HTTPBackendRef, ReferenceGrant, Service } from '../manifest/types';
import { GATEWAY_GROUP } from '../manifest/gatewayTypes';
import { refPermitted } from './referenceGrants';
import type { BackendProblem, ResolvedBackend } from './types';

export function resolveBackend(
  ref: HTTPBackendRef,
  routeNamespace: string,
  path: string,
  services: Service[],
  grants: ReferenceGrant[],
): ResolvedBackend {
  const ns = ref.namespace ?? routeNamespace;
  const service = `${ns}/${ref.name}`;
  const out: ResolvedBackend = { service, port: ref.port ?? 0, weight: ref.weight ?? 1, path };
  const broken = (problem: BackendProblem, message: string): ResolvedBackend => ({ ...out, problem, message });
  // Envoy Gateway's checks, in its order and words (internal/gatewayapi/validate.go, validateBackendRef).
  if ((ref.group ?? '') !== '') {
    return broken(
      'InvalidKind',
      'Group is invalid, only the core API group (specified by omitting the group field or setting it to an empty string), multicluster.x-k8s.io and gateway.envoyproxy.io are supported',
    );
  }
  if ((ref.kind ?? 'Service') !== 'Service') {
    return broken('InvalidKind', 'Kind is invalid, only Service, MCS ServiceImport and Envoy Gateway Backend are supported');
  }
  const permitted = refPermitted(grants, {
    fromGroup: GATEWAY_GROUP,
    fromKind: 'HTTPRoute',
    fromNamespace: routeNamespace,
    toGroup: '',
    toKind: 'Service',
    toNamespace: ns,
    toName: ref.name,
  });
  if (!permitted) return broken('RefNotPermitted', `Backend ref to Service ${service} not permitted by any ReferenceGrant.`);
  const svc = services.find((s) => namespaceOf(s) === ns && s.metadata.name === ref.name);
  if (!svc) return broken('BackendNotFound', `service ${service} not found`);
  if (!svc.spec.ports.some((p) => p.port === ref.port && p.protocol === 'TCP')) {
    return broken('PortNotFound', `TCP Port ${ref.port ?? 0} not found on Service ${service}`);
  }
  return out;
}
