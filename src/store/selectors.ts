// Cheap reads of the store. Anything heavier is computed once in an action.

import type { Step } from '../model';
import type { AppState } from './types';

export const selectText = (s: AppState) => s.text;
export const selectLocale = (s: AppState) => s.locale;
export const selectModel = (s: AppState) => s.model;
export const selectShown = (s: AppState) => s.shown;
export const selectStale = (s: AppState) => s.stale;
export const selectLayout = (s: AppState) => s.layout;
export const selectLayers = (s: AppState) => s.layers;
export const selectTrace = (s: AppState) => s.trace;
export const selectTimeline = (s: AppState) => s.timeline;
export const selectSpec = (s: AppState) => s.spec;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectStepIndex = (s: AppState) => s.selectedStep;
export const selectT = (s: AppState) => s.t;

/** Diagnostics of the current text (not of the last good model the topology may show). */
export const selectDiagnostics = (s: AppState) => s.model?.diagnostics ?? noDiagnostics;
const noDiagnostics: never[] = [];

export const selectActiveStep = (s: AppState): Step | undefined => s.trace?.steps[s.selectedStep];

export const selectStepCount = (s: AppState) => s.trace?.steps.length ?? 0;

/** The playhead has reached the last step: the outcome is what the learner sees. */
export const selectAtEnd = (s: AppState) => s.timeline.segments.length > 0 && s.selectedStep === s.timeline.segments.length - 1;
