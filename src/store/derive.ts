// The chain of derived data: model -> shown model -> walk -> layout -> timeline.
// Each function takes what changed and returns the patch for the store. The layout comes
// after the walk because a large cluster is drawn in part, always including what the walk touches.

import { arrivalOf, buildTimeline, frameAt } from '../anim/timeline';
import { layoutCluster } from '../layout/clusterLayout';
import type { ClusterLayout } from '../layout/types';
import { type DeriveOptions, type InputFile, type Model, type PacketSpec, type Trace, type TraceSource } from '../model';
import { createComputeMarker, type NotComputed } from './computeMarker';
import type { AppState, GetState, LayerId, PacketRequest, Rederive, SetState, StoreDeps } from './types';
import { viewOf, type ModelView, type ViewState } from './view';
import { WorkerStopped } from './workerClient';

const errorCount = (m: Model) => m.diagnostics.filter((d) => d.severity === 'error').length;

/**
 * Whether the topology keeps the model it shows (of `previousObjects` objects) rather than
 * `next`: when the text has errors that lost objects (a half-typed line should not wipe the picture).
 */
export function keepShown(previousObjects: number | null, next: Model): boolean {
  if (previousObjects === null) return false;
  const lostObjects = next.manifests.length < previousObjects || next.state.nodes.length === 0;
  return errorCount(next) > 0 && lostObjects;
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
export function ingressRulesOf(model: Pick<Model, 'ingress'> | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of model?.ingress?.rows ?? []) {
    if (!row.served) continue;
    const service = `${row.ingress.split('/')[0]}/${row.backend.split(':')[0]}`;
    (out[service] ??= []).push(`${row.host || '*'}${row.path || '/'}`);
  }
  return out;
}

/** The drawing of a model with the layers shown, always including what the walk touches. */
export function layoutOf(model: Model, layers: Record<LayerId, boolean>, trace: Trace | null): ClusterLayout {
  const { builtin, services, nodeports, dns, loadbalancers, ingress } = layers;
  return layoutCluster(model.state, {
    builtin,
    services,
    nodePorts: nodeports,
    dns,
    loadBalancers: loadbalancers,
    ingress,
    ingressRules: ingress ? ingressRulesOf(model) : undefined,
    focus: focusOf(trace),
  });
}

/** A model derived here is laid out here; one from the worker was laid out there (the layout stays). */
export function layoutPatch(s: Pick<AppState, 'shown' | 'layers' | 'trace' | 'layout'>): Pick<AppState, 'layout'> {
  if (!s.shown) return { layout: null };
  return { layout: s.shown.full ? layoutOf(s.shown.full, s.layers, s.trace) : s.layout };
}

/** Whether a packet can still start where the learner chose (the view lists pods by name, so not the model's `sourceExists`). */
function hasSource(state: ViewState, from: TraceSource): boolean {
  if (from.kind === 'pod') return state.pods.includes(`${from.namespace}/${from.name}`);
  if (from.kind === 'node') return state.nodes.some((n) => n.metadata.name === from.name);
  return true;
}

/** The packet to follow in a model: the learner's choice while its source exists, else the one the text opens on. */
export function chooseSpec(model: Pick<ModelView, 'state' | 'opening'> | null, s: PacketRequest): PacketSpec | null {
  if (!model) return s.spec;
  const fallback = () => model.opening()?.spec ?? null;
  if (!s.specChosen || !s.spec) return fallback();
  if (!hasSource(model.state, s.spec.from)) return { ...s.spec, from: fallback()?.from ?? s.spec.from };
  return s.spec;
}

/** Walks the packet through the shown model, when it was derived here. */
export function walkPatch(
  s: Pick<AppState, 'shown' | 'spec' | 'specChosen'>,
  deps: Pick<StoreDeps, 'walkPacket'>,
): Pick<AppState, 'spec' | 'trace'> {
  const model = s.shown?.full;
  const spec = chooseSpec(s.shown, s);
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
  s: Pick<AppState, 'shown' | 'spec' | 'specChosen' | 'layers' | 'layout' | 'timing' | 'selectedStep'>,
  deps: Pick<StoreDeps, 'walkPacket'>,
): Partial<AppState> {
  const walk = walkPatch(s, deps);
  const layout = layoutPatch({ ...s, ...walk });
  return { ...walk, ...layout, ...timelinePatch({ ...s, ...walk, ...layout }) };
}

/** The patch that shows a model derived here: what the topology draws, its layout, the walk. */
export function modelPatch(s: AppState, model: Model, deps: Pick<StoreDeps, 'walkPacket'>): Partial<AppState> {
  const view = viewOf(model);
  const stale = s.shown !== null && keepShown(s.shown.objects, model);
  const shown = stale ? s.shown! : view;
  const next: AppState = { ...s, model: view, shown, stale };
  // A picture kept from the worker keeps its walk; one derived here is walked again (the packet may have changed).
  if (shown.full) Object.assign(next, tracePatch(next, deps));
  const { layout, spec, trace, timeline, t, selectedStep, playing, until } = next;
  return { model: view, shown, stale, layout, spec, trace, timeline, t, selectedStep, playing, until };
}

