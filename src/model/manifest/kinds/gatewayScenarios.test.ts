// The gallery's Gateway API scenarios (public/scenarios/gateway-*.yaml, ingress-migrate.yaml) and
// their draft index entries: every object is one the API server takes, and every text is in both languages.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';

const dir = new URL('../../../../public/scenarios/', import.meta.url);
const draft = JSON.parse(readFileSync(new URL('gateway-index-draft.json', dir), 'utf8')) as {
  id: string;
  file: string;
  title: Record<string, string>;
  about: Record<string, string>;
  tries: { label: Record<string, string>; walk: string }[];
}[];

describe('the Gateway API gallery scenarios', () => {
  it.each(draft.map((d) => d.file))('%s parses without a message and says the packet to walk', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const { manifests, diagnostics } = parseManifests([{ name: file, text }]);
    expect(diagnostics).toEqual([]);
    expect(manifests.every((m) => !m.rejected)).toBe(true);
    expect(text).toMatch(/^# packetwalk: --from client --to https?:\/\/\S+$/m);
  });

  it('has each of the five the issue names, with a title, text and tries in English and Chinese', () => {
    expect(draft.map((d) => d.id)).toEqual([
      'gateway-basics',
      'gateway-hostnames',
      'gateway-canary',
      'gateway-https-redirect',
      'ingress-migrate',
    ]);
    for (const d of draft)
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
