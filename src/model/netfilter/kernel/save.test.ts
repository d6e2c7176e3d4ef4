// Loads restore texts into the real kernel and checks that renderSave prints exactly
// what the real iptables-save prints (the `#` header/footer lines aside).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../parse';
import { renderSave } from '../save';
import { NORMALISATION_CASES } from '../testdata/normalisation';
import { kernelSkipReason, loadRules, saveRules, withNetns, withoutComments } from './harness';

const skip = kernelSkipReason();
const fixture = (name: string) => readFileSync(new URL(`../testdata/${name}`, import.meta.url), 'utf8');

function kernelSave(text: string): string {
  return withNetns(['save'], (ns) => {
    const loaded = loadRules(ns, text);
    if (loaded.code !== 0) throw new Error(`iptables-restore refused the input: ${loaded.stderr}`);
    return withoutComments(saveRules(ns));
  });
}

describe.skipIf(skip)(`renderSave against the kernel${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const name of ['seed-hostnames.restore', 'kubeproxy-hostnames.restore']) {
    it(`prints ${name} as iptables-save does`, () => {
      const text = fixture(name);
      const { ruleset, errors } = parseRuleset(text);
      expect(errors).toEqual([]);
      expect(withoutComments(renderSave(ruleset))).toBe(kernelSave(text));
    });
  }

  it('normalises every listed rule as the kernel does (all cases in one namespace per table)', () => {
    for (const table of ['filter', 'nat'] as const) {
      const cases = NORMALISATION_CASES.filter((c) => c.table === table);
      // One chain per case, so the kernel's listing can be read back case by case.
      const chains = cases.map((_, i) => `C${i}`);
      const text = [
        `*${table}`,
        ':X - [0:0]',
        ':Y - [0:0]',
        ...chains.map((c) => `:${c} - [0:0]`),
        ...cases.map((c, i) => c.rule.replace('-A X', `-A ${chains[i]}`)),
        'COMMIT',
        '',
      ].join('\n');
      const printed = kernelSave(text).split('\n');
      cases.forEach((c, i) => {
        const line = printed.find((l) => l.startsWith(`-A ${chains[i]} `) || l === `-A ${chains[i]}`);
        expect(line, c.what).toBe(c.saved.replace('-A X', `-A ${chains[i]}`));
      });
      expect(withoutComments(renderSave(parseRuleset(text).ruleset))).toBe(printed.join('\n'));
    }
  });
});
