// The chain of derived data: model -> shown model -> walk -> layout -> timeline.
// Each function takes what changed and returns the patch for the store. The layout comes
// after the walk because a large cluster is drawn in part, always including what the walk touches.

import { arrivalOf, buildTimeline, frameAt } from '../anim/timeline';
import { layoutCluster } from '../layout/clusterLayout';
import { openingPacket, sourceExists, type DeriveOptions, type InputFile, type Model, type PacketSpec, type Trace } from '../model';
import type { AppState, GetState, PacketRequest, Rederive, SetState, StoreDeps } from './types';

const errorCount = (m: Model) => m.diagnostics.filter((d) => d.severity === 'error').length;

/**
 * What the topology shows: the new model, unless the text has errors that lost
 * objects the last shown model had (a half-typed line should not wipe the picture).
 */
export function chooseShown(previous: Model | null, next: Model): { shown: Model; stale: boolean } {
  if (!previous) return { shown: next, stale: false };
  const lostObjects = next.manifests.length < previous.manifests.length || next.state.nodes.length === 0;
  if (errorCount(next) > 0 && lostObjects) return { shown: previous, stale: true };
  return { shown: next, stale: false };
}

/** What the walk touches: drawn whatever the caps (pods, the Service), and left open (where it passes on each node). */
function focusOf(trace: Trace | null): { pods: string[]; services: string[]; nodes?: Record<string, string[]> } {
  if (!trace) return { pods: [], services: [] };
  const from = trace.spec.from;
  const pods = new Set(trace.steps.flatMap((s) => (s.at.pod ? [s.at.pod] : [])));
  if (from.kind === 'pod') pods.add(`${from.namespace}/${from.name}`);
  if (trace.outcome.pod) pods.add(trace.outcome.pod);
  const nodes: Record<string, string[]> = {};
  for (const { at } of trace.steps) if (at.node) (nodes[at.node] ??= []).push(at.element);
  return { pods: [...pods], services: trace.outcome.service ? [trace.outcome.service] : [], nodes };
}

/** Service (`namespace/name`) -> the Ingress rules (`host/path`) ingress-nginx serves with it as backend. */
export function ingressRulesOf(model: Model | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of model?.ingress?.rows ?? []) {
    if (!row.served) continue;
    const service = `${row.ingress.split('/')[0]}/${row.backend.split(':')[0]}`;
    (out[service] ??= []).push(`${row.host || '*'}${row.path || '/'}`);
  }
  return out;
}

export function layoutPatch(s: Pick<AppState, 'shown' | 'layers' | 'trace'>): Pick<AppState, 'layout'> {
  const { builtin, services, nodeports, dns, loadbalancers, ingress } = s.layers;
  const options = {
    builtin,
    services,
    nodePorts: nodeports,
    dns,
    loadBalancers: loadbalancers,
    ingress,
    ingressRules: ingress ? ingressRulesOf(s.shown) : undefined,
    focus: focusOf(s.trace),
  };
  return { layout: s.shown ? layoutCluster(s.shown.state, options) : null };
}

/** The packet to follow in a model: the learner's choice while its source exists, else the one the text opens on. */
export function chooseSpec(model: Model | null, s: PacketRequest): PacketSpec | null {
  if (!model) return s.spec;
  const fallback = () => openingPacket(model.files, model.state)?.spec ?? null;
  if (!s.specChosen || !s.spec) return fallback();
  if (!sourceExists(model.state, s.spec.from)) return { ...s.spec, from: fallback()?.from ?? s.spec.from };
  return s.spec;
}

/** Walks the packet through the shown model. */
export function walkPatch(
  s: Pick<AppState, 'shown' | 'spec' | 'specChosen'>,
  deps: Pick<StoreDeps, 'walkPacket'>,
): Pick<AppState, 'spec' | 'trace'> {
  const model = s.shown;
  const spec = chooseSpec(model, s);
  let trace = null;
  if (model && spec) {
    try {
      trace = deps.walkPacket(model, spec);
    } catch (err) {
      // The model promises not to throw; if it does, keep the app (and the learner's text) alive.
      console.error('walkPacket failed', err);
    }
  }
  return { spec, trace };
}

