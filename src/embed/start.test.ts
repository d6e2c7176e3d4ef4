import { describe, expect, it } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { encodeShare } from '../share';
import { createAppStore } from '../store/appStore';
import { parseParams } from './params';
import { openSource } from './start';

const hostnames = scenarioText('hostnames');

/** Opens the player's address in a fresh store, with the site's files (and one other site) to fetch from. */
async function openAt(address: string, reducedMotion = false) {
  const url = new URL(address, 'https://site.example/packetwalk/');
  const files: Record<string, string> = {
    './scenarios/hostnames.yaml': hostnames,
    './scenarios/nodeport.yaml': scenarioText('nodeport'),
    'https://raw.example/web.yaml': hostnames.replaceAll('hostnames', 'web'),
  };
  const fetchFn = (async (input: RequestInfo | URL) => {
    const body = files[String(input)];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { headers: { 'content-type': 'text/plain' } });
  }) as typeof fetch;
  const store = createAppStore({ deriveModel, walkPacket, reducedMotion });
  const problem = await openSource(store, parseParams(url.search), { fetch: fetchFn, location: url, reducedMotion });
  return { store, problem };
}

const pods = (s: ReturnType<typeof createAppStore>) => s.getState().shown?.state.pods.map((p) => p.split('/')[1]) ?? [];

describe('openSource', () => {
  it('opens the default scenario at its first step', async () => {
    const { store, problem } = await openAt('embed.html');
    expect(problem).toBeNull();
    expect(store.getState().scenario).toBe('hostnames');
    expect(store.getState().selectedStep).toBe(0);
  });

  it('opens a gallery scenario at the step asked for (1-based)', async () => {
    const { store } = await openAt('embed.html?scenario=nodeport&step=4');
    expect(store.getState().scenario).toBe('nodeport');
    expect(store.getState().selectedStep).toBe(3);
  });

  it('opens a manifest from ?src= as text of no scenario', async () => {
    const { store, problem } = await openAt(`embed.html?src=${encodeURIComponent('https://raw.example/web.yaml')}`);
    expect(problem).toBeNull();
    expect(store.getState().scenario).toBeNull();
    expect(pods(store).filter((n) => n.startsWith('web-'))).toHaveLength(3);
  });

  it('says which scenario does not exist and shows nothing', async () => {
    const { store, problem } = await openAt('embed.html?scenario=hostname');
    expect(problem).toMatchObject({ params: { id: 'hostname' } });
    expect(store.getState().text).toBe('');
  });

  it('a link comes first and opens its own step; the query may move it', async () => {
    const fragment = await encodeShare({ v: 1, text: `${hostnames}\n# mine\n`, step: 6 });
    const linked = await openAt(`embed.html?scenario=nodeport#${fragment}`);
    expect(linked.store.getState().text).toBe(`${hostnames}\n# mine\n`);
    expect(linked.store.getState().selectedStep).toBe(5);
    expect((await openAt(`embed.html?step=2#${fragment}`)).store.getState().selectedStep).toBe(1);
  });

  it('says a damaged link is damaged instead of showing something else', async () => {
    const fragment = await encodeShare({ v: 1, text: hostnames });
    const { store, problem } = await openAt(`embed.html#${fragment.slice(0, 20)}`);
    expect(problem).toEqual({ key: 'ui.link.problem.corrupt' });
    expect(store.getState().text).toBe('');
  });

  it('autoplays, except under reduced motion', async () => {
    expect((await openAt('embed.html?autoplay=1')).store.getState().playing).toBe(true);
    expect((await openAt('embed.html?autoplay=1', true)).store.getState().playing).toBe(false);
  });
});
