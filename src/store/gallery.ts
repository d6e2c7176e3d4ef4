// The gallery: ready-made scenarios listed in public/scenarios/index.json, each with its title,
// what it teaches ("about") and a few walks to try, in English and Simplified Chinese.

import type { Locale } from '../i18n/i18n';
import { parseWalkFlags, type WalkFlags } from '../model';

/** Text per language; English is always there. */
export type LocalText = { en: string } & Partial<Record<Locale, string>>;

export interface ScenarioTry {
  label: LocalText;
  /** The walk and what-ifs, written as `packetwalk trace` flags in index.json. */
  walk: WalkFlags;
}

export interface ScenarioEntry {
  id: string;
  /** File name under scenarios/. */
  file: string;
  title: LocalText;
  /** What the scenario shows; paragraphs separated by a blank line. */
  about?: LocalText;
  /** Two to four other walks to try. */
  tries: ScenarioTry[];
}

const idPattern = /^[a-z0-9][a-z0-9-]*$/i;
const filePattern = /^[a-z0-9][a-z0-9._-]*\.ya?ml$/i;
const maxTries = 4;

function localText(value: unknown): LocalText | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as Record<string, unknown>).en !== 'string') return undefined;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as LocalText;
}

/** A try whose label or walk does not parse (an unknown flag, a bad value) is left out. */
function parseTry(value: unknown): ScenarioTry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { label, walk } = value as Record<string, unknown>;
  const text = localText(label);
  if (!text || typeof walk !== 'string') return undefined;
  const parsed = parseWalkFlags(walk);
  if (parsed.diagnostics.length > 0 || (!parsed.flags.from && !parsed.flags.to && !Object.keys(parsed.flags.whatIf).length))
    return undefined;
  return { label: text, walk: parsed.flags };
}

/** The entries of index.json that are well formed; anything else is skipped, never thrown. */
export function parseGallery(json: unknown): ScenarioEntry[] {
  if (!Array.isArray(json)) return [];
  const out: ScenarioEntry[] = [];
  for (const e of json) {
    if (typeof e !== 'object' || e === null) continue;
    const { id, file, title, about, tries } = e as Record<string, unknown>;
    if (typeof id !== 'string' || !idPattern.test(id) || typeof file !== 'string' || !filePattern.test(file)) continue;
    const titles = localText(title);
    if (!titles || out.some((x) => x.id === id)) continue;
    const entry: ScenarioEntry = { id, file, title: titles, tries: [] };
    const aboutText = localText(about);
    if (aboutText) entry.about = aboutText;
    if (Array.isArray(tries)) entry.tries = tries.flatMap((t) => parseTry(t) ?? []).slice(0, maxTries);
    out.push(entry);
  }
  return out;
}

/** The text in the learner's language, else in English. */
export function localized(text: LocalText, locale: Locale): string {
  return text[locale] ?? text.en;
}

export function scenarioTitle(entry: ScenarioEntry, locale: Locale): string {
  return localized(entry.title, locale);
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
