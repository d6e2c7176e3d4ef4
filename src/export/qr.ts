// A QR code as one SVG path, so the share dialog and the exported picture draw it the same way.

import { encode } from 'uqr';

/** The dark modules as one path (1 unit a module, quiet zone not included); null when the text is too long for any QR version. */
export function qrCode(text: string): { size: number; path: string } | null {
  let matrix: boolean[][];
  try {
    matrix = encode(text, { ecc: 'L', border: 0 }).data;
  } catch {
    return null;
  }
  let path = '';
  matrix.forEach((row, y) => {
    // One rectangle per run of dark modules keeps the path short.
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      path += `M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`;
      x = end;
    }
  });
  return { size: matrix.length, path };
}
