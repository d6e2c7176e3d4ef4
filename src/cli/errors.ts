// The ways the command refuses: a mistake in the command line itself, and a name or file the
// command line gives that is not there. Each is one line on stderr, never a stack trace.

/** A command line that does not parse (an unknown flag, a value of the wrong form): printed with the usage, exit 2. */
export class UsageError extends Error {}

/** A well-formed command line the input cannot serve (no such file, pod, node, endpoint): one line, exit 1. */
export class CliError extends Error {}
