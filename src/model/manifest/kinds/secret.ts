// core/v1 Secret, read for a Gateway listener's certificate: its type and the names of its keys.
// The values are checked the way the API server reads them (base64 in `data`) and then dropped:
// a learner's pasted key never reaches the model, a share link or an exported picture.
// Checks: ValidateSecret (pkg/apis/core/validation, Kubernetes v1.33) for key names and the
// kubernetes.io/tls keys; SetDefaults_Secret for type Opaque.

import { bool, str, stringMap } from '../fieldSpec';
import type { Secret } from '../types';
import type { FinishContext, KindDecoder } from './kindDecoder';
import { objectMeta } from './meta';

/** IsConfigMapKey. */
const KEY = /^[-._a-zA-Z0-9]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TLS_KEYS = ['tls.crt', 'tls.key'];

/** What the field spec decodes; `finish` keeps none of the values. */
interface DecodedSecret extends Secret {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Reports at the map (a key's dots would read as a path), naming the key as kubectl does: `data[tls.crt]`. */
function checkKey(key: string, map: 'data' | 'stringData', c: FinishContext): boolean {
  if (key.length <= 253 && KEY.test(key) && key !== '.' && key !== '..' && !key.startsWith('..')) return true;
  c.report('error', 'secret.key', { path: `${map}[${key}]`, value: key }, map);
  return false;
}

export const secretDecoder: KindDecoder<Secret> = {
  apiVersion: 'v1',
  kind: 'Secret',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    type: str(),
    data: stringMap(),
    stringData: stringMap(),
    immutable: bool,
  },
  finish(decoded, c) {
    const { data = {}, stringData = {} } = decoded as DecodedSecret;
    let ok = true;
    for (const [key, value] of Object.entries(data)) {
      ok = checkKey(key, 'data', c) && ok;
      // Go's base64 ignores line breaks, which a folded certificate has.
      if (!BASE64.test(value.replace(/[\r\n]/g, ''))) {
        c.report('error', 'secret.base64', { path: `data[${key}]` }, 'data');
        ok = false;
      }
    }
    for (const key of Object.keys(stringData)) ok = checkKey(key, 'stringData', c) && ok;
    const dataKeys = [...new Set([...Object.keys(data), ...Object.keys(stringData)])];
    const type = decoded.type ?? 'Opaque';
    if (type === 'kubernetes.io/tls')
      for (const key of TLS_KEYS)
        if (!dataKeys.includes(key)) {
          c.report('error', 'field.required', { path: `data[${key}]` }, 'data');
          ok = false;
        }
    const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: decoded.metadata, type, dataKeys };
    return ok ? secret : undefined;
  },
};