/** Texts larger than this are derived off the main thread when a worker is available. */
export const asyncThreshold = 40_000;
const debounceMs = 150;
/** A change this large is a paste or a replaced text, not typing: no pause to wait for. */
export const pasteChars = 1_000;

/** What the store derives with: `rederive` for every text, and the three moments of a safe start. */
export interface Deriver {
  rederive: Rederive;
  /** Derives the text held since the store was made (`StoreDeps.held`): the page has been shown. */
  release: () => void;
  /** Derives the editor's text again, in the worker under its time budget, whatever became of it before. */
  retry: () => void;
  /** The page is going away (a derive still running in the worker did not freeze it). */
  leave: () => void;
}

export function createRederive(set: SetState, get: GetState, deps: StoreDeps): Deriver {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let held = !!deps.held;
  /** A text arrived while held. */
  let waiting = false;
  /** Something failed in this tab: from now on every text goes to the worker, under its budget, never to the main thread. */
  let careful = false;
  const marker = createComputeMarker(deps.storage);
  /** No text has been derived yet this visit: the first may be the one that froze the last. */
  let first = true;
  /** The mark stays until the page has painted the result: drawing it can freeze the tab too. */
  const painted = (mark: string) => (deps.afterPaint ?? ((work) => work()))(() => marker.end(mark));

  /** The text stays in the editor, without a model, and the page says why. */
  const notComputed = (text: string, why: NotComputed) => {
    careful = !!deps.deriveAsync;
    const cleared = { model: null, shown: null, stale: false, comparison: null, trace: null, layout: null };
    set({ text, deriving: false, notComputed: why, ...cleared, ...timelinePatch({ ...get(), ...cleared }) });
  };

  /** `watched`: the text is marked in storage while it derives (a keystroke's small edit is not). */
  const deriveHere = (text: string, files: InputFile[], options: DeriveOptions, watched: boolean) => {
    const mark = watched ? marker.begin(text) : null;
    let model: Model;
    try {
      model = deps.deriveModel(files, options);
    } catch (err) {
      // The model promises not to throw; if it does, keep the app (and the learner's text) alive.
      console.error('deriveModel failed', err);
      marker.fail(text, 'failed');
      notComputed(text, 'failed');
      return;
    }
    set({ text, deriving: false, notComputed: null, ...modelPatch({ ...get(), text }, model, deps) });
    if (mark) painted(mark);
  };

  const rederive = (text: string, retry = false) => {
    const gen = ++generation;
    clearTimeout(timer);
    if (held) {
      waiting = true;
      set({ text, deriving: true, notComputed: null });
      return;
    }
    const why = retry ? null : marker.unsafe(text);
    if (why) return notComputed(text, why);
    const s = get();
    const files = [{ name: s.fileName, text }];
    const options = s.whatIf;
    const { deriveAsync } = deps;
    const pasted = Math.abs(text.length - s.text.length) > pasteChars;
    const firstHere = first;
    first = false;
    if (deriveAsync && (retry || careful || text.length > asyncThreshold)) {
      // The editor stays responsive: the model follows once typing pauses and the worker answers.
      set({ text, deriving: true, notComputed: null });
      timer = setTimeout(
        () => {
          const now = get();
          const packet = { spec: now.spec, specChosen: now.specChosen };
          const mark = marker.begin(text);
          deriveAsync({ files, options, packet, layers: now.layers, previousObjects: now.shown?.objects ?? null }).then(
            (answer) => {
              // Superseded by a later text (the worker dropped it, the page never decoded it).
              if (!answer || gen !== generation) return;
              painted(mark);
              const { view, stale, spec, trace, layout } = answer();
              const current = get();
              if (stale && current.shown) {
                set({ text, deriving: false, notComputed: null, model: view, stale: true });
                return;
              }
              const walked = { ...current, text, model: view, shown: view, stale: false, spec, trace, layout };
              set({
                text,
                deriving: false,
                notComputed: null,
                model: view,
                shown: view,
                stale: false,
                spec,
                trace,
                layout,
                ...timelinePatch(walked),
              });
            },
            (err) => {
              // Never derived here instead: what failed or took too long there would freeze the page.
              console.error('deriving in the worker failed', err);
              if (gen !== generation) return;
              const stopped = err instanceof WorkerStopped ? err.why : 'failed';
              marker.fail(text, stopped);
              notComputed(text, stopped);
            },
          );
        },
        retry || pasted ? 0 : debounceMs,
      );
      return;
    }
    // Storage is written around the derives that can be slow: the worker's (above), a visit's first
    // and a paste (stored at once by the text slice, so its mark and its text go together).
    // Typing into a small text already computed writes nothing, keystroke after keystroke.
    deriveHere(text, files, options, firstHere || pasted);
  };

  return {
    rederive: (text) => rederive(text),
    release: () => {
      if (!held) return;
      held = false;
      if (waiting) rederive(get().text);
    },
    retry: () => rederive(get().text, true),
    leave: () => marker.leave(),
  };
}
