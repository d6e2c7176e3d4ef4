// The catalogues are spread into one record per language, so a key written in two of them is
// silently overwritten by the later one (diag.object.duplicate once showed the cluster's text
// with the parser's parameters, `{file}:{line}` unfilled). Each key lives in one catalogue.

import { describe, expect, it } from 'vitest';

const catalogues = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });

describe('message catalogues', () => {
  it('define each key in one catalogue only', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, module] of Object.entries(catalogues)) {
      const english = Object.entries(module).filter(([name]) => name.endsWith('En'));
      expect(english, file).toHaveLength(1);
      for (const key of Object.keys(english[0][1] as object)) {
        if (owner.has(key)) twice.push(`${key} (${owner.get(key)}, ${file})`);
        owner.set(key, file);
      }
    }
    expect(owner.size).toBeGreaterThan(500);
    expect(twice).toEqual([]);
  });
});
