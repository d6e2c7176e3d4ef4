// Offsets -> 1-based line:column in O(log n), so that thousands of diagnostics
// and SourceRef lookups stay cheap while the user types.

import type { SourcePos } from '../diagnostics';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  pos(offset: number): SourcePos {
    const at = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, offset: at, line: lo + 1, col: at - this.starts[lo] + 1 };
  }
}
