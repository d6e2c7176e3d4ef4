// Reading the -f inputs: files, or standard input for `-f -`.
import { readFileSync } from 'node:fs';
import type { InputFile } from '../model';

export function readInputs(paths: string[]): InputFile[] {
  return paths.map((path) =>
    path === '-' ? { name: '<stdin>', text: readFileSync(0, 'utf8') } : { name: path, text: readFileSync(path, 'utf8') },
  );
}
