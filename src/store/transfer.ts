// A model crossing from the derive worker to the page. Structured clone copies data only:
// source references lose their `at` lookup (rebuilt here as the object's own position),
// and the dataplane travels as the nodes already built; the others are built here when read.

import type { SourcePos, SourceRef } from '../model/diagnostics';
import type { NodeDataplane } from '../model/dataplane';
import { buildDataplane } from '../model/dataplaneBuild';
import type { Model } from '../model/model';
import type { Trace } from '../model/trace/types';

type PlainRef = { file: string; pos: SourcePos };

export interface DerivedPayload {
  model: Omit<Model, 'dataplane' | 'manifests' | 'state'> & {
    manifests: { object: Model['manifests'][number]['object']; source: PlainRef }[];
    state: Omit<Model['state'], 'sources'> & { sources: Record<string, PlainRef> };
  };
  /** The nodes whose dataplane the worker built (the ones the walk crossed). */
  nodes: Record<string, NodeDataplane>;
  trace: Trace | null;
}

const plain = (ref: SourceRef): PlainRef => ({ file: ref.file, pos: ref.pos });
const rich = (ref: PlainRef): SourceRef => ({ ...ref, at: () => ref.pos });

/** Nodes already built: their property is a value, not the lazy getter. */
export function builtNodes(model: Model): Record<string, NodeDataplane> {
  const out: Record<string, NodeDataplane> = {};
  for (const name of Object.keys(model.dataplane.nodes)) {
    const d = Object.getOwnPropertyDescriptor(model.dataplane.nodes, name);
    if (d && 'value' in d) out[name] = d.value as NodeDataplane;
  }
  return out;
}

export function toPayload(model: Model, trace: Trace | null): DerivedPayload {
  // Everything else the model carries (diagnostics, the Ingress model …) is plain data.
  const { dataplane: _lazy, manifests, state, ...rest } = model;
  const sources = Object.fromEntries(Object.entries(state.sources).map(([k, v]) => [k, plain(v)]));
  return {
    model: {
      ...rest,
      manifests: manifests.map((m) => ({ object: m.object, source: plain(m.source) })),
      state: { ...state, sources },
    },
    nodes: builtNodes(model),
    trace,
  };
}

export function fromPayload(p: DerivedPayload): { model: Model; trace: Trace | null } {
  const state = { ...p.model.state, sources: Object.fromEntries(Object.entries(p.model.state.sources).map(([k, v]) => [k, rich(v)])) };
  const dataplane = buildDataplane(state);
  for (const [name, node] of Object.entries(p.nodes)) Object.defineProperty(dataplane.nodes, name, { value: node, enumerable: true });
  const model: Model = {
    ...p.model,
    manifests: p.model.manifests.map((m) => ({ object: m.object, source: rich(m.source) })),
    state,
    dataplane,
  };
  return { model, trace: p.trace };
}
