// Fuzzing the whole pipeline with the gallery's manifests (and the legacy forms), damaged the way a learner's edit
// damages them (lines deleted or doubled, a value of the wrong type, indentation moved, an
// anchor and alias added, the text cut short): deriving the model and walking the packet it
// opens on never throws, every diagnostic points inside the text, and nothing hangs.
// fast-check shrinks a failure to the fewest, smallest edits; FC_SEED/FC_RUNS vary the search.

import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveModel, openingPacket, walkPacket } from '../index';
import { legacyIngressYaml, legacyMetalLBYaml } from '../manifest/testdata/legacy';

const dir = new URL('../../../public/scenarios/', import.meta.url);
const gallery = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));
// The old forms a learner copies from blog posts, which the gallery does not show (a third of the runs).
const legacy = [
  { name: 'legacy-metallb.yaml', text: legacyMetalLBYaml },
  { name: 'legacy-ingress.yaml', text: legacyIngressYaml },
];

/** Values of other types than a field expects, including the ones the legacy converters once tripped on. */
const WRONG_VALUES = ['5', '[null]', 'hello', '{}', '[]', 'null', 'true', '"80"', '-1', '[a, {b: c}]', '*nowhere', '!!binary x'];

type Edit =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'retype'; line: number; value: string }
  | { op: 'indent'; line: number; by: number }
  | { op: 'alias'; anchor: number; use: number }
  | { op: 'truncate'; permille: number };

// Wrong types are what the decoders must answer at the field, so they come most often.
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('retype' as const), line: fc.nat(), value: fc.constantFrom(...WRONG_VALUES) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom(-4, -2, -1, 1, 2, 4) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('alias' as const), anchor: fc.nat(), use: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), permille: fc.integer({ min: 0, max: 1000 }) }), weight: 1 },
);

/** `key: value` split at its first `: ` (or a trailing `:`), else undefined. */
function keyOf(line: string): { key: string; value: string } | undefined {
  const m = /^(\s*(?:- )?[^\s:#][^:#]*:)(?: (.*))?$/.exec(line);
  return m ? { key: m[1], value: m[2] ?? '' } : undefined;
}

function apply(text: string, e: Edit): string {
  if (e.op === 'truncate') return text.slice(0, Math.floor((text.length * e.permille) / 1000));
  const lines = text.split('\n');
  const at = (n: number) => n % lines.length;
  // Values change where there is a key: the n-th `key:` line.
  const keyLines = lines.flatMap((l, i) => (keyOf(l) ? [i] : []));
  const keyAt = (n: number) => keyLines[n % keyLines.length] ?? 0;
  switch (e.op) {
    case 'delete':
      lines.splice(at(e.line), 1);
      break;
    case 'duplicate':
      lines.splice(at(e.line), 0, lines[at(e.line)]);
      break;
    case 'retype': {
      // The whole value changes type: a block under the key goes with it.
      const i = keyAt(e.line);
      const kv = keyOf(lines[i]);
      if (!kv) break;
      const indent = lines[i].length - lines[i].trimStart().length;
      const under = (l: string) => {
        const own = l.length - l.trimStart().length;
        // A block sequence may sit at its key's own indentation (`key:` then `- item`).
        return (
          l.trim() !== '' && (own > indent || (own === indent && l.trimStart().startsWith('- ') && !lines[i].trimStart().startsWith('- ')))
        );
      };
      let end = i + 1;
      while (end < lines.length && under(lines[end])) end++;
      lines.splice(i, end - i, `${kv.key} ${e.value}`);
      break;
    }
    case 'indent': {
      const line = lines[at(e.line)];
      lines[at(e.line)] = e.by > 0 ? ' '.repeat(e.by) + line : line.slice(Math.min(-e.by, line.length - line.trimStart().length));
      break;
    }
    case 'alias': {
      const anchor = keyOf(lines[keyAt(e.anchor)]);
      const use = keyOf(lines[keyAt(e.use)]);
      if (!anchor || !use) break;
      lines[keyAt(e.anchor)] = `${anchor.key} &fz ${anchor.value}`;
      lines[keyAt(e.use)] = `${use.key} *fz`;
      break;
    }
  }
  return lines.join('\n');
}

describe('the gallery, damaged by random edits', () => {
  it('derives and walks without throwing; every diagnostic is inside the text; no run takes 2 s', () => {
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: fc.constantFrom(...gallery), weight: 2 }, fc.constantFrom(...legacy)),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (scenario, edits) => {
          const text = edits.reduce(apply, scenario.text);
          const started = performance.now();
          const files = [{ name: scenario.name, text }];
          const model = deriveModel(files);
          const opening = openingPacket(files, model.state);
          if (opening) walkPacket(model, opening.spec);
          const took = performance.now() - started;
          // A hang guard, not a benchmark: the slowest scenario takes a small fraction of this.
          expect(took, 'milliseconds to derive and walk').toBeLessThan(2000);

          const lines = text.split('\n');
          for (const d of model.diagnostics) {
            expect(d.code, JSON.stringify(d.params)).not.toMatch(/internal/);
            if (d.file !== scenario.name) continue; // about the cluster, not a place in the text
            expect(d.offset).toBeGreaterThanOrEqual(0);
            expect(d.offset).toBeLessThanOrEqual(text.length);
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.line).toBeLessThanOrEqual(lines.length);
            expect(d.col).toBeGreaterThanOrEqual(1);
            expect(d.col).toBeLessThanOrEqual(lines[d.line - 1].length + 1);
            if (d.endOffset !== undefined) expect(d.endOffset).toBeLessThanOrEqual(text.length);
          }
        },
      ),
    );
  });
});
