// A child process timed as a user would time it: wall clock, and the CPU it and its own children used
// (GNU time's user + sys, which process.cpuUsage cannot see), with its peak memory.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessTime {
  wallMs: number;
  /** User + system time; undefined when /usr/bin/time is not installed. */
  cpuMs?: number;
  maxRssMb?: number;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `command args…` with stdin read from `stdinFile` (if given) and stdout written to `stdoutFile` (else discarded). */
export function timeProcess(
  command: string,
  args: string[],
  io: { stdinFile?: string; stdoutFile?: string; cwd?: string } = {},
): ProcessTime {
  const report = join(tmpdir(), `pwbench-time-${process.pid}.txt`);
  const gnu = existsSync(GNU_TIME);
  const stdin = io.stdinFile ? openSync(io.stdinFile, 'r') : 'ignore';
  const stdout = io.stdoutFile ? openSync(io.stdoutFile, 'w') : 'ignore';
  try {
    const start = performance.now();
    const r = gnu
      ? spawnSync(GNU_TIME, ['-o', report, '-f', '%U %S %M', command, ...args], {
          stdio: [stdin, stdout, 'pipe'],
          cwd: io.cwd,
          maxBuffer: 1 << 28,
        })
      : spawnSync(command, args, { stdio: [stdin, stdout, 'pipe'], cwd: io.cwd, maxBuffer: 1 << 28 });
    const wallMs = performance.now() - start;
    const out: ProcessTime = { wallMs, status: r.status, stderr: r.stderr?.toString() ?? '' };
    if (gnu) {
      // GNU time writes "Command exited with non-zero status N" first when the command fails.
      const [user, sys, rss] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      out.cpuMs = (user! + sys!) * 1000;
      out.maxRssMb = rss! / 1024;
      rmSync(report);
    }
    return out;
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
    if (typeof stdout === 'number') closeSync(stdout);
  }
}
