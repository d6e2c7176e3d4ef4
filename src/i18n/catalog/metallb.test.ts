import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metallbEn, metallbZh } from './metallb';

const dir = join(__dirname, '../../model/metallb');
// MetalLB's own code, and the converter of its retired ConfigMap (next to the parser that reads it).
const sources = [
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f)),
  join(__dirname, '../../model/manifest/kinds/metallbLegacyConfig.ts'),
]
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

describe('MetalLB message catalogue', () => {
  it('has every diagnostic code and event reason the model emits, in both languages', () => {
    const codes = [
      ...sources.matchAll(/diagnostic\(\s*'(?:error|warning|info)',\s*'([^']+)'/g),
      ...sources.matchAll(/code: '(metallb\.[^']+)'/g),
    ].map((m) => `diag.${m[1]}`);
    const reasons = [...sources.matchAll(/(?:event\(svc, '(?:Normal|Warning)', |reason: )'([A-Za-z]+)'/g)].map((m) => `event.${m[1]}`);
    expect(codes).toEqual(expect.arrayContaining(['diag.metallb.configRejected', 'diag.metallb.legacyConfig']));
    expect(reasons).toEqual(expect.arrayContaining(['event.IPAllocated', 'event.AllocationFailed', 'event.nodeAssigned']));
    for (const key of [...codes, ...reasons]) {
      expect(metallbEn, key).toHaveProperty([key]);
      expect(metallbZh[key as keyof typeof metallbEn], key).toBeTruthy();
    }
  });

  it('uses the same placeholders in Chinese as in English', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(metallbEn) as (keyof typeof metallbEn)[])
      expect(names(metallbZh[key]), key).toEqual(names(metallbEn[key]));
  });
});
