// The Gateway API's semantics: attachment and status, and what one request gets.

export { buildGatewayApiModel, type GatewayApiInput } from './buildModel';
export { ENVOY_GATEWAY_CONTROLLER } from './conditions';
export { routeRequest } from './routeRequest';
export type * from './types';
