// Text inside a string field (MetalLB's old `data.config`) is read as YAML of its own;
// its problems must still point into the file. Each line of the value is found where it
// is written in the scalar (a `|` block keeps lines verbatim, only indented); a line that
// cannot be found (escapes, folding) points at the scalar itself.

import type { Reports } from './decode';
import type { YScalar } from './yamlTree';

/** Maps an offset in `value` (the decoded string of `node`) to an offset in `fileText`. */
export function embeddedOffsets(fileText: string, node: YScalar, value: string): (offset: number) => number {
  const lineStarts: number[] = []; // inner line start -> file offset of that line, or -1
  const innerStarts: number[] = [];
  let cursor = node.start;
  let inner = 0;
  for (const line of value.split('\n')) {
    const at = fileText.indexOf(line, cursor);
    const found = at >= 0 && at + line.length <= node.end;
    innerStarts.push(inner);
    lineStarts.push(found ? at : -1);
    if (found) cursor = at + line.length;
    inner += line.length + 1;
  }
  return (offset) => {
    let lo = 0;
    let hi = innerStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (innerStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    return lineStarts[i] < 0 ? node.start : lineStarts[i] + offset - innerStarts[i];
  };
}

/** A Reports for the text inside `node` that forwards to `outer` at file offsets. */
export function embeddedReports(outer: Reports, fileText: string, node: YScalar, value: string): Reports {
  const at = embeddedOffsets(fileText, node, value);
  return {
    report(severity, code, params, start, end) {
      outer.report(severity, code, params, at(start), end === undefined ? undefined : at(end));
    },
  };
}
