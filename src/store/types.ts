// The shape of the one app store. Derived data (model, layout, trace, timeline) is
// computed in actions, once; components only select.

import type { Timeline, Timing } from '../anim/timeline';
import type { Locale } from '../i18n/i18n';
import type { ClusterLayout } from '../layout/types';
import type {
  DeriveOptions,
  HttpRequest,
  InputFile,
  MigrationComparison,
  Model,
  PacketSpec,
  TextFix,
  Trace,
  TraceSource,
  TraceTarget,
  WalkFlags,
} from '../model';
import type { LinkProblem } from '../share/codec';
import type { NotComputed } from './computeMarker';
import type { ScenarioEntry } from './gallery';
import type { ModelView } from './view';

export interface StoreDeps {
  deriveModel: (files: InputFile[], options?: DeriveOptions) => Model;
  walkPacket: (model: Model, spec: PacketSpec) => Trace;
  /** Where the text and the language persist (with `removeItem`, a note removed leaves no key behind); null in tests. */
  storage: (Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>) | null;
  /**
   * Derives off the main thread (a Web Worker) for large texts, and walks and lays out there the
   * packet `chooseSpec` picks; the page gets the model's view, decoded when it calls the answer
   * (not at all if a later text made it stale). Undefined: a later request superseded it.
   * Absent: always synchronous.
   */
  deriveAsync?: (request: DeriveRequest) => Promise<(() => Derived) | undefined>;
  /** Walks a packet in the worker when `shown` is the view it sent last; undefined otherwise. */
  traceAsync?: (shown: ModelView, spec: PacketSpec, layers: Record<LayerId, boolean>) => Promise<Walked | undefined> | undefined;
  /** Walks `spec` through the worker's model derived again with `options` (a comparison); undefined when `shown` is not its view. */
  compareAsync?: (shown: ModelView, options: DeriveOptions, spec: PacketSpec) => Promise<Trace | null | undefined> | undefined;
  /** The migration's comparison from the worker's model (null: no Ingress); undefined when `shown` is not its view. */
  migrateAsync?: (shown: ModelView, added: readonly HttpRequest[]) => Promise<MigrationComparison | null | undefined> | undefined;
  /** Lays out the worker's model again with other layers shown; undefined when `shown` is not its view. */
  layoutAsync?: (shown: ModelView, layers: Record<LayerId, boolean>) => Promise<ClusterLayout | null | undefined> | undefined;
  locale: Locale;
  reducedMotion: boolean;
  /**
   * Derive nothing until `startDeriving()` (main.tsx calls it once the page has painted): a text
   * that arrives before (the restored one, a link's) is shown in the editor, not yet computed.
   */
  held?: boolean;
  /**
   * Runs `work` once the page has painted what the store holds now (main.tsx: after the next
   * frame); absent, at once. A derive's mark in storage is removed then, so a text whose drawing
   * freezes the tab is caught like one whose derive does.
   */
  afterPaint?: (work: () => void) => void;
}

export interface DeriveRequest {
  files: InputFile[];
  options: DeriveOptions;
  packet: PacketRequest;
  layers: Record<LayerId, boolean>;
  /** How many objects the model the page shows has (null: none shown), to keep it while a broken text lost some. */
  previousObjects: number | null;
}

/** A model derived in the worker, as the page gets it: its view, and the walk drawn (unless `stale`). */
export interface Derived {
  view: ModelView;
  stale: boolean;
  spec: PacketSpec | null;
  trace: Trace | null;
  layout: ClusterLayout | null;
}

export interface Walked {
  trace: Trace | null;
  layout: ClusterLayout | null;
}

/** What decides the packet to follow in a freshly derived model. */
export interface PacketRequest {
  spec: PacketSpec | null;
  specChosen: boolean;
}

