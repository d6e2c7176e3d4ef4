// The shape of the one app store. Derived data (model, layout, trace, timeline) is
// computed in actions, once; components only select.

import type { Timeline, Timing } from '../anim/timeline';
import type { Locale } from '../i18n/i18n';
import type { ClusterLayout } from '../layout/types';
import type { InputFile, Model } from '../model/model';
import type { PacketSpec, Trace, TraceSource, TraceTarget } from '../model/trace/types';

export interface StoreDeps {
  deriveModel: (files: InputFile[]) => Model;
  traceModel: (model: Model, spec: PacketSpec) => Trace;
  /** Where the text and the language persist; null in tests. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  locale: Locale;
  reducedMotion: boolean;
}

export interface TextSlice {
  text: string;
  /** The file name diagnostics refer to. */
  fileName: string;
  /** Whether the text came from storage (so the default scenario must not replace it). */
  restored: boolean;
  setText: (text: string) => void;
}

export type LayerId = 'services' | 'overlay' | 'builtin';

export interface ModelSlice {
  /** The model of the current text, with its diagnostics. */
  model: Model | null;
  /** The model the topology shows: the current one, or the last good one while the text parses to less. */
  shown: Model | null;
  stale: boolean;
  layout: ClusterLayout | null;
  layers: Record<LayerId, boolean>;
  setLayer: (id: LayerId, on: boolean) => void;
}

export interface PacketSlice {
  spec: PacketSpec | null;
  /** The learner picked the packet; otherwise it follows the scenario's default. */
  specChosen: boolean;
  trace: Trace | null;
  timeline: Timeline;
  setFrom: (from: TraceSource) => void;
  setTo: (to: TraceTarget) => void;
}

export interface PlayheadSlice {
  /** Milliseconds into the timeline at 1x. */
  t: number;
  playing: boolean;
  speed: number;
  /** Where a "step forward" travel stops. */
  until: number | null;
  /** The step the playhead is at (-1 without a trace). */
  selectedStep: number;
  timing: Timing;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  seek: (t: number) => void;
  tick: (dtMs: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  goToStep: (step: number) => void;
  setSpeed: (speed: number) => void;
  setReducedMotion: (reduced: boolean) => void;
}

export interface LocaleSlice {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export interface EditorSlice {
  /** A request to move the editor's cursor; `nonce` makes repeated jumps to one place count. */
  jump: { line: number; col: number; nonce: number } | null;
  jumpTo: (line: number, col: number) => void;
}

export type AppState = TextSlice & ModelSlice & PacketSlice & PlayheadSlice & LocaleSlice & EditorSlice;

export type SetState = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;
