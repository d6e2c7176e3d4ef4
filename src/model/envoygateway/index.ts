// Envoy Gateway's public API: the objects it creates in the cluster and its names for them.

export { envoyGatewayObjects, bringsEnvoyGateway, proxyLabels, ENVOY_PROXY_IMAGE, type EnvoyGatewayConfig } from './objects';
export * from './naming';
