// What the embed opens, in this order: the `#v1.` link in its address, else `?src=`, else
// `?scenario=`, else the default scenario. Then the query's step and autoplay. The player's store
// keeps nothing (no storage), so the reader's own PacketWalk text on this site is never touched.

import { declaredWalk } from '../model';
import type { AppStore } from '../store/appStore';
import { defaultLayers } from '../store/slices/model';
import { whenWalked } from './messages';
import type { EmbedParams } from './params';
import { defaultScenario, loadScenario, loadSrc, type Problem } from './source';

export interface StartDeps {
  fetch: typeof fetch;
  /** The page's address: its hash holds the link, a relative `src` is read against it. */
  location: Pick<Location, 'hash' | 'href'>;
  reducedMotion: boolean;
}

/** Opens what the address asks for; resolves to what went wrong, or null once it is shown. */
export async function openSource(store: AppStore, params: EmbedParams, deps: StartDeps): Promise<Problem | null> {
  const problem = await show(store, params, deps);
  if (problem) return problem;
  whenWalked(store, (s) => {
    if (params.step !== null) s.goToStep(Math.min(params.step, s.timeline.segments.length) - 1);
    // Never under reduced motion: the reader starts it when they choose.
    if (params.autoplay && !deps.reducedMotion) store.getState().play();
  });
  return null;
}

async function show(store: AppStore, params: EmbedParams, { fetch, location }: StartDeps): Promise<Problem | null> {
  // Anything that looks like a versioned link is one, so a damaged link is said, not skipped.
  if (/^#v\d/.test(location.hash)) {
    // Only a link needs its decoder: a scenario's first step does not wait for it.
    const { applyShareState, decodeShare } = await import('../share');
    const decoded = await decodeShare(location.hash.slice(1));
    if (!decoded.ok) return { key: `ui.link.problem.${decoded.problem}` };
    applyShareState(store, decoded.state);
    return null;
  }
  const loaded = params.src
    ? await loadSrc(params.src, { fetch, base: location.href })
    : await loadScenario(params.scenario ?? defaultScenario, fetch);
  if (!loaded.ok) return loaded.problem;
  if (loaded.scenario) {
    store.getState().openScenario(loaded.scenario, loaded.text);
  } else {
    // A manifest from elsewhere opens like a link without a packet: on the walk and what-ifs its `# packetwalk:` line asks for.
    const whatIf = declaredWalk([{ name: '', text: loaded.text }]).walk?.flags.whatIf ?? {};
    store.getState().openShared({ text: loaded.text, scenario: null, spec: null, whatIf, layers: { ...defaultLayers }, step: 0 });
  }
  return null;
}
