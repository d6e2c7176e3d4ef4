// The public API of the model. Every function is pure: text in, data out.
export type { Diagnostic, SourcePos, SourceRef, Severity } from './diagnostics';
export type * from './manifest/types';
export type * from './cluster/types';
export type * from './netfilter/types';
export type * from './trace/types';
