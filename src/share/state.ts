// What a link carries: everything that reproduces one step of one walk — the text (always, even
// for a gallery scenario, so the link means the same thing after the scenario file changes), the
// packet in the command line's own words, the what-ifs, the layers and the step. Defaults are left
// out to keep links short. `isShareStateV1` checks a decoded link field by field: a link is
// untrusted input.

import {
  formatSourceArg,
  formatTargetArg,
  parseHeaderArg,
  parseMethodArg,
  parseSourceArg,
  parseTargetArg,
  type DeriveOptions,
  type L4Proto,
  type PacketSpec,
} from '../model';
import type { AppStore } from '../store/appStore';
import { defaultLayers } from '../store/slices/model';
import type { AppState, LayerId } from '../store/types';

export interface SharePacket {
  /** As `--from` spells it: `pod/NS/NAME`, `node/NAME`, `client` or `client/IP`. */
  from: string;
  /** As `--to` spells it: `IP:PORT`, `NAME:PORT` or an `http(s)://` URL. */
  to: string;
  /** `--protocol`; absent = tcp. */
  protocol?: Exclude<L4Proto, 'tcp'>;
  seed?: number;
  /** `--endpoint IP:PORT` */
  endpoint?: string;
  /** `--method`, for a URL; absent = GET. */
  method?: string;
  /** Each `--header 'Name: value'`, for a URL, in order. */
  headers?: string[];
}

export interface ShareState {
  v: 1;
  /** The manifests, as in the editor. */
  text: string;
  /** The gallery scenario the text is (or was edited from). */
  scenario?: string;
  /** Absent: the packet the text opens on. */
  packet?: SharePacket;
  /** 1-based, as "Step 3 of 29" says it; absent = 1. */
  step?: number;
  whatIf?: DeriveOptions;
  /** Only the layers that differ from the defaults (all on). */
  layers?: Partial<Record<LayerId, boolean>>;
  /** The Service (`namespace/name`) of an open "Compare Cluster and Local". */
  compare?: string;
}

export function shareStateOf(s: AppState): ShareState {
  const whatIf = compactWhatIf(s.whatIf);
  const layers = Object.fromEntries(Object.entries(s.layers).filter(([id, on]) => defaultLayers[id as LayerId] !== on));
  return {
    v: 1,
    text: s.text,
    ...(s.scenario ? { scenario: s.scenario } : {}),
    ...(s.spec ? { packet: packetOf(s.spec) } : {}),
    ...(s.selectedStep > 0 ? { step: s.selectedStep + 1 } : {}),
    ...(Object.keys(whatIf).length ? { whatIf } : {}),
    ...(Object.keys(layers).length ? { layers } : {}),
    ...(s.comparison ? { compare: s.comparison.service } : {}),
  };
}

/**
 * Shows the link's text with its packet, what-ifs and layers, and goes to its step once the model
 * is derived (here, or later in the worker for a large text). Nothing of the learner's is stored.
 */
export function applyShareState(store: AppStore, state: ShareState): void {
  const { text, scenario, packet, step, whatIf, layers, compare } = state;
  store.getState().setLinkProblem(null);
  store.getState().openShared({
    text,
    scenario: scenario ?? null,
    spec: packet ? specOf(packet) : null,
    whatIf: whatIf ?? {},
    layers: { ...defaultLayers, ...layers },
    step: Math.max((step ?? 1) - 1, 0),
  });
  if (!compare) return;
  // The comparison walks the same packet through a flipped model: it needs the walk first.
  if (!store.getState().deriving) return store.getState().compareEtp(compare);
  const stop = store.subscribe((s) => {
    if (s.text !== text) return stop();
    if (s.deriving) return;
    // Stopped first: opening the comparison changes the store, which calls this again.
    stop();
    s.compareEtp(compare);
  });
}

function packetOf(spec: PacketSpec): SharePacket {
  const proto = spec.to.kind === 'url' ? 'tcp' : spec.to.proto;
  return {
    from: formatSourceArg(spec.from),
    to: formatTargetArg(spec.to),
    ...(proto !== 'tcp' ? { protocol: proto } : {}),
    ...(spec.seed !== undefined ? { seed: spec.seed } : {}),
    ...(spec.endpoint ? { endpoint: spec.endpoint } : {}),
    ...(spec.to.kind === 'url' && spec.to.method ? { method: spec.to.method } : {}),
    ...(spec.to.kind === 'url' && spec.to.headers?.length ? { headers: spec.to.headers.map((h) => `${h.name}: ${h.value}`) } : {}),
  };
}

