// How the work grows with the cluster: 300, 3,000 and 10,000 Services × 5 endpoints, measured end to
// end as a user runs it (the `packetwalk` command as a process), in-process as the browser's worker
// runs it (deriveModel + one walk), and against the kernel's own `iptables-restore --noflush` of
// the very text the command printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveModel, traceModel, type PacketSpec } from '../src/model';
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

function manifest(services: number): string {
  return WIDE_POD_NETWORK + manyServices(services, ENDPOINTS, Math.ceil((services * ENDPOINTS) / PODS_PER_NODE));
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  sizes: number[];
  runs: number;
  /** Sizes at or above this run once (main's quadratic code took minutes per run at 10,000). */
  onceFrom: number;
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
  };
}

interface Row {
  services: number;
  runs: number;
  rules: number;
  mb: number;
  iptables: ProcessTime;
  trace: ProcessTime;
  derive: number;
  walk: number;
  kernel: ProcessTime | string;
}

/** The run with the median wall time. */
function median<T>(items: T[], key: (t: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
}

function measureSize(services: number, runs: number, dir: string): Row {
  const file = join(dir, `services-${services}.yaml`);
  writeFileSync(file, manifest(services));
  const cli = (args: string[], stdoutFile?: string) => {
    const t = timeProcess('node', ['bin/packetwalk.js', ...args], { cwd: ROOT, stdoutFile });
    if (t.status !== 0) throw new Error(`packetwalk ${args[0]} exited ${t.status}: ${t.stderr.slice(0, 300)}`);
    return t;
  };

  // (b) what the worker does: derive the model, then walk one packet (which builds the nodes it crosses).
  let spec: PacketSpec | undefined;
  const inProcess = Array.from({ length: runs }, () => {
    const start = performance.now();
    const model = deriveModel([{ name: file, text: manifest(services) }]);
    const derived = performance.now();
    // From the first pod to the last Service's ClusterIP: the last of KUBE-SERVICES' rules.
    const pod = model.state.pods.find((p) => p.metadata.name.startsWith('app-0-'))!;
    const vip = model.state.services.find((s) => s.metadata.name === `app-${services - 1}`)!.spec.clusterIP!;
    spec = { from: { kind: 'pod', namespace: 'default', name: pod.metadata.name }, to: { kind: 'ip', ip: vip, port: 80, proto: 'tcp' } };
    const trace = traceModel(model, spec);
    if (!trace.steps.length) throw new Error('the walk has no steps');
    return { derive: derived - start, walk: performance.now() - derived };
  });
  const walked = median(inProcess, (r) => r.derive + r.walk);

  // (a) the command as a process: the node's iptables-restore text, and one packet's walk.
  const rulesFile = join(dir, `rules-${services}.txt`);
  const iptables = median(
    Array.from({ length: runs }, () => cli(['iptables', '-f', file, '--node', 'node-0'], rulesFile)),
    (t) => t.wallMs,
  );
  const to = spec!.to as { ip: string; port: number };
  const from = spec!.from as { name: string };
  const trace = median(
    Array.from({ length: runs }, () => cli(['trace', '-f', file, '--from', `pod/default/${from.name}`, '--to', `${to.ip}:${to.port}`])),
    (t) => t.wallMs,
  );

  // (c) the kernel loading the very text the command printed.
  const kernels = Array.from({ length: runs }, () => kernelRestore(rulesFile, true));
  const kernel = kernels.find((k) => typeof k === 'string') ?? median(kernels as ProcessTime[], (t) => t.wallMs);
  const text = readFileSync(rulesFile, 'utf8');
  const rules = text.split('\n').filter((l) => l.startsWith('-A ')).length;
  return { services, runs, rules, mb: text.length / 1e6, iptables, trace, derive: walked.derive, walk: walked.walk, kernel };
}

const s = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const proc = (t: ProcessTime) => `${s(t.wallMs).padStart(6)} ${s(t.cpuMs).padStart(6)}`;

function printTable(rows: Row[]): void {
  console.log(
    '\n' + 'Services  rules   MB  runs | iptables wall  cpu | trace wall   cpu | derive  walk | kernel wall  cpu | cpu: iptables ÷ kernel',
  );
  for (const r of rows) {
    const kernel =
      typeof r.kernel === 'string'
        ? r.kernel
        : `${proc(r.kernel)}     ${r.iptables.cpuMs && r.kernel.cpuMs ? (r.iptables.cpuMs / r.kernel.cpuMs).toFixed(2) + '×' : '—'}`;
    console.log(
      `${String(r.services).padStart(8)} ${String(r.rules).padStart(6)} ${r.mb.toFixed(1).padStart(4)} ${String(r.runs).padStart(5)} |   ${proc(r.iptables)}   | ${proc(r.trace)}   | ${s(r.derive).padStart(6)} ${s(r.walk).padStart(5)} |  ${kernel}`,
    );
  }
  console.log('(seconds; "cpu" is user + system of the process; the median run by wall time)');
  if (rows.length < 2) return;
  console.log('\nGrowth, normalised to a 10× larger cluster (linear ≈ 10×, quadratic ≈ 100×):');
  const figures: [string, (r: Row) => number | undefined][] = [
    ['iptables cpu', (r) => r.iptables.cpuMs],
    ['trace cpu', (r) => r.trace.cpuMs],
    ['derive', (r) => r.derive],
    ['walk', (r) => r.walk],
    ['kernel cpu', (r) => (typeof r.kernel === 'string' ? undefined : r.kernel.cpuMs)],
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
  console.log(`\n# scale: N Services × ${ENDPOINTS} endpoints (one node per ${PODS_PER_NODE} pods, pod network 10.0.0.0/12), end to end and in-process`);
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
      rows.push(measureSize(services, runs, dir));
      console.log(`  measured ${services} Services (${runs} run${runs > 1 ? 's' : ''})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(rows);
}