export interface TextSlice {
  text: string;
  /** The file name diagnostics refer to. */
  fileName: string;
  /** Whether the text came from storage (so the default scenario must not replace it). */
  restored: boolean;
  /** A derivation is running off the main thread; `model` is still the previous text's. */
  deriving: boolean;
  /** The last write of the editor's text to storage failed (full, blocked): it lives only in this tab. */
  saveFailed: boolean;
  /**
   * Another tab stored a different text where this tab keeps its own unsaved edit; this tab writes
   * nothing there until the learner chooses (`keepMine` or `takeTheirs`).
   */
  theirs: { key: string; text: string } | null;
  /** The learner typed: the text is kept (as their own manifests, or as their edit of the scenario shown) once typing pauses. */
  setText: (text: string) => void;
  /** Writes the waiting edit now (the page is being hidden or closed). */
  saveText: () => void;
  /** Another tab wrote `key` (the `storage` event): followed silently, or offered as theirs if this tab has its own edit. */
  heardElsewhere: (key: string, value: string | null) => void;
  /** This tab's text is written over theirs. */
  keepMine: () => void;
  /** Their text replaces this tab's edit (in the editor, when it is the text shown). */
  takeTheirs: () => void;
}

export interface GallerySlice {
  gallery: ScenarioEntry[];
  /** The gallery scenario in the editor, or null for the learner's own manifests. */
  scenario: string | null;
  /** The learner changed the scenario shown (their edit is kept under that scenario). */
  edited: boolean;
  /** The learner's own manifests, kept while a scenario is shown; null if they never wrote any. */
  mine: string | null;
  /**
   * The editor shows a text opened from a link (`scenario` is the one it was made from, if any).
   * Opening it stores nothing; the learner's edits of it are kept as the editor's text only,
   * never as their own manifests or a scenario's draft.
   */
  shared: boolean;
  setGallery: (entries: ScenarioEntry[]) => void;
  /** Shows a scenario: the learner's earlier edit of it if there is one, else `original`. */
  openScenario: (id: string, original: string) => void;
  /** Throws the learner's edit of the scenario shown away. */
  resetScenario: (original: string) => void;
  backToMine: () => void;
  /**
   * Shows a text from a link with its packet, what-ifs, layers and step, storing nothing. A link of
   * the very text in the editor (a reload of the learner's own address) changes only the view.
   */
  openShared: (view: SharedView) => void;
  /** Walks one of a scenario's tries (its packet and what-ifs), or with null the packet the text opens on. */
  tryWalk: (walk: WalkFlags | null) => void;
}

/** Everything a link reproduces, as the store holds it. */
export interface SharedView {
  text: string;
  scenario: string | null;
  /** null: the packet the text opens on. */
  spec: PacketSpec | null;
  whatIf: WhatIf;
  layers: Record<LayerId, boolean>;
  /** 0-based, like `selectedStep`; clamped to the walk once derived. */
  step: number;
}

/** Layers the topology can show or hide; Ingress joins when the model puts it in the cluster. */
export type LayerId = 'services' | 'nodeports' | 'loadbalancers' | 'ingress' | 'dns' | 'overlay' | 'builtin';

/** What-if switches over the learner's manifests (kube-proxy's mode, nodes down …); empty = as written. */
export type WhatIf = DeriveOptions;

