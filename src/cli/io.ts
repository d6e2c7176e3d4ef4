// The command's streams and inputs: the process's own when it runs, strings when a test calls main().
// Inputs are read as streams and stop at YAML_LIMITS' characters per file, so `-f /dev/zero` or
// an endless pipe is one line of error, not a process that reads until memory runs out.
import { createReadStream } from 'node:fs';
import type { Locale } from '../i18n/i18n';
import { YAML_LIMITS, type InputFile } from '../model';
import { CliError } from './errors';
import { elide, localeOf, say } from './messages';

type Chunks = AsyncIterable<Uint8Array | string> | Iterable<string>;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, which `-f -` reads, as it arrives. */
  stdin(): Chunks;
  /** A file's contents as they are read; a failure is Node's error with its `code` (ENOENT, EISDIR…). */
  file(path: string): Chunks;
  /** The language of its messages; English when not given. */
  locale?: Locale;
  /** Seconds since 1970, the time dig prints; the system clock when not given. */
  now?: () => number;
}

export const processIo: CliIo & { now: () => number } = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: () => process.stdin,
  file: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  locale: localeOf(process.env),
  now: () => Math.floor(Date.now() / 1000),
};

/** The -f inputs, in order: files, or standard input for `-f -`. Any one that cannot be read is a CliError naming it. */
export async function readInputs(paths: string[], io: CliIo): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  for (const path of paths) {
    const name = path === '-' ? '<stdin>' : path;
    inputs.push({ name, text: await readCapped(name, () => (path === '-' ? io.stdin() : io.file(path))) });
  }
  return inputs;
}

const limit = YAML_LIMITS.maxTextLength;

async function readCapped(name: string, open: () => Chunks): Promise<string> {
  // As readFileSync(path, 'utf8') decoded: a byte-order mark is kept, a bad byte becomes U+FFFD.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let length = 0;
  try {
    // Leaving the loop early closes the stream: nothing more is read.
    for await (const chunk of open()) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      length += text.length;
      if (length > limit) {
        throw new CliError(say('cli.file.tooLong', { file: elide(name), limit: limit.toLocaleString('en') }));
      }
      parts.push(text);
    }
  } catch (err) {
    throw fileError(name, err, 'read');
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A failure of the file system as one line naming the file; anything else as it was. */
export function fileError(name: string, err: unknown, doing: 'read' | 'written'): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof CliError || typeof code !== 'string') return err;
  const known = why.get(code);
  return new CliError(
    say('cli.file.failed', {
      file: elide(name) || "''",
      why: known ? say(known) : say(doing === 'read' ? 'cli.file.unreadable' : 'cli.file.unwritable', { code }),
    }),
  );
}

/** What a failed read or write means to whoever typed the path (Node's own messages name the system call). */
const why = new Map<string, Parameters<typeof say>[0]>([
  ['ENOENT', 'cli.file.ENOENT'],
  ['EISDIR', 'cli.file.EISDIR'],
  ['ENOTDIR', 'cli.file.ENOTDIR'],
  ['ENAMETOOLONG', 'cli.file.ENAMETOOLONG'],
  ['EACCES', 'cli.file.EACCES'],
  ['EPERM', 'cli.file.EACCES'],
  ['ELOOP', 'cli.file.ELOOP'],
]);
