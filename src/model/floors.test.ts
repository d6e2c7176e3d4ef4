// The model's floors (floors.json) over its whole import graph: no file imports a floor above
// its own, and no imports form a cycle. ESLint refuses an upward import as it is typed; only
// the whole graph shows a cycle.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(new URL(import.meta.url).pathname);

interface Floors {
  floors: { name: string; paths: string[] }[];
  knownCycles: { from: string; to: string }[];
}

const spec = JSON.parse(readFileSync(join(ROOT, 'floors.json'), 'utf8')) as Floors;

type Graph = Map<string, { spec: string; target: string }[]>;

const isTestFile = (path: string): boolean => /(^|\/)(test[^/]*|[^/]*\.test)\.ts$/.test(path);

function sourceFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    const rel = relative(ROOT, path);
    return rel.endsWith('.ts') && !isTestFile(rel) ? [rel] : [];
  });
}

/** Every relative module a file names: static imports, re-exports and dynamic imports. */
function importSpecifiers(text: string): string[] {
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]).filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  if (existsSync(join(ROOT, `${base}.ts`))) return `${base}.ts`;
  if (existsSync(join(ROOT, base, 'index.ts'))) return join(base, 'index.ts');
  if (base.endsWith('.json') && existsSync(join(ROOT, base))) return base;
  return undefined;
}

function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    graph.set(
      file,
      importSpecifiers(text).map((s) => ({ spec: s, target: resolveImport(file, s) ?? `${s} (not found)` })),
    );
  }
  return graph;
}

const inPath = (file: string, path: string): boolean => (path.endsWith('/') ? file.startsWith(path) : file === path);

function floorOf(file: string): number {
  return spec.floors.findIndex((f) => f.paths.some((p) => inPath(file, p)));
}

const known = (from: string, to: string): boolean => spec.knownCycles.some((k) => inPath(from, k.from) && inPath(to, k.to));

/** Strongly connected components of two or more files (or a file importing itself): Tarjan's algorithm. */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('the floors of src/model', () => {
  const graph = importGraph();

  it('give every source file a floor', () => {
    expect([...graph.keys()].filter((f) => floorOf(f) < 0)).toEqual([]);
  });

  it('resolve every relative import', () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((i) => i.target.endsWith('(not found)')).map((i) => `${file}: '${i.spec}'`),
    );
    expect(missing).toEqual([]);
  });

  it('import nothing from a floor above', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((i) => floorOf(i.target) > floorOf(file))
        .map((i) => `${file} (${spec.floors[floorOf(file)].name}) imports '${i.spec}' (${spec.floors[floorOf(i.target)].name})`),
    );
    expect(upward).toEqual([]);
  });

  it('form no import cycle', () => {
    const edges = new Map([...graph].map(([file, imports]) => [file, imports.map((i) => i.target).filter((t) => !known(file, t))]));
    expect(cycles(edges).map((c) => `cycle among ${c.join(', ')}`)).toEqual([]);
  });

  it('list each known cycle only while it exists', () => {
    const stale = spec.knownCycles.filter(
      (k) => ![...graph].some(([file, imports]) => inPath(file, k.from) && imports.some((i) => inPath(i.target, k.to))),
    );
    expect(stale.map((k) => `${k.from} → ${k.to}`)).toEqual([]);
  });
});

describe('the floor checks themselves', () => {
  it('find cycles, self-imports included, and leave a chain alone', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('read imports, re-exports and dynamic imports over several lines, and skip packages', () => {
    const text = `import { a,\n  b } from './one';\nexport type * from '../two';\nimport 'vitest';\nconst c = import('./three');\nimport { load } from 'js-yaml';`;
    expect(importSpecifiers(text)).toEqual(['./one', '../two', './three']);
  });
});
