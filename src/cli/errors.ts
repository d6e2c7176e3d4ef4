// The two ways the command refuses: a mistake in the command line itself, and a name or file the
// command line gives that is not there. Both are one line on stderr, never a stack trace.

/** A command line that does not parse (an unknown flag, a value of the wrong form): printed with the usage, exit 2. */
export class UsageError extends Error {}

/** A well-formed command line the input cannot serve (no such file, pod, node, endpoint): one line, exit 1. */
export class CliError extends Error {}

/** A value from the command line or the input as a message quotes it: a long one is cut, saying how long it was. */
export function elide(value: string, most = 80): string {
  return value.length <= most ? value : `${value.slice(0, most - 20)}… (${value.length.toLocaleString('en')} characters)`;
}

/** "a, b, c", or the first ones and how many more when the list is long. */
export function listSome(names: readonly string[], most = 12): string {
  if (names.length === 0) return '(none)';
  const shown = names
    .slice(0, most)
    .map((name) => elide(name))
    .join(', ');
  return names.length > most ? `${shown} and ${(names.length - most).toLocaleString('en')} more` : shown;
}
