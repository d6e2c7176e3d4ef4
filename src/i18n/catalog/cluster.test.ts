import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterEn, clusterZh } from './cluster';
import { dumpEn, dumpZh } from './dump';
import { nftKernelEn, nftKernelZhCN } from './nftKernel';
import { rangesEn, rangesZh } from './ranges';

const dir = join(__dirname, '../../model/cluster');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

describe('cluster message catalogue', () => {
  it('has every diagnostic code and event reason the reconciler emits, in both languages', () => {
    const diagnostics = [...sources.matchAll(/diagnostic\(\s*'(?:error|warning|info)',\s*'([^']+)'/g)].map((m) => `diag.${m[1]}`);
    const reasons = [
      ...sources.matchAll(/type:\s*'(?:Normal|Warning)',\s*reason:\s*'([A-Za-z]+)'/g),
      ...sources.matchAll(/this\.event\([^,]+,\s*'(?:Normal|Warning)',\s*'([A-Za-z]+)'/g),
    ].map((m) => `event.${m[1]}`);
    expect(diagnostics.length).toBeGreaterThan(20);
    expect(reasons).toEqual(expect.arrayContaining(['event.Scheduled', 'event.FailedScheduling', 'event.SuccessfulCreate']));
    // The cluster's ranges, what a dump adds and the nftables kernel check have catalogues of their own.
    const en = { ...clusterEn, ...rangesEn, ...dumpEn, ...nftKernelEn };
    const zh: Record<string, string> = { ...clusterZh, ...rangesZh, ...dumpZh, ...nftKernelZhCN };
    for (const key of [...diagnostics, ...reasons]) {
      expect(en, key).toHaveProperty([key]);
      expect(zh[key], key).toBeTruthy();
    }
  });

  it('uses the same placeholders in Chinese as in English', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(clusterEn) as (keyof typeof clusterEn)[]) {
      expect(new Set(names(clusterZh[key])), key).toEqual(new Set(names(clusterEn[key])));
    }
  });
});
