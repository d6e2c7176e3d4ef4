// The Gateway API's semantics: attachment and status, and what one request gets.

export { buildGatewayApiModel, type GatewayApiInput } from './buildModel';
export { gatewayApiOf } from './fromCluster';
export { routeRequest } from './routeRequest';
export type * from './types';
export { gatewayStatusFacts, type ConditionFact, type GatewayStatusFact } from './statusView';
