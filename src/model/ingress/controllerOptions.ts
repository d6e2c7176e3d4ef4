// The ingress-nginx build and settings modelled: controller v1.15.1 as its static deploy.yaml
// installs it (flags) with an empty ingress-nginx-controller ConfigMap (defaults from
// internal/ingress/controller/config/config.go).

import type { ControllerOptions } from './types';

export const INGRESS_NGINX_VERSION = 'v1.15.1';

export const DEFAULT_CONTROLLER_OPTIONS: ControllerOptions = {
  controllerClass: 'k8s.io/ingress-nginx',
  ingressClass: 'nginx',
  watchIngressWithoutClass: false,
  httpRedirectCode: 308,
  sslRedirect: true,
  strictValidatePathType: true,
};

/** The upstream ingress-nginx sends what no rule claims to: its own nginx on 127.0.0.1:8181, answering 404. */
export const DEFAULT_UPSTREAM = 'upstream-default-backend';
export const DEFAULT_BACKEND_ENDPOINT = { address: '127.0.0.1', port: 8181 };
/** The catch-all server for requests whose Host no rule names. */
export const CATCH_ALL = '_';
/** no-tls-redirect-locations: ACME HTTP-01 challenges must stay reachable over http. */
export const NO_TLS_REDIRECT_LOCATIONS = ['/.well-known/acme-challenge'];
