// Gateway API v1.4.0 still serves GatewayClass, Gateway and HTTPRoute at v1beta1 with the v1 schema
// (the CRDs list both versions, conversion None), so an old post's v1beta1 object is accepted as
// is. It is read with the v1 decoder and carries v1 afterwards, the version `kubectl get` prints.

import type { KubeObject } from '../types';
import type { KindDecoder } from './kindDecoder';

export function servedAlsoAt<T extends KubeObject>(current: KindDecoder<T>, apiVersion: KubeObject['apiVersion']): KindDecoder {
  return {
    ...(current as unknown as KindDecoder),
    apiVersion,
    finish: (object, c) => current.finish({ ...object, apiVersion: current.apiVersion } as T, c),
  };
}
