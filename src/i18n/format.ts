import { elisionEn } from './catalog/elision';

/**
 * A line longer than this is shown as its first ELIDED_HEAD characters, "…" and its length: far
 * above any valid name or label (253, 63) and the IP lists of a DNS answer, far below a paste.
 */
export const ELIDED_OVER = 1000;
export const ELIDED_HEAD = 60;
/** A value of more lines (a converted object shown as YAML) is shown up to here. */
export const ELIDED_LINES = 200;

/**
 * A value as a message may echo it: whole when short; else its beginning and its length, by
 * `elided` (`{head}`, `{length}`), the catalogue's 'value.elided' in the reader's language.
 * Each line is judged alone, so a YAML block keeps its short lines.
 */
export function elide(value: string, elided: string = elisionEn['value.elided']): string {
  if (value.length <= ELIDED_OVER) return value;
  const shorten = (line: string, length = line.length) => {
    // Never cut a surrogate pair in two.
    const end = ELIDED_HEAD - (/[\uD800-\uDBFF]/.test(line.charAt(ELIDED_HEAD - 1)) ? 1 : 0);
    return fill(elided, { head: line.slice(0, end), length: grouped(length) });
  };
  if (!value.includes('\n')) return shorten(value);
  const lines = value.split('\n', ELIDED_LINES + 1).map((line) => (line.length > ELIDED_OVER ? shorten(line) : line));
  if (lines.length > ELIDED_LINES) lines[ELIDED_LINES] = shorten('', value.length);
  return lines.join('\n');
}

/**
 * Fills `{name}` placeholders, each value shortened by `elide` (`elided`: in the reader's language,
 * else English); unknown placeholders stay visible so a missing parameter is noticed.
 * `{name|one|other}` picks the English singular or plural by the number `name` ("1 DNS query",
 * "2 DNS queries"); either form may hold placeholders. Chinese has no plural and needs none.
 * `{name#}` shows a count with its digits grouped by three ("2,147,483,647"; Chinese groups the
 * same way): the model passes numbers, the catalogue says which of them are counts.
 * A value that ends a sentence with its own period (an absolute DNS name, `example.com.`) takes
 * the place of the template's period, so the sentence does not end in "..".
 */
export function format(template: string, params: Record<string, string | number> = {}, elided?: string): string {
  return fill(template, params, (value) => elide(value, elided));
}

function grouped(n: string | number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fill(template: string, params: Record<string, string | number>, show: (value: string) => string = (v) => v): string {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(/\{(\w+)\|((?:[^|{}]|\{\w+\})*)\|((?:[^|{}]|\{\w+\})*)\}/g, (whole, name: string, one: string, other: string) =>
      has(name) ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)(#?)\}(\.?)/g, (whole, name: string, count: string, stop: string) => {
      if (!has(name)) return whole;
      const value = show(count ? grouped(params[name]!) : String(params[name]));
      return stop && value.endsWith('.') ? value : value + stop;
    });
}
