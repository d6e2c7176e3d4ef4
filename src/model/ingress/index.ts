// The Ingress model's public API: build the controller's view once, then match requests and
// render its nginx.conf; plus the controller's own cluster objects.

export { buildIngressModel, ingressKey, type IngressModelInput } from './buildModel';
export { matchRequest } from './matchRequest';
export { nginxConf } from './nginxConf';
export { ingressNginxObjects, bringsIngressNginx, CONTROLLER_NAME, INGRESS_NGINX_NAMESPACE, type IngressNginxConfig } from './controller';
export { DEFAULT_CONTROLLER_OPTIONS, INGRESS_NGINX_VERSION } from './controllerOptions';
export { pickEndpoint } from './pickEndpoint';
export type * from './types';
