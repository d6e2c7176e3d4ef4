// The whole derivation in one call: text -> manifests -> cluster -> dataplane.

import type { Diagnostic } from './diagnostics';
import type { Manifest } from './manifest/types';
import { parseManifests, type InputFile } from './manifest/parse';
import type { ClusterState } from './cluster/types';
import { reconcile } from './cluster/reconcile';
import type { Dataplane } from './dataplane';
import { buildDataplane } from './dataplaneBuild';
import type { PacketSpec, Trace } from './trace/types';
import { traceModel as walkTrace } from './trace/traceModel';

export type { InputFile };

export interface Model {
  files: InputFile[];
  manifests: Manifest[];
  state: ClusterState;
  dataplane: Dataplane;
  /** Parser and reconciler diagnostics together, in file order. */
  diagnostics: Diagnostic[];
}

/** What-if switches the learner flips in the UI without editing the manifests. */
export interface DeriveOptions {
  /** Run kube-proxy in this mode whatever the KubeProxyConfiguration says, to compare the two. */
  proxyMode?: 'iptables' | 'ipvs';
}

export function deriveModel(files: InputFile[], options: DeriveOptions = {}): Model {
  const parsed = parseManifests(files);
  const state = reconcile(parsed.manifests);
  if (options.proxyMode) state.config.proxy.mode = options.proxyMode;
  const dataplane = buildDataplane(state);
  const order = new Map(files.map((f, i) => [f.name, i]));
  const diagnostics = [...parsed.diagnostics, ...state.diagnostics].sort(
    (a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) || a.offset - b.offset,
  );
  return { files, manifests: parsed.manifests, state, dataplane, diagnostics };
}

export function traceModel(model: Model, spec: PacketSpec): Trace {
  return walkTrace(model, spec);
}