export interface ModelSlice {
  /** The model of the current text, with its diagnostics (as the page reads it: `view.ts`). */
  model: ModelView | null;
  /** The model the topology shows: the current one, or the last good one while the text parses to less. */
  shown: ModelView | null;
  stale: boolean;
  layout: ClusterLayout | null;
  layers: Record<LayerId, boolean>;
  /** The what-ifs the model is derived with; `{}` = what the manifests say. */
  whatIf: WhatIf;
  setLayer: (id: LayerId, on: boolean) => void;
  /** Sets some what-ifs (a key set to undefined goes back to what the manifests say) and re-derives. */
  setWhatIf: (patch: Partial<WhatIf>) => void;
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

/** One Service's two externalTrafficPolicy walks of the same packet, Cluster first. */
export interface EtpComparison {
  /** `namespace/name` */
  service: string;
  walks: { policy: 'Cluster' | 'Local'; trace: Trace | null }[];
}

export interface CompareSlice {
  /** The open "Compare Cluster and Local" view, kept in step with the walk; null when closed. */
  comparison: EtpComparison | null;
  /** Opens the comparison for a NodePort/LoadBalancer Service (derives a second model, flipped), or closes it. */
  compareEtp: (service: string | null) => void;
}

export type ProxyModeName = NonNullable<DeriveOptions['proxyMode']>;

/** The same packet walked in two of kube-proxy's modes, in the order the learner picked them. */
export interface ModeComparison {
  walks: { mode: ProxyModeName; trace: Trace | null }[];
}

export interface CompareModesSlice {
  /** The open "Compare proxy modes" view, kept in step with the walk; null when closed. */
  modeComparison: ModeComparison | null;
  /** Opens (or re-picks) the comparison of two modes (derives a model per mode not shown), or closes it. */
  compareModes: (modes: [ProxyModeName, ProxyModeName] | null) => void;
}

export interface MigrationSlice {
  /** The "Migrate to Gateway API" view is open. */
  migrationOpen: boolean;
  /** Its comparison, of the model shown and the learner's requests; null while closed or computing. */
  migration: MigrationComparison | null;
  /** Requests the learner added to the table. */
  migrationAdded: HttpRequest[];
  openMigration: (open: boolean) => void;
  addMigrationRequest: (request: HttpRequest) => void;
  /** Computes the comparison again (the model shown changed). */
  followMigration: () => void;
  /** Puts the converted paste in the editor as an undoable edit, and closes the view. */
  openMigrated: () => void;
}

export interface LinkSlice {
  /** Why the link the page was opened with (or pasted into it) could not be opened; null when none. */
  linkProblem: LinkProblem | null;
  setLinkProblem: (problem: LinkProblem | null) => void;
}

export interface ComputeSlice {
  /**
   * Why the editor's text has no model (safe mode): an earlier visit stopped responding while
   * computing it ('froze'), it ran over the worker's time budget ('timeout'), or computing it
   * failed ('failed'). null: it is computed, or being computed.
   */
  notComputed: NotComputed | null;
  /** Derives what arrived while the store was `held`. */
  startDeriving: () => void;
  /** Computes the editor's text again, in the worker under its time budget. */
  tryAgain: () => void;
  /** The page is being closed: a derive still running in the worker is not a frozen tab. */
  pageLeft: () => void;
}

export interface LocaleSlice {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export interface EditorSlice {
  /** A request to move the editor's cursor; `nonce` makes repeated jumps to one place count. */
  jump: { line: number; col: number; nonce: number } | null;
  jumpTo: (line: number, col: number) => void;
  /** A fix the learner applied, for the editor to make as an edit of its own (Ctrl+Z undoes it); `nonce` as for `jump`. */
  edit: { fix: TextFix; nonce: number } | null;
  /** Applies a diagnostic's fix to the text, if the model it came with is of the text in the editor now. */
  applyFix: (fix: TextFix) => void;
}

export interface PickSlice {
  /** A rule the learner picked in the chain ladder of a step: its chain and its line in the node's listing (in nftables mode, iptables' or nftables'). */
  pickedRule: { step: number; chain: string; line: number } | null;
  pickRule: (step: number, chain: string, line: number) => void;
}

export type AppState = PickSlice &
  ComputeSlice &
  LinkSlice &
  TextSlice &
  GallerySlice &
  ModelSlice &
  PacketSlice &
  PlayheadSlice &
  LocaleSlice &
  EditorSlice &
  CompareSlice &
  CompareModesSlice &
  MigrationSlice;

export type SetState = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
export type GetState = () => AppState;

/** Derives the model of a text and everything after it (layout, trace, timeline) into the store. */
export type Rederive = (text: string) => void;
