// A manifest copied from a page that dropped its line breaks (a blog, a chat) arrives as one line,
// `apiVersion: v1 kind: Service metadata: name: web …`. YAML then reads one long value, or stops
// at an error the learner cannot place. A top-level key written after a value on the same line
// says what happened; flow style (`{apiVersion: v1, kind: Pod}`), list items and comments are not that.

const KEY_AFTER_VALUE = /(\S)[ \t]+(apiVersion|kind):(?=[ \t\r\n]|$)/g;

/** The first line where `apiVersion:` or `kind:` follows a value on it: the line's [start, end) and that key. */
export function flattenedLine(text: string): { start: number; end: number; key: string } | undefined {
  KEY_AFTER_VALUE.lastIndex = 0;
  for (let m = KEY_AFTER_VALUE.exec(text); m; m = KEY_AFTER_VALUE.exec(text)) {
    if (',{[-?'.includes(m[1])) continue; // flow style, a list item (`- apiVersion:`), a complex key
    const start = text.lastIndexOf('\n', m.index) + 1;
    if (text.slice(start, m.index).includes('#')) continue;
    const end = text.indexOf('\n', m.index);
    return { start, end: end < 0 ? text.length : end, key: m[2] };
  }
  return undefined;
}
