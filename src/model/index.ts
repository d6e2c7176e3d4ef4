// The public API of the model, and the only module the rest of the app imports from it.
// Every function is pure: text in, data out. Node dataplanes are built when asked for
// (`model.dataplane.node(name)`), once per model.
export type { Diagnostic, DiagnosticCode, SourcePos, SourceRef, Severity, TextFix } from './diagnostics';
export { applyTextFix } from './diagnostics';
export type * from './manifest/types';
export type * from './cluster/types';
export type { Packet, Rule, Chain, Table, Ruleset, TableName, Hook, L4Proto, ConntrackEntry, Tuple, RuleSpec } from './netfilter/types';
export type * from './trace/types';
export type { HttpHeader, HttpRequest } from './http/request';
export { parseHeaderArg, parseMethodArg } from './http/request';
export type * from './network/types';
export type { Dataplane, NodeDataplane, NodeIptables, NodeIpvs } from './dataplane';
export type { Model, InputFile, DeriveOptions } from './modelTypes';
export { deriveModel, ingressDecision } from './model';
export { buildDataplane } from './dataplaneBuild';
export { walkPacket, traceSeries } from './trace/walkPacket';
export { dnatPlace, requestChecks, type DnatPlace, type HookChecks } from './trace/ruleChecks';
export { dnsOptions } from './trace/dnsOptions';
export type { MatchResult as IngressDecision, RuleDecision } from './ingress';
export type { AttachedRoute, GatewayApiModel, GatewayRequest, GatewayView, ListenerView, ResolvedBackend, RouteDecision } from './gateway';
export { gatewayStatusFacts, routeRequest, type ConditionFact, type GatewayStatusFact } from './gateway';
export type { Announcement, RouterTable, Failover } from './metallb';
export { declaredWalk, parseWalkFlags, type DeclaredWalk, type WalkFlags, type WalkWhatIf } from './trace/declaredWalk';
export { openingPacket, orderedServices, sourceExists, type OpeningPacket } from './trace/openingPacket';
export { formatRoute, nodeRoutes } from './network/routes';
export { lanClient, lanRouter } from './network/lan';
export { kubeIpvs0Addresses } from './kubeproxy/ipvs';
export { nftablesDump, nftablesList } from './kubeproxy/nftables';
export { nginxConf } from './ingress';
export { envoyConfigs, type EnvoyConfig } from './envoygateway';
export { formatSourceArg, formatTargetArg, parseSourceArg, parseTargetArg } from './trace/walkArgs';
export { isPodReady, objectKey, slicesOfService } from './k8s';
export { parseIPv4Sloppy } from './net';
export { YAML_LIMITS } from './manifest/yamlTree';
export { ipRouteText, ipNeighText, bridgeFdbText } from './network/iproute2Text';
export { dig, DIG_TYPES, type DigReply, type DigRecord, type DigType, type DigOptions } from './dns/dig';
export { digText, digJson } from './dns/digText';
export {
  convertToGatewayApi,
  INGRESS2GATEWAY_VERSION,
  type ConvertNote,
  type ConvertNoteKey,
  type ConvertResult,
  type ConvertedObject,
} from './convert';
export {
  migrationComparison,
  migrationRequests,
  parseHeaderLines,
  requestPort,
  MIGRATION_ROWS,
  type MigrationComparison,
  type MigrationDifference,
  type MigrationProbe,
  type MigrationRequest,
  type MigrationRow,
  type NginxAnswer,
} from './migration';
