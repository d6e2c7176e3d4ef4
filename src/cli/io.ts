// The command's streams and inputs: the process's own when it runs, strings when a test calls main().
import { readFileSync } from 'node:fs';
import type { InputFile } from '../model';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input, which `-f -` reads. */
  stdin(): string;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: () => readFileSync(0, 'utf8'),
};

/** The -f inputs: files, or standard input for `-f -`. */
export function readInputs(paths: string[], io: CliIo): InputFile[] {
  return paths.map((path) => (path === '-' ? { name: '<stdin>', text: io.stdin() } : { name: path, text: readFileSync(path, 'utf8') }));
}
