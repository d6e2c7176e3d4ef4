// Envoy Gateway's public API: the objects it creates in the cluster, its names for them, and the
// configuration it gives each Gateway's Envoy.

export { envoyGatewayObjects, bringsEnvoyGateway, proxyLabels, ENVOY_PROXY_IMAGE, type EnvoyGatewayConfig } from './objects';
export { envoyConfig, envoyConfigs } from './configDump';
export { serviceEndpoints, type BackendIndex } from './backends';
export type * from './configTypes';
export * from './naming';
