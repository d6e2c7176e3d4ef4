// How long `packetwalk` takes as a user runs it: whole processes, next to a bare `node` start,
// so the figure is what a shell prompt waits for (the target: --help within 3× `node -e 0`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// GNU time adds the process's CPU time (user + system, its waited-for children included), which a
// busy machine disturbs far less than the wall clock.
const gnuTime = '/usr/bin/time';

interface Run {
  wall: number;
  cpu: number | undefined;
}

function once(args: string[]): Run {
  const timed = existsSync(gnuTime);
  const [cmd, argv] = timed ? [gnuTime, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /^cpu ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

function figures(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/** `--bin PATH` (repeatable) measures those commands side by side, e.g. another checkout's; default ours. */
export function benchCliStart(argv: string[]): void {
  const option = (name: string) => argv.flatMap((a, i) => (a === name && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
  const runs = Number(option('--runs')[0] ?? 20);
  const bins = option('--bin');
  const cases = [{ name: 'node -e 0 (a bare node start)', args: ['-e', '0'] }];
  for (const bin of bins.length ? bins : ['bin/packetwalk.js']) {
    const label = bins.length > 1 ? ` (${bin})` : '';
    cases.push(
      { name: `packetwalk --help${label}`, args: [bin, '--help'] },
      {
        name: `packetwalk iptables -f hostnames.yaml --node worker-1${label}`,
        args: [bin, 'iptables', '-f', 'public/scenarios/hostnames.yaml', '--node', 'worker-1'],
      },
      {
        name: `packetwalk dig -f hostnames.yaml --from pod/default/client hostnames +search${label}`,
        args: [bin, 'dig', '-f', 'public/scenarios/hostnames.yaml', '--from', 'pod/default/client', 'hostnames', '+search'],
      },
      {
        name: `packetwalk ip -f hostnames.yaml --node worker-1 route${label}`,
        args: [bin, 'ip', '-f', 'public/scenarios/hostnames.yaml', '--node', 'worker-1', 'route'],
      },
    );
  }
  console.log(
    `\n# packetwalk start-up: ${runs} runs of each process after one warm-up, round-robin (load average ${loadavg()[0]!.toFixed(2)})`,
  );
  console.log('# wall = until the process exits, as a shell waits; cpu = its user + system time');
  const results = cases.map(() => [] as Run[]);
  for (const c of cases) once(c.args);
  // Round-robin, so a burst of load elsewhere falls on every case alike.
  for (let r = 0; r < runs; r++) cases.forEach((c, k) => results[k]!.push(once(c.args)));
  const base = figures(results[0]!.map((x) => x.wall)).median;
  const cpuBase = figures(results[0]!.map((x) => x.cpu ?? NaN)).median;
  const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(7);
  cases.forEach((c, k) => {
    const wall = figures(results[k]!.map((x) => x.wall));
    const cpus = results[k]!.map((x) => x.cpu).filter((x) => x !== undefined);
    const cpu = cpus.length ? figures(cpus) : undefined;
    const cpuText = cpu
      ? `   cpu median ${ms(cpu.median)}  p95 ${ms(cpu.p95)}  ${(cpu.median / cpuBase).toFixed(1).padStart(4)}× node`
      : '';
    console.log(
      `${c.name.padEnd(bins.length > 1 ? 100 : 76)} wall median ${ms(wall.median)}  p95 ${ms(wall.p95)}  ${(wall.median / base).toFixed(1).padStart(4)}× node${cpuText}`,
    );
  });
}
