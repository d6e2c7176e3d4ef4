// Envoy Gateway's names for what it creates per Gateway (v1.9.0, internal/utils/misc.go
// GetHashedName, internal/gatewayapi/helpers.go, internal/gatewayapi/listener.go).

import { sha256, utf8 } from '../hashing/sha256';

export const ENVOY_GATEWAY_VERSION = 'v1.9.0';
/** The controllerName a GatewayClass names to be served by Envoy Gateway. */
export const ENVOY_GATEWAY_CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';
/** The labels Envoy Gateway puts on a Gateway's Envoy Service and Deployment: whose they are. */
export const OWNING_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';
/** The Helm chart's namespace: the controller and, by default, every Envoy proxy live here. */
export const ENVOY_GATEWAY_NAMESPACE = 'envoy-gateway-system';

const hex = (bytes: Uint8Array) => Array.from(bytes.slice(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Envoy Gateway's hashed name: the key with `/` turned into `-`, cut to `length` characters (a
 * trailing hyphen dropped), then `-` and the first 8 hex digits of the key's sha256.
 */
export function hashedName(key: string, length: number): string {
  let base = key.replaceAll('/', '-');
  if (length > 0 && base.length > length) base = base.slice(0, length).replace(/-$/, '');
  return `${base}-${hex(sha256(utf8(key)))}`;
}

/** `envoy-<namespace>-<name>-<hash>`: the Deployment, Service, ServiceAccount and ConfigMap of one Gateway's proxy. */
export function proxyName(namespace: string, name: string): string {
  return `envoy-${hashedName(`${namespace}/${name}`, 48)}`;
}

/** Envoy runs unprivileged: a listener on a well-known port (below 1024) binds 10000 above it. */
export function containerPort(port: number): number {
  return port < 1024 ? port + 10000 : port;
}

/** The Service port's name: the listener's protocol in lower case and the port, e.g. `http-80`. */
export function servicePortName(protocol: string, port: number): string {
  return `${protocol.toLowerCase()}-${port}`;
}

/** Envoy's name for a listener: `<gateway namespace>/<gateway name>/<listener name>`. */
export function listenerName(namespace: string, gateway: string, listener: string): string {
  return `${namespace}/${gateway}/${listener}`;
}

/** Envoy's cluster for one rule of an HTTPRoute: `httproute/<namespace>/<name>/rule/<index>`. */
export function ruleClusterName(namespace: string, route: string, rule: number): string {
  return `httproute/${namespace}/${route}/rule/${rule}`;
}

/** Envoy's route name for one match of one rule: `httproute/<namespace>/<name>/rule/<i>/match/<j>`. */
export function routeEntryName(namespace: string, route: string, rule: number, match: number): string {
  return `${ruleClusterName(namespace, route, rule)}/match/${match}`;
}
