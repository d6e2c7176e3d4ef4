// How iptables-restore splits a line into words, and how iptables-save quotes one
// back (iptables v1.8.9: xshared.c add_param_to_argv, libxtables xtables_save_string).

export interface Tokenized {
  tokens: string[];
  /** Set when a double quote was never closed. */
  unterminated: boolean;
}

/**
 * Splits on spaces and tabs; `"..."` groups words, and inside quotes a backslash
 * escapes the next character. A closing quote ends the word, so `""` is an empty word.
 * Outside quotes backslashes and single quotes are ordinary characters.
 */
export function tokenize(line: string): Tokenized {
  const tokens: string[] = [];
  let word = '';
  let quoted = false;
  let escaped = false;
  for (const ch of line) {
    if (quoted) {
      if (escaped) {
        word += ch;
        escaped = false;
      } else if (ch === '\\') {
        escaped = true;
      } else if (ch === '"') {
        quoted = false;
        tokens.push(word);
        word = '';
      } else {
        word += ch;
      }
      continue;
    }
    if (ch === '"') {
      quoted = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (word) tokens.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) tokens.push(word);
  return { tokens, unterminated: quoted };
}

const BARE = /^[A-Za-z0-9_-]+$/;

/** A string argument as iptables-save prints it: bare when only [A-Za-z0-9_-], else quoted with `"`, `\` and `'` escaped. */
export function saveString(value: string): string {
  if (BARE.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}
