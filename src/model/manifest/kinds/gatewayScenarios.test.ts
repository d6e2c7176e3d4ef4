// The gallery's Gateway API scenarios (public/scenarios/gateway-*.yaml, ingress-migrate.yaml) and
// their gallery entries: every object is one the API server takes, and every text is in both languages.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';

const dir = new URL('../../../../public/scenarios/', import.meta.url);
const lessons = ['gateway-basics', 'gateway-hostnames', 'gateway-canary', 'gateway-https-redirect', 'ingress-migrate'];
const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as {
  id: string;
  file: string;
  title: Record<string, string>;
  about: Record<string, string>;
  tries: { label: Record<string, string>; walk: string }[];
}[];
const entries = index.filter((s) => lessons.includes(s.id));

describe('the Gateway API gallery scenarios', () => {
  it.each(entries.map((d) => d.file))('%s parses without a message and says the packet to walk', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const { manifests, diagnostics } = parseManifests([{ name: file, text }]);
    expect(diagnostics).toEqual([]);
    expect(manifests.every((m) => !m.rejected)).toBe(true);
    expect(text).toMatch(/^# packetwalk: --from client --to https?:\/\/\S+$/m);
  });

  it('lists each of the five the issue names in the gallery, with a title, text and tries in English and Chinese', () => {
    expect(entries.map((d) => d.id)).toEqual(lessons);
    for (const d of entries)
      for (const text of [d.title, d.about, ...d.tries.map((t) => t.label)]) {
        expect(text.en).toBeTruthy();
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
  });

  it('names the kinds each lesson is about', () => {
    const kinds = (file: string) =>
      parseManifests([{ name: file, text: readFileSync(new URL(file, dir), 'utf8') }]).manifests.map((m) => m.object.kind);
    expect(kinds('gateway-basics.yaml').filter((k) => k === 'HTTPRoute')).toHaveLength(2);
    expect(kinds('gateway-hostnames.yaml')).toContain('ReferenceGrant');
    expect(kinds('gateway-https-redirect.yaml')).toContain('Secret');
    expect(kinds('ingress-migrate.yaml').filter((k) => k === 'Ingress')).toHaveLength(2);
  });
});
