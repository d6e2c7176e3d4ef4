// The conversion's working state, as ingress2gateway v1.1.0 keeps it between its steps: each
// HTTPRoute with, per rule, the Ingresses its backends came from (its RuleBackendSources), which
// the ingress-nginx steps read the annotations of.

import { namespaceOf } from '../k8s';
import type { Gateway, HTTPRoute, Ingress, Manifest } from '../manifest/types';
import type { ConvertNote, ConvertNoteKey } from './types';

export const NGINX = 'nginx.ingress.kubernetes.io/';

/** The rewrite a rule asks for, applied last as ingress2gateway's common emitter does. */
export interface Rewrite {
  replaceFullPath: string;
  forwardedPrefix?: string;
}

export interface RouteContext {
  route: HTTPRoute;
  /** Per rule, the Ingress each backendRef came from. */
  sources: Manifest<Ingress>[][];
  rewrites: Map<number, Rewrite>;
  /** Made from a defaultBackend: the canary step, which walks the Ingresses' rule groups, never sees it. */
  defaultBackend?: true;
}

export interface Conversion {
  ingresses: Manifest<Ingress>[];
  /** By namespace/name. */
  gateways: Map<string, Gateway>;
  routes: Map<string, RouteContext>;
  notes: ConvertNote[];
}

export const ingressName = (m: Manifest<Ingress>): string => `${namespaceOf(m.object)}/${m.object.metadata.name}`;

export function annotation(m: Manifest<Ingress>, name: string): string | undefined {
  return m.object.metadata.annotations?.[NGINX + name];
}

/** A note at a field of the Ingress (`at` a dotted path, as SourceRef takes it). */
export function noteAt(
  c: Conversion,
  m: Manifest<Ingress>,
  at: string,
  severity: ConvertNote['severity'],
  key: ConvertNoteKey,
  params: ConvertNote['params'] = {},
): void {
  const pos = m.source.at(at);
  c.notes.push({ severity, key, params: { ingress: ingressName(m), ...params }, file: pos.file, line: pos.line, col: pos.col });
}
