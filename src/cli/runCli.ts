// The command as the tests run it: main() in the test's own process, its streams kept as strings
// (no start-up, no build); or the real process, bin/packetwalk.js, where exit codes, pipes and
// the built bundle are what is tested.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processIo, type CliIo } from './io';
import { main } from './main';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** main(args) with `input` as standard input, files read from disk unless `file` reads them. */
export async function runMain(args: string[], input = '', file: CliIo['file'] = processIo.file): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdin: () => [input],
    file,
  });
  return { code, out, err };
}

/** `node bin/packetwalk.js args` in the repository, `input` piped to it. */
export function runProcess(args: string[], input?: string): CliRun {
  const r = spawnSync(process.execPath, ['bin/packetwalk.js', ...args], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
