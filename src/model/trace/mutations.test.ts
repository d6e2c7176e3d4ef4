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
import { MODEL_LIMITS } from '../limits';

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

// Issue 14's hostile texts, generated: every `replicas:` of a scenario set anywhere up to 2^31-1
// (or negative, fractional, a string, past int32), its documents moved into nested `kind: List`s
// with anchors and aliases, and the billion-laughs List next to them. Each run ends within the
// hang guard, says what it refused or capped where the text asked for it, and keeps the rest.

const withReplicas = gallery.filter((s) => /^\s*replicas: /m.test(s.text));
const listBomb = readFileSync(new URL('../../../e2e/fixtures/hostile/list-alias-bomb.yaml', import.meta.url), 'utf8');

/** What a `replicas:` value may be: near the cap, anywhere in int32, or a value the API server refuses. */
const replicasValue = fc.oneof(
  fc.integer({ min: 0, max: 2 * MODEL_LIMITS.podsPerWorkload }),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.constantFrom<number | string>(2 ** 31 - 1, 2 ** 31, -1, -(2 ** 31), 2.5, 1e100, '"5000"', 'many', '[3]'),
);

/** One document as an item of a List: `- &dN` and the document indented under it. */
const item = (doc: string, i: number) => `- &d${i}\n${doc.replace(/^/gm, '  ')}`;
/** A List holding `body` (a block sequence) as its items. */
const list = (body: string) => `apiVersion: v1\nkind: List\nitems:\n${body}`;
/** `text` (one mapping) as the only item of a List around it. */
const nest = (text: string) => list(text.replace(/^/gm, '  ').replace(/^ {2}/, '- '));

function hostileText(text: string, values: (number | string)[], depth: number, aliases: number[], bomb: boolean): string {
  let n = 0;
  const replaced = text.replace(/^(\s*replicas: ).*$/gm, (_, key: string) => `${key}${values[n++ % values.length]}`);
  const docs = replaced.split(/^---\s*$/m).filter((d) => /^\w/m.test(d));
  let out = list([...docs.map(item), ...aliases.map((a) => `- *d${a % docs.length}`)].join('\n'));
  for (let level = 1; level < depth; level++) out = nest(out);
  return bomb ? `${out}\n---\n${listBomb}` : out;
}

describe('hostile replicas and aliases through nested Lists', () => {
  it('derive and walk within the hang guard; a capped or refused replicas is said at its line; a bomb is refused and the rest kept', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withReplicas),
        fc.array(replicasValue, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        (scenario, values, depth, aliases, bomb) => {
          const text = depth === 0 ? scenario.text : hostileText(scenario.text, values, depth, aliases, bomb);
          const started = performance.now();
          const files = [{ name: scenario.name, text }];
          const model = deriveModel(files);
          const opening = openingPacket(files, model.state);
          if (opening) walkPacket(model, opening.spec);
          expect(performance.now() - started, 'milliseconds to derive and walk').toBeLessThan(2000);
          expect(model.diagnostics.map((d) => d.code).filter((c) => /internal/.test(c))).toEqual([]);
          if (depth === 0) return;

          const lines = text.split('\n');
          const at = (code: RegExp, value: number | string) =>
            model.diagnostics.filter((d) => code.test(d.code) && lines[d.line - 1]?.trim() === `replicas: ${value}`);
          for (const value of values.slice(0, lines.filter((l) => /^\s*replicas: /.test(l)).length)) {
            if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 31) {
              // Over the cap: a warning that says how many of how many; within it, nothing about replicas.
              const capped = at(/^limits\.podsPerWorkload$/, value);
              if (value > MODEL_LIMITS.podsPerWorkload) expect(capped.map((d) => d.params.replicas)).toContain(value);
              else expect(capped).toEqual([]);
            } else {
              expect(at(/^field\./, value), `replicas: ${value}`).not.toEqual([]);
            }
          }
          const workloads = model.state.workloads ?? [];
          for (const w of workloads)
            expect(
              model.state.pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === w.metadata.uid)).length,
            ).toBeLessThanOrEqual(MODEL_LIMITS.podsPerWorkload);
          expect(model.diagnostics.some((d) => d.code === 'yaml.aliasLimit')).toBe(bomb);
          // The scenario's Services are still there whatever else was refused.
          expect(model.state.services.length).toBeGreaterThan(2);
        },
      ),
      { numRuns: Math.ceil((fc.readConfigureGlobal().numRuns ?? 100) / 5) },
    );
  });
});
