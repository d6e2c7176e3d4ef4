// gateway.networking.k8s.io/v1 GatewayClass and v1beta1 ReferenceGrant (Gateway API v1.4.0,
// standard channel): the two small kinds, with their CRDs' patterns.

import { arr, ignored, obj, str } from '../fieldSpec';
import type { GatewayClass, ReferenceGrant } from '../types';
import {
  CONTROLLER,
  Checks,
  GROUP,
  KIND,
  NAMESPACE,
  OBJECT_NAME,
  checkGroupKindName,
  conditions,
  fillConditions,
  groupKindNameFields,
} from './gatewayChecks';
import type { KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';

export const gatewayClassDecoder: KindDecoder<GatewayClass> = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'GatewayClass',
  namespaced: false,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj(
      {
        controllerName: str({ required: true }),
        parametersRef: obj({ ...groupKindNameFields, namespace: str() }),
        description: str(),
      },
      { required: true },
    ),
    status: obj({ conditions, supportedFeatures: ignored }),
  },
  finish(gc, c) {
    const k = new Checks(c);
    k.string(gc.spec.controllerName, CONTROLLER, 'spec.controllerName');
    if (gc.spec.description !== undefined && gc.spec.description.length > 64)
      k.error('gatewayApi.tooLong', { max: 64 }, 'spec.description');
    const ref = gc.spec.parametersRef;
    if (ref) {
      checkGroupKindName(ref, 'spec.parametersRef', k);
      k.string(ref.namespace, NAMESPACE, 'spec.parametersRef.namespace');
    }
    if (gc.status) fillConditions(gc.status.conditions);
    return k.ok ? gc : undefined;
  },
};

const grantFrom = obj({ group: str(), kind: str({ required: true }), namespace: str({ required: true }) });
const grantTo = obj({ group: str(), kind: str({ required: true }), name: str() });

export const referenceGrantDecoder: KindDecoder<ReferenceGrant> = {
  apiVersion: 'gateway.networking.k8s.io/v1beta1',
  kind: 'ReferenceGrant',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj(
      { from: arr(grantFrom, { required: true, minItems: 1 }), to: arr(grantTo, { required: true, minItems: 1 }) },
      { required: true },
    ),
  },
  finish(grant, c) {
    const k = new Checks(c);
    const { from, to } = grant.spec;
    k.maxItems(from, 16, 'spec.from');
    k.maxItems(to, 16, 'spec.to');
    from.forEach((f, i) => {
      f.group = k.requiredEmptyOk(f.group, GROUP, `spec.from.${i}.group`) ?? '';
      k.string(f.kind, KIND, `spec.from.${i}.kind`);
      k.string(f.namespace, NAMESPACE, `spec.from.${i}.namespace`);
    });
    to.forEach((t, i) => {
      t.group = k.requiredEmptyOk(t.group, GROUP, `spec.to.${i}.group`) ?? '';
      k.string(t.kind, KIND, `spec.to.${i}.kind`);
      k.string(t.name, OBJECT_NAME, `spec.to.${i}.name`);
    });
    return k.ok ? grant : undefined;
  },
};
