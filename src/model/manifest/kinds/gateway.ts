// gateway.networking.k8s.io/v1 Gateway (Gateway API v1.4.0, standard channel): listeners with the
// CRD's defaults (allowedRoutes from Same, TLS mode Terminate, certificateRefs to core Secrets) and
// its CEL rules (config/crd/standard/gateway.networking.k8s.io_gateways.yaml).

import { arr, ignored, int, obj, oneOf, port, str } from '../fieldSpec';
import { GATEWAY_GROUP } from '../gatewayTypes';
import type { Gateway, Listener } from '../types';
import {
  ADDRESS_TYPE,
  Checks,
  GROUP,
  HOSTNAME,
  KIND,
  NAMESPACE,
  OBJECT_NAME,
  PROTOCOL,
  SECTION_NAME,
  conditions,
  fillConditions,
} from './gatewayChecks';
import type { KindDecoder } from './kindDecoder';
import { checkSelector, labelSelector, objectMeta } from './meta';

const routeGroupKind = obj({ group: str(), kind: str({ required: true }) });

const listener = obj({
  name: str({ required: true }),
  hostname: str(),
  port: port({ required: true }),
  protocol: str({ required: true }),
  tls: obj({
    mode: oneOf(['Terminate', 'Passthrough']),
    certificateRefs: arr(obj({ group: str(), kind: str(), name: str({ required: true }), namespace: str() })),
    options: ignored,
  }),
  allowedRoutes: obj({
    namespaces: obj({ from: oneOf(['All', 'Selector', 'Same']), selector: labelSelector() }),
    kinds: arr(routeGroupKind),
  }),
});

const status = obj({
  addresses: arr(obj({ type: str(), value: str({ required: true }) })),
  conditions,
  listeners: arr(
    obj({
      name: str({ required: true }),
      supportedKinds: arr(routeGroupKind),
      attachedRoutes: int(0),
      conditions,
    }),
  ),
});

/** The CRD's defaults for one listener. */
function defaults(l: Listener, at: string, k: Checks): void {
  const routes = (l.allowedRoutes ??= {});
  const namespaces = (routes.namespaces ??= {});
  namespaces.from ??= 'Same';
  routes.kinds?.forEach((kind, i) => (kind.group = k.orDefault(kind.group, `${at}.allowedRoutes.kinds.${i}.group`, GATEWAY_GROUP)));
  if (l.tls) {
    l.tls.mode ??= 'Terminate';
    l.tls.certificateRefs?.forEach((ref, i) => {
      ref.group ??= '';
      ref.kind = k.orDefault(ref.kind, `${at}.tls.certificateRefs.${i}.kind`, 'Secret');
    });
  }
}

function checkListener(l: Listener, at: string, k: Checks): void {
  k.string(l.name, SECTION_NAME, `${at}.name`);
  k.string(l.hostname, HOSTNAME, `${at}.hostname`);
  k.string(l.protocol, PROTOCOL, `${at}.protocol`);
  const selector = l.allowedRoutes?.namespaces?.selector;
  if (selector) checkSelector(selector, `${at}.allowedRoutes.namespaces.selector`, k.c);
  k.maxItems(l.allowedRoutes?.kinds, 8, `${at}.allowedRoutes.kinds`);
  l.allowedRoutes?.kinds?.forEach((g, i) => {
    k.string(g.group, GROUP, `${at}.allowedRoutes.kinds.${i}.group`);
    k.string(g.kind, KIND, `${at}.allowedRoutes.kinds.${i}.kind`);
  });
  const tls = l.tls;
  if (!tls) return;
  k.maxItems(tls.certificateRefs, 64, `${at}.tls.certificateRefs`);
  tls.certificateRefs?.forEach((ref, i) => {
    const p = `${at}.tls.certificateRefs.${i}`;
    k.string(ref.group, GROUP, `${p}.group`);
    k.string(ref.kind, KIND, `${p}.kind`);
    k.string(ref.name, OBJECT_NAME, `${p}.name`);
    k.string(ref.namespace, NAMESPACE, `${p}.namespace`);
  });
  if (tls.mode === 'Terminate' && !tls.certificateRefs?.length && !k.c.written(`${at}.tls.options`))
    k.rule('gatewayApi.certificateRefsRequired', `${at}.tls`);
}

