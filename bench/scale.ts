// How the work grows with the cluster: 300, 3,000 and 10,000 Services × 5 endpoints, measured end to
// end as a user runs it (the `packetwalk` command as a process), in-process as the browser's worker
// runs it (deriveModel + one walk), and against the kernel's own `iptables-restore --noflush` of
// the very text the command printed (and the same without --noflush).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveModel, walkPacket, type PacketSpec } from '../src/model';
import { manyServices } from './generate';
import { kernelRestore } from './kernelRestore';
import { timeProcess, type ProcessTime } from './processTime';

const ENDPOINTS = 5;
/** Nodes enough that every pod gets an address (a node's /24 holds 254; the scheduler spreads unevenly). */
const PODS_PER_NODE = 100;
/** Flannel's default 10.244.0.0/16 has room for 256 nodes' /24s; 10,000 Services need 500 nodes. */
const WIDE_POD_NETWORK = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clusterCIDR: 10.0.0.0/12
---
`;

export function scaleManifest(services: number): string {
  return WIDE_POD_NETWORK + manyServices(services, ENDPOINTS, Math.ceil((services * ENDPOINTS) / PODS_PER_NODE));
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `kernel` is `iptables-restore --noflush` (as kube-proxy runs it), `kernel-flush` the same text without it. */
const PARTS = ['iptables', 'kernel', 'kernel-flush', 'trace', 'walk'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  sizes: number[];
  runs: number;
  /** Sizes at or above this run once (main's quadratic code took minutes per run at 10,000). */
  onceFrom: number;
  only: Set<Part>;
}

function options(argv: string[]): Options {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (get('--sizes') ?? '300,3000,10000').split(',').map(Number),
    runs: Number(get('--runs') ?? 3),
    onceFrom: Number(get('--once-from') ?? Infinity),
    only: new Set((get('--only')?.split(',') ?? PARTS).filter((p): p is Part => (PARTS as readonly string[]).includes(p))),
  };
}

interface Row {
  services: number;
  runs: number;
  rules?: number;
  mb?: number;
  iptables?: ProcessTime;
  kernel?: ProcessTime | string;
  kernelFlush?: ProcessTime | string;
  trace?: ProcessTime;
  derive?: number;
  walk?: number;
}

/** The run with the median wall time. */
function median<T>(items: T[], key: (t: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
}

/** This process's CPU time (user + system), ms: on a busy machine wall time says more about the neighbours. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** What the worker does: derive the model, then walk one packet (which builds the nodes it crosses); CPU ms. */
function deriveAndWalk(services: number, file: string, walk: boolean) {
  const start = cpuNow();
  const model = deriveModel([{ name: file, text: scaleManifest(services) }]);
  const derived = cpuNow();
  // From the first pod to the last Service's ClusterIP: the last of KUBE-SERVICES' rules.
  const pod = model.state.pods.find((p) => p.metadata.name.startsWith('app-0-'))!;
  const vip = model.state.services.find((s) => s.metadata.name === `app-${services - 1}`)!.spec.clusterIP!;
  const spec: PacketSpec = {
    from: { kind: 'pod', namespace: 'default', name: pod.metadata.name },
    to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' },
  };
  if (walk && !walkPacket(model, spec).steps.length) throw new Error('the walk has no steps');
  return { spec, derive: derived - start, walk: cpuNow() - derived };
}

/** Measures one size, printing each figure as it is taken (a long run stopped half-way still tells something). */
function measureSize(services: number, runs: number, only: Set<Part>, dir: string): Row {
  const file = join(dir, `services-${services}.yaml`);
  writeFileSync(file, scaleManifest(services));
  const row: Row = { services, runs };
  const say = (what: string) => console.log(`  ${String(services).padStart(6)} Services: ${what}`);
  const cli = (args: string[], stdoutFile?: string) => {
    const t = timeProcess('node', ['bin/packetwalk.js', ...args], { cwd: ROOT, stdoutFile });
    if (t.status !== 0) throw new Error(`packetwalk ${args[0]} exited ${t.status}: ${t.stderr.slice(0, 300)}`);
    return t;
  };

  // In-process first: it also names the packet the command walks.
  const inProcess = Array.from({ length: only.has('walk') ? runs : 1 }, () => deriveAndWalk(services, file, only.has('walk')));
  const { spec } = inProcess[0]!;
  if (only.has('walk')) {
    const m = median(inProcess, (r) => r.derive + r.walk);
    [row.derive, row.walk] = [m.derive, m.walk];
    say(`in-process deriveModel ${s(m.derive)} s, walk ${s(m.walk)} s (cpu)`);
  }

  // The command as a process: the node's iptables-restore text, and one packet's walk.
  const rulesFile = join(dir, `rules-${services}.txt`);
  if (only.has('iptables') || only.has('kernel') || only.has('kernel-flush')) {
    const ipt = Array.from({ length: only.has('iptables') ? runs : 1 }, () => cli(['iptables', '-f', file, '--node', 'node-0'], rulesFile));
    const text = readFileSync(rulesFile, 'utf8');
    row.rules = text.split('\n').filter((l) => l.startsWith('-A ')).length;
    row.mb = text.length / 1e6;
    if (only.has('iptables')) {
      row.iptables = median(ipt, (t) => t.wallMs);
      say(`packetwalk iptables ${proc(row.iptables)} (wall, cpu s), ${row.rules} rules, ${row.mb.toFixed(1)} MB`);
    }
  }
  // The kernel loading the very text the command printed.
  const kernel = (noflush: boolean) => {
    const kernels = Array.from({ length: runs }, () => kernelRestore(rulesFile, noflush));
    const k = kernels.find((k) => typeof k === 'string') ?? median(kernels as ProcessTime[], (t) => t.wallMs);
    say(`kernel iptables-restore${noflush ? ' --noflush' : ''} ${typeof k === 'string' ? k : proc(k) + ' (wall, cpu s)'}`);
    return k;
  };
  if (only.has('kernel')) row.kernel = kernel(true);
  if (only.has('kernel-flush')) row.kernelFlush = kernel(false);
  if (only.has('trace')) {
    const to = spec.to as { ip: string; port: number };
    const from = spec.from as { name: string };
    const args = ['trace', '-f', file, '--from', `pod/default/${from.name}`, '--to', `${to.ip}:${to.port}`];
    row.trace = median(
      Array.from({ length: runs }, () => cli(args)),
      (t) => t.wallMs,
    );
    say(`packetwalk trace ${proc(row.trace)} (wall, cpu s)`);
  }
  return row;
}

const s = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const proc = (t: ProcessTime | undefined) => (t ? `${s(t.wallMs).padStart(6)} ${s(t.cpuMs).padStart(6)}` : '     —      —');

function printTable(rows: Row[]): void {
  console.log(
    '\n' +
      'Services  rules   MB  runs | iptables wall  cpu | trace wall   cpu | cpu: derive walk | kernel --noflush wall  cpu | without --noflush wall  cpu',
  );
  for (const r of rows) {
    const kernel = (k: ProcessTime | string | undefined) => (typeof k === 'string' ? k : proc(k));
    const count = (n: number | undefined, width: number, digits = 0) => (n === undefined ? '—' : n.toFixed(digits)).padStart(width);
    console.log(
      `${count(r.services, 8)} ${count(r.rules, 6)} ${count(r.mb, 4, 1)} ${count(r.runs, 5)} |   ${proc(r.iptables)}   | ${proc(r.trace)}   |    ${s(r.derive).padStart(6)} ${s(r.walk).padStart(5)} |         ${kernel(r.kernel)}   |          ${kernel(r.kernelFlush)}`,
    );
  }
  console.log('(seconds; "cpu" is user + system of the process, derive and walk are in-process CPU time; the median run)');
  if (rows.length < 2) return;
  console.log('\nGrowth, normalised to a 10× larger cluster (linear ≈ 10×, quadratic ≈ 100×):');
  const figures: [string, (r: Row) => number | undefined][] = [
    ['iptables cpu', (r) => r.iptables?.cpuMs],
    ['trace cpu', (r) => r.trace?.cpuMs],
    ['derive', (r) => r.derive],
    ['walk', (r) => r.walk],
    ['kernel cpu', (r) => (typeof r.kernel === 'object' ? r.kernel.cpuMs : undefined)],
    ['without --noflush', (r) => (typeof r.kernelFlush === 'object' ? r.kernelFlush.cpuMs : undefined)],
  ];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const exponent = Math.log(10) / Math.log(b.services / a.services);
    const parts = figures.map(([name, f]) => {
      const [x, y] = [f(a), f(b)];
      return `${name} ${x && y ? ((y / x) ** exponent).toFixed(1) + '×' : '—'}`;
    });
    console.log(`  ${a.services} → ${b.services}: ${parts.join(', ')}`);
  }
}

export function benchScale(argv: string[]): void {
  const opts = options(argv);
  console.log(
    `\n# scale: N Services × ${ENDPOINTS} endpoints (one node per ${PODS_PER_NODE} pods, pod network 10.0.0.0/12), end to end and in-process`,
  );
  console.log(
    `# ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; the command is \`node bin/packetwalk.js\` as installed`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'pwbench-scale-'));
  const rows: Row[] = [];
  try {
    for (const services of opts.sizes) {
      const runs = services >= opts.onceFrom ? 1 : opts.runs;
      rows.push(measureSize(services, runs, opts.only, dir));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
}
