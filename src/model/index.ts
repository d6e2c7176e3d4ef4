// The public API of the model. Every function is pure: text in, data out.
export type { Diagnostic, SourcePos, SourceRef, Severity } from './diagnostics';
export type * from './manifest/types';
export type * from './cluster/types';
export type { Packet, Rule, Chain, Table, Ruleset, TableName, Hook, L4Proto, ConntrackEntry, Tuple, RuleSpec } from './netfilter/types';
export type * from './trace/types';
export type * from './network/types';
export type { Dataplane, NodeDataplane } from './dataplane';
// The functions (deriveModel, traceModel) are exported from ./model.ts — see below.
export { deriveModel, ingressDecision, traceModel, traceSeries } from './model';
export type { Model, InputFile, DeriveOptions } from './model';
export type { MatchResult as IngressDecision, RuleDecision } from './ingress';
export type { Announcement, RouterTable, Failover } from './metallb';
export { declaredWalk, parseWalkFlags, type DeclaredWalk, type WalkFlags, type WalkWhatIf } from './trace/declaredWalk';
export { openingPacket, orderedServices, sourceExists, type OpeningPacket } from './trace/openingPacket';
export { formatSourceArg, formatTargetArg, parseSourceArg, parseTargetArg } from './trace/walkArgs';
export { isPodReady, objectKey, slicesOfService } from './k8s';
export { parseIPv4Sloppy } from './net';
