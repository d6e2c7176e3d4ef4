// The gallery: ready-made scenarios listed in public/scenarios/index.json.

import type { Locale } from '../i18n/i18n';

export interface ScenarioEntry {
  id: string;
  /** File name under scenarios/. */
  file: string;
  /** Title per language; English is always there. */
  title: { en: string } & Partial<Record<Locale, string>>;
}

const idPattern = /^[a-z0-9][a-z0-9-]*$/i;
const filePattern = /^[a-z0-9][a-z0-9._-]*\.ya?ml$/i;

/** The entries of index.json that are well formed; anything else is skipped, never thrown. */
export function parseGallery(json: unknown): ScenarioEntry[] {
  if (!Array.isArray(json)) return [];
  const out: ScenarioEntry[] = [];
  for (const e of json) {
    if (typeof e !== 'object' || e === null) continue;
    const { id, file, title } = e as Record<string, unknown>;
    if (typeof id !== 'string' || !idPattern.test(id) || typeof file !== 'string' || !filePattern.test(file)) continue;
    if (typeof title !== 'object' || title === null || typeof (title as Record<string, unknown>).en !== 'string') continue;
    const titles = Object.fromEntries(Object.entries(title).filter(([, v]) => typeof v === 'string')) as ScenarioEntry['title'];
    if (!out.some((x) => x.id === id)) out.push({ id, file, title: titles });
  }
  return out;
}

export function scenarioTitle(entry: ScenarioEntry, locale: Locale): string {
  return entry.title[locale] ?? entry.title.en;
}

/** Where the app's own files are, relative to the page (the site may live under any sub-path). */
export async function fetchText(path: string): Promise<string> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${r.status} ${path}`);
  return r.text();
}

export async function fetchGallery(): Promise<ScenarioEntry[]> {
  return parseGallery(JSON.parse(await fetchText('./scenarios/index.json')));
}

export function fetchScenario(entry: ScenarioEntry): Promise<string> {
  return fetchText(`./scenarios/${entry.file}`);
}
