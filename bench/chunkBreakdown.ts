// What each script chunk of a built page is made of, as figures: for every chunk the page loads
// up front (and any lazy chunk named with --also), its bytes per source module read from the
// build's source maps, grouped by package or source folder, with what removing each group would
// save gzipped (the chunk gzipped with and without that group's code). Builds nothing: build
// the site with source maps first.
//
//   npx vite build --outDir /tmp/dist --emptyOutDir --sourcemap
//   npx tsx bench/chunkBreakdown.ts --dist /tmp/dist [--page embed.html] [--also en-,zh-CN-] [--modules 15]

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { flag } from './harness';

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source index of every segment of one line of a source map's `mappings`, with its column. */
function decodeLine(line: string, state: { source: number }): { column: number; source: number | null }[] {
  const segments: { column: number; source: number | null }[] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = base64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0];
    if (fields.length > 1) state.source += fields[1];
    segments.push({ column, source: fields.length > 1 ? state.source : null });
  }
  return segments;
}

/** Each source's share of a chunk's characters: a segment owns the text up to the next segment. */
function ownedRanges(code: string, map: { sources: string[]; mappings: string }): Map<string, [number, number][]> {
  const owned = new Map<string, [number, number][]>();
  const own = (name: string, from: number, to: number) => {
    if (to > from) owned.set(name, [...(owned.get(name) ?? []), [from, to]]);
  };
  const lines = code.split('\n');
  const state = { source: 0 };
  let offset = 0;
  map.mappings.split(';').forEach((mapped, i) => {
    const line = lines[i] ?? '';
    const segments = decodeLine(mapped, state);
    if (segments.length === 0 || segments[0].column > 0) own('(no source)', offset, offset + (segments[0]?.column ?? line.length));
    segments.forEach((s, j) => {
      const end = segments[j + 1]?.column ?? line.length;
      own(s.source === null ? '(no source)' : map.sources[s.source], offset + s.column, offset + end);
    });
    offset += line.length + 1;
  });
  // Lines past the map's last (the sourceMappingURL comment).
  own('(no source)', offset, code.length);
  return owned;
}

/** node_modules/<package> or the source folder two levels down (src/model/netfilter). */
function groupOf(source: string, depth: number): string {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const src = source.match(/(?:^|\/)(src\/.*)$/);
  if (!src) return source;
  const parts = src[1].split('/');
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/') || src[1];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The chunks a page's HTML loads before any script runs: its module script and module preloads. */
function upFront(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
}

function breakdown(dist: string, chunk: string, depth: number, modules: number): void {
  const path = join(dist, 'assets', chunk);
  const code = readFileSync(path, 'utf8');
  const gzip = gzipSync(code).length;
  console.log(`\n  ${chunk}: ${kb(code.length)}, ${kb(gzip)} gzip`);
  if (!existsSync(`${path}.map`)) {
    console.log('    (no source map)');
    return;
  }
  const owned = ownedRanges(code, JSON.parse(readFileSync(`${path}.map`, 'utf8')));
  const groups = new Map<string, [number, number][]>();
  for (const [source, ranges] of owned) {
    const group = groupOf(source, depth);
    groups.set(group, [...(groups.get(group) ?? []), ...ranges]);
  }
  const bytesOf = (ranges: [number, number][]) => ranges.reduce((sum, [from, to]) => sum + to - from, 0);
  /** The chunk gzipped with the group's characters left out: the saving if the group moved elsewhere. */
  const withoutGzip = (ranges: [number, number][]) => {
    const mask = new Uint8Array(code.length);
    for (const [from, to] of ranges) mask.fill(1, from, to);
    let kept = '';
    let start = -1;
    for (let i = 0; i <= code.length; i++) {
      const keep = i < code.length && !mask[i];
      if (keep && start < 0) start = i;
      if (!keep && start >= 0) {
        kept += code.slice(start, i);
        start = -1;
      }
    }
    return gzipSync(kept).length;
  };
  const rows = [...groups].map(([group, ranges]) => ({ group, bytes: bytesOf(ranges), saves: gzip - withoutGzip(ranges) }));
  rows.sort((a, b) => b.bytes - a.bytes);
  console.log(`    ${'bytes'.padStart(9)} ${'gzip saved'.padStart(11)}  group (without it)`);
  for (const r of rows) console.log(`    ${kb(r.bytes).padStart(9)} ${kb(r.saves).padStart(11)}  ${r.group}`);
  if (modules > 0) {
    const top = [...owned].map(([source, ranges]) => ({ source, bytes: bytesOf(ranges) })).sort((a, b) => b.bytes - a.bytes);
    console.log(`    largest modules:`);
    for (const m of top.slice(0, modules)) console.log(`    ${kb(m.bytes).padStart(9)}  ${m.source.replace(/^(\.\.\/)+/, '')}`);
  }
}

export function benchChunkBreakdown(argv: string[]): void {
  const dist = resolve(flag(argv, 'dist') ?? 'dist');
  const pages = (flag(argv, 'page') ?? 'embed.html,index.html').split(',');
  const also = flag(argv, 'also')?.split(',') ?? [];
  const depth = Number(flag(argv, 'depth') ?? 3);
  const modules = Number(flag(argv, 'modules') ?? 0);
  const assets = readdirSync(join(dist, 'assets'));
  console.log(`\nChunk breakdown — ${dist} (bytes as built; "gzip saved": the chunk's gzip size minus its size without the group)`);
  for (const page of pages) {
    const lazy = assets.filter((a) => a.endsWith('.js') && also.some((prefix) => a.startsWith(prefix)));
    console.log(`\n${page}: up front, then ${lazy.length ? lazy.join(', ') : 'no lazy chunk'}`);
    for (const chunk of [...upFront(dist, page), ...lazy]) breakdown(dist, chunk, depth, modules);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchChunkBreakdown(process.argv.slice(2));
