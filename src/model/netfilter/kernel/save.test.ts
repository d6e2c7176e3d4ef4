// Loads restore texts into the real kernel and checks that renderSave prints exactly
// what the real iptables-save prints (the `#` header/footer lines aside).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../parse';
import { renderSave } from '../save';
import { NORMALISATION_CASES } from '../testdata/normalisation';
import { addNfacctObjects, kernelSkipReason, loadRules, saveRules, withNetns, withoutComments } from './harness';

const skip = kernelSkipReason(['nfacct']);
const fixture = (name: string) => readFileSync(new URL(`../testdata/${name}`, import.meta.url), 'utf8');

function kernelSave(text: string, family: 4 | 6 = 4): string {
  return withNetns(['save'], (ns) => {
    const loaded = loadRules(ns, text, family);
    if (loaded.code !== 0) throw new Error(`restore refused the input: ${loaded.stderr}`);
    return withoutComments(saveRules(ns, family));
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

  it('prints kubeproxy-dualstack-v6.restore as ip6tables-save does', () => {
    const text = fixture('kubeproxy-dualstack-v6.restore');
    const { ruleset, errors } = parseRuleset(text, 6);
    expect(errors).toEqual([]);
    const kernel = withNetns(['save6'], (ns) => {
      addNfacctObjects(ns, text);
      const loaded = loadRules(ns, text, 6);
      if (loaded.code !== 0) throw new Error(`ip6tables-restore refused the input: ${loaded.stderr}`);
      return withoutComments(saveRules(ns, 6));
    });
    expect(withoutComments(renderSave(ruleset))).toBe(kernel);
  });

  it('normalises every listed rule as the kernel does (all cases in one namespace per table)', () => {
    for (const [table, family] of [
      ['filter', 4],
      ['nat', 4],
      ['filter', 6],
      ['nat', 6],
    ] as const) {
      const cases = NORMALISATION_CASES.filter((c) => c.table === table && (c.family ?? 4) === family);
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
      const printed = kernelSave(text, family).split('\n');
      cases.forEach((c, i) => {
        const line = printed.find((l) => l.startsWith(`-A ${chains[i]} `) || l === `-A ${chains[i]}`);
        expect(line, c.what).toBe(c.saved.replace('-A X', `-A ${chains[i]}`));
      });
      expect(withoutComments(renderSave(parseRuleset(text, family).ruleset))).toBe(printed.join('\n'));
    }
  });
});
