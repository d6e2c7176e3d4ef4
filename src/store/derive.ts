// The chain of derived data: model -> shown model -> layout -> trace -> timeline.
// Each function takes what changed and returns the patch for the store.

import { arrivalOf, buildTimeline, frameAt } from '../anim/timeline';
import { layoutCluster } from '../layout/clusterLayout';
import type { Model } from '../model/model';
import { defaultSpec, sourceExists } from './defaultSpec';
import type { AppState, StoreDeps } from './types';

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

export function layoutPatch(s: Pick<AppState, 'shown' | 'layers'>): Pick<AppState, 'layout'> {
  return { layout: s.shown ? layoutCluster(s.shown.state, { builtin: s.layers.builtin, services: s.layers.services }) : null };
}

/** Recomputes the trace and its timeline, keeping the playhead on the same step when it can. */
export function tracePatch(
  s: Pick<AppState, 'shown' | 'spec' | 'specChosen' | 'layout' | 'timing' | 'selectedStep'>,
  deps: Pick<StoreDeps, 'traceModel'>,
): Partial<AppState> {
  const model = s.shown;
  let spec = s.spec;
  if (model && (!s.specChosen || !spec)) spec = defaultSpec(model.state);
  else if (model && spec && !sourceExists(model.state, spec.from)) spec = { ...spec, from: defaultSpec(model.state)?.from ?? spec.from };

  let trace = null;
  if (model && spec) {
    try {
      trace = deps.traceModel(model, spec);
    } catch (err) {
      // The model promises not to throw; if it does, keep the app (and the learner's text) alive.
      console.error('traceModel failed', err);
    }
  }
  const timeline = buildTimeline(trace, s.layout, s.timing);
  const step = timeline.segments.length ? Math.min(Math.max(s.selectedStep, 0), timeline.segments.length - 1) : -1;
  const t = step < 0 ? 0 : arrivalOf(timeline, step);
  return { spec, trace, timeline, t, selectedStep: frameAt(timeline, t)?.step ?? -1, playing: false, until: null };
}
