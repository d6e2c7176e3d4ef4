// How packetwalk meets the inputs and misuses issue 14 reports (src/cli/hostileRuns.ts, the list
// process.test.ts checks): each as a process, the wall time from spawn to exit, the exit code,
// whether stderr holds a stack trace, and its first line. `--root DIR` runs another checkout's
// command (main before the fix); `--guard MS` (default 20,000) kills a run that hangs.
import { loadavg } from 'node:os';
import { fixtureRuns, misuses } from '../src/cli/hostileRuns';
import { root as ours, spawnRun } from '../src/cli/runCli';
import { flag } from './harness';

const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;

export async function benchHostileCli(argv: string[]): Promise<void> {
  const root = flag(argv, 'root') ?? ours;
  const guard = Number(flag(argv, 'guard') ?? 20_000);
  console.log(`\n# packetwalk against hostile input and misuse, one process each (${root}; load average ${loadavg()[0]!.toFixed(2)})`);
  console.log(`# wall = spawn to exit; killed = still running after ${(guard / 1000).toFixed(0)} s; expected = what process.test.ts asks`);
  console.log(`${'run'.padEnd(48)} ${'wall'.padStart(9)}  exit    expected  stack  stderr's first line`);
  // Build the command first (if stale), so that no run below includes a build.
  await spawnRun({ name: 'warm-up', args: ['--help'], code: 0 }, 120_000, root);
  for (const run of [...misuses, ...fixtureRuns]) {
    const r = await spawnRun(run, guard, root);
    const exit = r.timedOut ? 'killed' : String(r.code);
    const first = r.err.split('\n').find((l) => l && !l.includes('walking --from')) ?? '';
    console.log(
      `${run.name.slice(0, 48).padEnd(48)} ${`${r.ms.toFixed(0)} ms`.padStart(9)}  ${exit.padEnd(8)}${String(run.code ?? '0|1').padEnd(10)}${(stackTrace.test(r.err) ? 'YES' : 'no').padEnd(7)}${first.slice(0, 100)}`,
    );
  }
}
