// kube-proxy's modes side by side: the same packet walked through the model in two proxy modes.
// The mode the picture shows is the walk already made; the other comes from a model derived with
// the mode overridden (in the worker when the page has one). The UI only reads the two walks.

import type { DeriveOptions, Trace } from '../../model';
import type { AppState, CompareModesSlice, GetState, ModeComparison, ProxyModeName, SetState, StoreDeps } from '../types';

type Compared = Pick<AppState, 'shown' | 'spec' | 'trace' | 'whatIf'>;

/** The mode the picture shows: the manifests' (a KubeProxyConfiguration, else iptables) or the what-if's. */
export const shownMode = (s: Pick<AppState, 'shown'>): ProxyModeName | undefined => s.shown?.state.config.proxy.mode;

/** The pair offered first: the shown mode against nftables, or iptables against nftables when nftables is shown. */
export function defaultModes(now: ProxyModeName | undefined): [ProxyModeName, ProxyModeName] {
  return now && now !== 'nftables' ? [now, 'nftables'] : ['iptables', 'nftables'];
}

const optionsFor = (s: Compared, mode: ProxyModeName): DeriveOptions => ({ ...s.whatIf, proxyMode: mode });

/** Walks the packet in one mode here: the shown walk when that is the mode, else through a model derived for it. */
function walkHere(s: Compared, mode: ProxyModeName, deps: Pick<StoreDeps, 'deriveModel' | 'walkPacket'>): Trace | null {
  if (mode === shownMode(s)) return s.trace;
  try {
    return deps.walkPacket(deps.deriveModel(s.shown!.files, optionsFor(s, mode)), s.spec!);
  } catch (err) {
    // The model promises not to throw; if it does, that column is empty.
    console.error(`deriving kube-proxy's ${mode} mode failed`, err);
    return null;
  }
}

/** Both walks of the packet the learner follows, derived here; null without a packet. */
export function compareModesPatch(
  s: Compared,
  modes: [ProxyModeName, ProxyModeName],
  deps: Pick<StoreDeps, 'deriveModel' | 'walkPacket'>,
): ModeComparison | null {
  if (!s.spec || !s.shown) return null;
  return { walks: modes.map((mode) => ({ mode, trace: walkHere(s, mode, deps) })) };
}

/**
 * The same walks with the other modes derived in the worker, one after the other (a second request
 * would supersede the first there); a mode the worker cannot answer for is derived here. undefined:
 * the worker dropped the request for a newer one, which asks again.
 */
async function walkInWorker(s: Compared, modes: [ProxyModeName, ProxyModeName], deps: StoreDeps): Promise<ModeComparison | undefined> {
  const walks: ModeComparison['walks'] = [];
  for (const mode of modes) {
    const pending = mode === shownMode(s) ? undefined : deps.compareAsync?.(s.shown!, optionsFor(s, mode), s.spec!);
    const trace = pending ? await pending : walkHere(s, mode, deps);
    if (trace === undefined) return undefined;
    walks.push({ mode, trace });
  }
  return { walks };
}

export function createCompareModesSlice(set: SetState, get: GetState, deps: StoreDeps): CompareModesSlice {
  return {
    modeComparison: null,
    compareModes: (modes) => {
      const s = get();
      if (!modes || !s.spec || !s.shown) return set({ modeComparison: null });
      // The page holds the whole model only when it derived it; otherwise the worker does.
      if (!deps.compareAsync || s.shown.full) return set({ modeComparison: compareModesPatch(s, modes, deps) });
      walkInWorker(s, modes, deps).then(
        (comparison) => {
          const now = get();
          // A later walk or edit asks again.
          if (!comparison || now.spec !== s.spec || now.shown !== s.shown || now.trace !== s.trace) return;
          set({ modeComparison: comparison });
        },
        (err) => console.error('comparing proxy modes in the worker failed', err),
      );
    },
  };
}

/** The modes of an open comparison to walk again: the walk changed (a new packet, an edit, another what-if). */
export function modesToFollow(s: AppState, previous: AppState): [ProxyModeName, ProxyModeName] | null {
  if (!s.modeComparison || (s.trace === previous.trace && s.shown === previous.shown)) return null;
  const [a, b] = s.modeComparison.walks;
  return [a.mode, b.mode];
}