/** The walk over the drawing in time, keeping the playhead on the same step when it can. */
export function timelinePatch(s: Pick<AppState, 'trace' | 'layout' | 'timing' | 'selectedStep'>): Partial<AppState> {
  const timeline = buildTimeline(s.trace, s.layout, s.timing);
  const step = timeline.segments.length ? Math.min(Math.max(s.selectedStep, 0), timeline.segments.length - 1) : -1;
  const t = step < 0 ? 0 : arrivalOf(timeline, step);
  return { timeline, t, selectedStep: frameAt(timeline, t)?.step ?? -1, playing: false, until: null };
}

/** After the packet changed: walk, draw (the focus may have moved), time. */
export function tracePatch(
  s: Pick<AppState, 'shown' | 'spec' | 'specChosen' | 'layers' | 'timing' | 'selectedStep'>,
  deps: Pick<StoreDeps, 'walkPacket'>,
): Partial<AppState> {
  const walk = walkPatch(s, deps);
  const layout = layoutPatch({ ...s, ...walk });
  return { ...walk, ...layout, ...timelinePatch({ ...s, ...walk, ...layout }) };
}

/** The patch that shows a freshly derived model: what the topology draws, its layout, the walk. */
export function modelPatch(s: AppState, model: Model, deps: Pick<StoreDeps, 'walkPacket'>): Partial<AppState> {
  const { shown, stale } = chooseShown(s.shown, model);
  const next: AppState = { ...s, model, shown, stale };
  Object.assign(next, tracePatch(next, deps));
  const { model: m, shown: sh, stale: st, layout, spec, trace, timeline, t, selectedStep, playing, until } = next;
  return { model: m, shown: sh, stale: st, layout, spec, trace, timeline, t, selectedStep, playing, until };
}

/** Texts larger than this are derived off the main thread when a worker is available. */
export const asyncThreshold = 40_000;
const debounceMs = 150;

export function createRederive(set: SetState, get: GetState, deps: StoreDeps): Rederive {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (text: string, model: Model, walkPacket: StoreDeps['walkPacket']) =>
    set({ text, deriving: false, ...modelPatch({ ...get(), text }, model, { walkPacket }) });

  const deriveHere = (text: string, files: InputFile[], options: DeriveOptions) => {
    let model: Model;
    try {
      model = deps.deriveModel(files, options);
    } catch (err) {
      // The model promises not to throw; if it does, keep the app (and the learner's text) alive.
      console.error('deriveModel failed', err);
      set({ text, deriving: false });
      return;
    }
    apply(text, model, deps.walkPacket);
  };

  return (text) => {
    const gen = ++generation;
    clearTimeout(timer);
    const s = get();
    const files = [{ name: s.fileName, text }];
    const options = s.whatIf;
    const { deriveAsync } = deps;
    if (deriveAsync && text.length > asyncThreshold) {
      // The editor stays responsive: the model follows once typing pauses and the worker answers.
      set({ text, deriving: true });
      timer = setTimeout(() => {
        const now = get();
        deriveAsync(files, options, { spec: now.spec, specChosen: now.specChosen }).then(
          ({ model, trace }) => {
            if (gen !== generation) return;
            // The worker walked the packet the same function would choose here; other walks run here.
            apply(text, model, (m, spec) => (m === model && trace && sameSpec(spec, trace.spec) ? trace : deps.walkPacket(m, spec)));
          },
          (err) => {
            // No worker (or it failed): the text still gets its model, here.
            console.error('deriving in the worker failed', err);
            if (gen === generation) deriveHere(text, files, options);
          },
        );
      }, debounceMs);
      return;
    }
    deriveHere(text, files, options);
  };
}

const sameSpec = (a: PacketSpec, b: PacketSpec) => JSON.stringify(a) === JSON.stringify(b);
