// What the embed shows when its address has no `#v1.` link: a raw manifest from `?src=` (any
// CORS-enabled host), a gallery scenario from `?scenario=`, else the default scenario. Whatever
// comes back is untrusted text: it is only ever parsed as YAML and rendered as text. A failure is
// a message for the page (an alert), never an exception.

import type { MessageKey } from '../i18n/en';
import type { Params } from '../i18n/i18n';
import { parseGallery } from '../store/gallery';
import { readCapped } from '../share/readCapped';

export const defaultScenario = 'hostnames';

export const srcLimits = {
  timeoutMs: 10_000,
  /** The most of a manifest the player reads; reading stops there. */
  bytes: 1024 * 1024,
};

export interface Problem {
  key: MessageKey;
  params?: Params;
}

export type Loaded = { ok: true; text: string; scenario: string | null } | { ok: false; problem: Problem };

type Fetch = typeof fetch;

interface SrcOptions {
  fetch: Fetch;
  /** The embed page's address, against which a relative `src` is read. */
  base: string;
  limits?: typeof srcLimits;
}

/** A manifest from another site: http(s) only, within the time and size limits, and not a web page. */
export async function loadSrc(src: string, { fetch: fetchFn, base, limits = srcLimits }: SrcOptions): Promise<Loaded> {
  const url = parseUrl(src, base);
  if (!url) return fail('embed.problem.srcAddress', { url: src });
  const shown = url.href;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  try {
    // No cookies or credentials go to the other site; only a CORS-readable answer is read.
    const response = await fetchFn(url.href, { signal: abort.signal, credentials: 'omit', mode: 'cors', redirect: 'follow' });
    if (!response.ok) return fail('embed.problem.srcStatus', { url: shown, status: String(response.status) });
    if (/text\/html|application\/xhtml/i.test(response.headers.get('content-type') ?? ''))
      return fail('embed.problem.srcHtml', { url: shown });
    const text = await readText(response, limits.bytes);
    if (text === null) return fail('embed.problem.srcTooLarge', { url: shown, size: `${Math.round(limits.bytes / 1024 / 1024)} MB` });
    if (/^\s*</.test(text)) return fail('embed.problem.srcHtml', { url: shown });
    return { ok: true, text, scenario: null };
  } catch {
    if (abort.signal.aborted) return fail('embed.problem.srcTimeout', { url: shown, seconds: limits.timeoutMs / 1000 });
    return fail('embed.problem.srcNetwork', { url: shown });
  } finally {
    clearTimeout(timer);
  }
}

/** A gallery scenario by id; a misspelt id is named back with the ids there are. */
export async function loadScenario(id: string, fetchFn: Fetch): Promise<Loaded> {
  if (/^[a-z0-9][a-z0-9-]*$/i.test(id)) {
    try {
      const r = await fetchFn(`./scenarios/${id}.yaml`);
      if (r.ok) return { ok: true, text: await r.text(), scenario: id };
    } catch {
      // Said below, with the list of scenarios.
    }
  }
  const ids = await galleryIds(fetchFn);
  return ids.length ? fail('embed.problem.scenario', { id, ids: ids.join(', ') }) : fail('embed.problem.scenarioAlone', { id });
}

async function galleryIds(fetchFn: Fetch): Promise<string[]> {
  try {
    const r = await fetchFn('./scenarios/index.json');
    return r.ok ? parseGallery(await r.json()).map((e) => e.id) : [];
  } catch {
    return [];
  }
}

function parseUrl(src: string, base: string): URL | null {
  try {
    const url = new URL(src, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The body as text, or null once it passes `cap` bytes (reading stops there). */
async function readText(response: Response, cap: number): Promise<string | null> {
  if (!response.body) return '';
  const bytes = await readCapped(response.body.getReader(), cap);
  return bytes === 'too-large' ? null : new TextDecoder().decode(bytes);
}

const fail = (key: MessageKey, params?: Params): Loaded => ({ ok: false, problem: { key, params } });
