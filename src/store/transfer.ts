// A model crossing from the derive worker to the page. Structured clone copies data only:
// source references lose their `at` lookup (rebuilt here as the object's own position),
// and the dataplane travels as the nodes already built; the others are built here when asked for (`dataplane.adopt` keeps the ones received).

import { buildDataplane, type Model, type NodeDataplane, type SourcePos, type SourceRef, type Trace } from '../model';

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
    nodes: model.dataplane.built(),
    trace,
  };
}

export function fromPayload(p: DerivedPayload): { model: Model; trace: Trace | null } {
  const state = { ...p.model.state, sources: Object.fromEntries(Object.entries(p.model.state.sources).map(([k, v]) => [k, rich(v)])) };
  const dataplane = buildDataplane(state);
  dataplane.adopt(p.nodes);
  const model: Model = {
    ...p.model,
    manifests: p.model.manifests.map((m) => ({ object: m.object, source: rich(m.source) })),
    state,
    dataplane,
  };
  return { model, trace: p.trace };
}
