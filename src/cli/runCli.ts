// The command as the tests run it: main() in the test's own process, its streams kept as strings
// (no start-up, no build); or the real process, bin/packetwalk.js, where exit codes, pipes and
// the built bundle are what is tested.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../i18n/i18n';
import { processIo, type CliIo } from './io';
import type { HostileRun } from './hostileRuns';
import { main } from './main';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** The moment in-process runs happen, 2026-12-03 07:30:00 UTC, so that what dig prints repeats. */
export const TEST_NOW = 1796283000;

/** main(args) with `input` as standard input, files read from disk unless `file` reads them, speaking `locale`, at TEST_NOW. */
export async function runMain(args: string[], input = '', file: CliIo['file'] = processIo.file, locale: Locale = 'en'): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdin: () => [input],
    file,
    locale,
    now: () => TEST_NOW,
  });
  return { code, out, err };
}

/** The environment a test's command runs in: English, whatever the shell running the tests speaks. */
const english = { ...process.env, LC_ALL: 'C.UTF-8' };

/** `node bin/packetwalk.js args` in the repository, `input` piped to it. */
export function runProcess(args: string[], input?: string): CliRun {
  const r = spawnSync(process.execPath, ['bin/packetwalk.js', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 120_000,
    env: english,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export interface TimedRun extends CliRun {
  /** From spawn to exit. */
  ms: number;
  /** Killed by the guard: it ran past `guardMs`. */
  timedOut: boolean;
}

/**
 * `node bin/packetwalk.js` for one hostile run, killed after `guardMs` (a guard against a hang,
 * not a timing: the time is for a benchmark to print). With `closeEarly` the pipe is closed after
 * the first chunk, as `| head -1` closes it. `cwd` is the checkout whose command runs.
 */
export function spawnRun(run: HostileRun, guardMs: number, cwd = root): Promise<TimedRun> {
  const stdin = run.stdin ? openSync(run.stdin, 'r') : 'ignore';
  const start = performance.now();
  const child = spawn(process.execPath, ['bin/packetwalk.js', ...run.args], {
    cwd,
    stdio: [stdin, 'pipe', 'pipe'],
    env: { ...english, ...run.env },
  });
  if (typeof stdin === 'number') closeSync(stdin);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out.push(chunk);
    if (run.closeEarly) child.stdout!.destroy();
  });
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  let timedOut = false;
  const guard = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, guardMs);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(guard);
      done({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString(), ms: performance.now() - start, timedOut });
    });
  });
}
