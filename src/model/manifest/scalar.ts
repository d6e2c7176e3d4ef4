// Plain scalars resolved the way kubectl reads YAML: sigs.k8s.io/yaml on top of
// go-yaml v2, i.e. YAML 1.1 (`yes`/`on` are booleans, `0777` is octal), except that
// go-yaml has no sexagesimal integers (`1:20` stays a string) and timestamps stay
// strings once converted to JSON.

import { NOT_RESOLVED, YAML11_SCHEMA, type ScalarTagDefinition } from 'js-yaml';

export type ScalarValue = string | number | boolean | null;

const TAG_PREFIX = 'tag:yaml.org,2002:';

const implicitTags = YAML11_SCHEMA.tags.filter(
  (t): t is ScalarTagDefinition =>
    t.nodeKind === 'scalar' && t.implicit && t.tagName !== `${TAG_PREFIX}timestamp` && t.tagName !== `${TAG_PREFIX}merge`,
);

function asScalar(value: unknown, text: string): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  return text;
}

export function resolvePlain(text: string): ScalarValue {
  const first = text.charAt(0);
  for (const tag of implicitTags) {
    if (tag.implicitFirstChars !== null && !tag.implicitFirstChars.includes(first)) continue;
    const value = tag.resolve(text, false, tag.tagName);
    if (value === NOT_RESOLVED) continue;
    if (typeof value === 'number' && text.includes(':')) return text;
    return asScalar(value, text);
  }
  return text;
}

/** `!!int 12`, `!!str 12`, `!<tag:yaml.org,2002:bool> true`; local or unknown tags read as untagged. */
export function resolveTagged(tagText: string, text: string, plain: boolean): ScalarValue {
  const name = tagText.startsWith('!!')
    ? TAG_PREFIX + tagText.slice(2)
    : tagText.startsWith('!<') && tagText.endsWith('>')
      ? tagText.slice(2, -1)
      : '';
  if (name === `${TAG_PREFIX}str`) return text;
  const tag = YAML11_SCHEMA.tags.find((t): t is ScalarTagDefinition => t.nodeKind === 'scalar' && t.tagName === name);
  if (tag) {
    const value = tag.resolve(text, true, name);
    if (value !== NOT_RESOLVED) return asScalar(value, text);
  }
  return plain ? resolvePlain(text) : text;
}