/** Only for a packet `isShareStateV1` accepted: both ends parse. */
function specOf(p: SharePacket): PacketSpec {
  const to = parseTargetArg(p.to, p.protocol ?? 'tcp')!;
  if (to.kind === 'url') {
    if (p.method) to.method = p.method;
    if (p.headers?.length) to.headers = p.headers.map((h) => parseHeaderArg(h)!);
  }
  return {
    from: parseSourceArg(p.from)!,
    to,
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...(p.endpoint ? { endpoint: p.endpoint } : {}),
  };
}

/** The what-ifs that change something: empty lists and maps say nothing. */
function compactWhatIf(w: DeriveOptions): DeriveOptions {
  return {
    ...(w.proxyMode ? { proxyMode: w.proxyMode } : {}),
    ...(w.downNodes?.length ? { downNodes: w.downNodes } : {}),
    ...(w.notReadyPods?.length ? { notReadyPods: w.notReadyPods } : {}),
    ...(w.externalTrafficPolicy && Object.keys(w.externalTrafficPolicy).length ? { externalTrafficPolicy: w.externalTrafficPolicy } : {}),
  };
}

// Validation of a decoded v1 state. Unknown keys are refused too: a v1 link has exactly these.

type Check = (x: unknown) => boolean;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (max: number) => (x: unknown) => typeof x === 'string' && x.length <= max;
const isName = isString(253);
const isNamespaced = (x: unknown) => typeof x === 'string' && /^[^/\s]{1,253}\/[^/\s]{1,253}$/.test(x);
const isListOf = (item: Check) => (x: unknown) => Array.isArray(x) && x.length <= 1000 && x.every(item);
const isOneOf = (values: readonly unknown[]) => (x: unknown) => values.includes(x);

function hasOnly(x: unknown, fields: Record<string, Check>): boolean {
  if (!isObject(x)) return false;
  return Object.entries(x).every(([key, value]) => Object.hasOwn(fields, key) && fields[key]!(value));
}

const isPacket: Check = (x) =>
  hasOnly(x, {
    from: (v) => typeof v === 'string' && parseSourceArg(v) !== undefined,
    to: (v) => typeof v === 'string' && v.length <= 2048 && parseTargetArg(v) !== undefined,
    protocol: isOneOf(['udp', 'sctp']),
    seed: Number.isSafeInteger,
    endpoint: (v) => typeof v === 'string' && /^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(v),
    method: (v) => typeof v === 'string' && v.length <= 64 && parseMethodArg(v) !== undefined,
    headers: (v) =>
      Array.isArray(v) && v.length <= 100 && v.every((h) => typeof h === 'string' && h.length <= 8192 && parseHeaderArg(h) !== undefined),
  }) &&
  'from' in (x as object) &&
  'to' in (x as object);

const isWhatIf: Check = (x) =>
  hasOnly(x, {
    proxyMode: isOneOf(['iptables', 'ipvs', 'nftables']),
    downNodes: isListOf(isName),
    notReadyPods: isListOf(isNamespaced),
    externalTrafficPolicy: (v) => isObject(v) && Object.entries(v).every(([k, p]) => isNamespaced(k) && (p === 'Cluster' || p === 'Local')),
  });

const isLayers: Check = (x) =>
  hasOnly(x, Object.fromEntries(Object.keys(defaultLayers).map((id) => [id, (v: unknown) => typeof v === 'boolean'])));

const stateFields: Record<string, Check> = {
  v: (x) => x === 1,
  text: (x) => typeof x === 'string',
  scenario: (x) => typeof x === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(x),
  packet: isPacket,
  step: (x) => Number.isSafeInteger(x) && (x as number) >= 1,
  whatIf: isWhatIf,
  layers: isLayers,
  compare: isNamespaced,
};

export function isShareStateV1(x: unknown): x is ShareState {
  return hasOnly(x, stateFields) && (x as { v?: unknown }).v === 1 && typeof (x as { text?: unknown }).text === 'string';
}
