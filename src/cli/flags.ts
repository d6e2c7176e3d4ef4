// What each command takes, and the checks on a flag's value that need no manifest: a flag a
// command would ignore, or a value it would misread, is a usage error before any file is read.
import { UsageError } from './errors';
import { elide, say } from './messages';

export type Command =
  | 'get'
  | 'iptables'
  | 'ipvsadm'
  | 'ipset'
  | 'nft'
  | 'nginx-conf'
  | 'envoy-config'
  | 'trace'
  | 'render'
  | 'dig'
  | 'ip'
  | 'bridge'
  | 'convert';

const whatIf = ['down', 'not-ready', 'proxy-mode'];
const packet = ['from', 'to', 'protocol', 'seed', 'endpoint', 'method', 'header'];

const takes = new Map<string, readonly string[]>([
  ['get', ['file', 'output', ...whatIf]],
  ['iptables', ['file', 'node', 'format', 'family', ...whatIf]],
  ['ipvsadm', ['file', 'node', ...whatIf]],
  ['ipset', ['file', 'node', ...whatIf]],
  ['nft', ['file', 'node', 'format', 'family', ...whatIf]],
  ['nginx-conf', ['file', ...whatIf]],
  ['envoy-config', ['file', 'gateway', ...whatIf]],
  ['trace', ['file', ...packet, 'repeat', 'output', ...whatIf]],
  ['render', ['file', ...packet, 'step', 'format', 'caption', 'lang', 'output', ...whatIf]],
  ['dig', ['file', 'from', 'reverse', 'output', ...whatIf]],
  ['ip', ['file', 'node', 'family', ...whatIf]],
  ['bridge', ['file', 'node', ...whatIf]],
  ['convert', ['file', 'to', 'output']],
]);

/** The commands that take words after their flags, as the tools they imitate do (`dig NAME TYPE`, `ip route`). */
const takesWords = new Set(['dig', 'ip', 'bridge']);

const short: Record<string, string> = { file: '-f', output: '-o', reverse: '-x' };
const spelled = (flag: string) => short[flag] ?? `--${flag}`;

/** The command, once it is known, every flag given is one it takes, and it takes the words given. */
export function checkCommand(command: string, given: Record<string, unknown>, words: readonly string[] = []): Command {
  const flags = takes.get(command);
  if (!flags) throw new UsageError(say('cli.usage.unknownCommand', { command: elide(command) }));
  for (const [flag, value] of Object.entries(given)) {
    if (value !== undefined && !flags.includes(flag)) throw new UsageError(say('cli.usage.notTaken', { command, flag: spelled(flag) }));
  }
  if (words.length && !takesWords.has(command)) throw new UsageError(say('cli.usage.argument', { command, value: elide(words[0]!) }));
  return command as Command;
}

/** `value` when it is one of `choices`, else a usage error naming them. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  const names = say('cli.or', { some: choices.slice(0, -1).join(', '), last: choices.at(-1)! });
  throw new UsageError(say('cli.usage.oneOf', { flag, choices: names, value: elide(value) }));
}

/** A whole number written in digits, from `min` to `max`. */
export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (n >= min && n <= max) return n;
  throw new UsageError(say('cli.usage.wholeNumber', { flag, min, max: max.toLocaleString('en'), value: elide(text) }));
}
