// A readable line diff for conformance failures: which lines of our text the kernel
// printed differently, with a little context, instead of two 200-line blobs.

export interface DiffLabels {
  expected: string;
  actual: string;
}

const CONTEXT = 2;

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** Unified-style diff of two texts ('' when they are equal). `-` lines are only in `expected`, `+` only in `actual`. */
export function lineDiff(expected: string, actual: string, labels: DiffLabels = { expected: 'expected', actual: 'actual' }): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  const ops = diffOps(a, b);
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const out = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  let i = 0;
  while (i < changed.length) {
    // Grow a hunk while the next change is within twice the context of the last.
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - changed[j] <= 2 * CONTEXT + 1) j++;
    const from = Math.max(0, changed[i] - CONTEXT);
    const to = Math.min(ops.length - 1, changed[j] + CONTEXT);
    out.push(`@@ line ${ops[from].a + 1} of ${labels.expected}, line ${ops[from].b + 1} of ${labels.actual} @@`);
    for (let k = from; k <= to; k++) out.push(`${ops[k].kind}${ops[k].line}`);
    i = j + 1;
  }
  return out.join('\n');
}

/** Longest-common-subsequence edit script; the texts compared here are a few hundred lines. */
function diffOps(a: string[], b: string[]): Op[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i], a: i++, b: j++ });
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i], a: i++, b: j });
    else ops.push({ kind: '+', line: b[j], a: i, b: j++ });
  }
  return ops;
}