/** The rules on spec.listeners as a whole; each failing listener is named by its index. */
function checkListeners(listeners: Listener[], k: Checks): void {
  const at = 'spec.listeners';
  k.maxItems(listeners, 64, at);
  const names = new Map<string, number>();
  const combos = new Map<string, number>();
  listeners.forEach((l, i) => {
    const p = `${at}.${i}`;
    if (['HTTP', 'TCP', 'UDP'].includes(l.protocol) && l.tls) k.rule('gatewayApi.tlsForbidden', `${p}.tls`);
    if (l.protocol === 'HTTPS' && l.tls && l.tls.mode !== 'Terminate') k.rule('gatewayApi.tlsModeHttps', `${p}.tls.mode`);
    if (['TCP', 'UDP'].includes(l.protocol) && l.hostname !== undefined) k.rule('gatewayApi.hostnameForbidden', `${p}.hostname`);
    // x-kubernetes-list-map-keys: [name], and "Listener name must be unique within the Gateway".
    if (names.has(l.name)) k.rule('gatewayApi.listenerName', `${p}.name`, { value: l.name });
    else names.set(l.name, i);
    const combo = `${l.port}/${l.protocol}/${l.hostname ?? ''}`;
    const first = combos.get(combo);
    if (first !== undefined) k.rule('gatewayApi.listenerCombination', p, { other: first });
    else combos.set(combo, i);
  });
}

function checkAddresses(addresses: NonNullable<Gateway['spec']['addresses']>, k: Checks): void {
  k.maxItems(addresses, 16, 'spec.addresses');
  const seen = new Set<string>();
  addresses.forEach((a, i) => {
    const p = `spec.addresses.${i}`;
    a.type = k.orDefault(a.type, `${p}.type`, 'IPAddress');
    k.string(a.type, ADDRESS_TYPE, `${p}.type`);
    if (a.value !== undefined && a.value.length > 253) k.error('gatewayApi.tooLong', { max: 253 }, `${p}.value`);
    else if (a.type === 'Hostname' && a.value !== undefined && !HOSTNAME.re?.test(a.value)) k.rule('gatewayApi.addressHostname', p);
    const key = `${a.type}/${a.value}`;
    if ((a.type === 'IPAddress' || a.type === 'Hostname') && a.value !== undefined && seen.has(key))
      k.rule('gatewayApi.addressUnique', 'spec.addresses', { type: a.type });
    seen.add(key);
  });
}

export const gatewayDecoder: KindDecoder<Gateway> = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  namespaced: true,
  fields: {
    apiVersion: str(),
    kind: str(),
    metadata: objectMeta(),
    spec: obj(
      {
        gatewayClassName: str({ required: true }),
        listeners: arr(listener, { required: true, minItems: 1 }),
        addresses: arr(obj({ type: str(), value: str() })),
        infrastructure: ignored,
      },
      { required: true },
    ),
    status,
  },
  finish(gw, c) {
    const k = new Checks(c);
    k.string(gw.spec.gatewayClassName, OBJECT_NAME, 'spec.gatewayClassName');
    gw.spec.listeners.forEach((l, i) => {
      defaults(l, `spec.listeners.${i}`, k);
      checkListener(l, `spec.listeners.${i}`, k);
    });
    checkListeners(gw.spec.listeners, k);
    if (gw.spec.addresses) checkAddresses(gw.spec.addresses, k);
    if (gw.status) {
      fillConditions(gw.status.conditions);
      for (const l of gw.status.listeners ?? []) {
        l.supportedKinds ??= [];
        l.attachedRoutes ??= 0;
        l.conditions = fillConditions(l.conditions);
      }
    }
    return k.ok ? gw : undefined;
  },
};
