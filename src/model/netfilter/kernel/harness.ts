// Runs the real kernel tools (iptables-restore/-save, ip, conntrack) inside throwaway
// network namespaces, so model output can be compared with what Linux does. Root only;
// every namespace is uniquely named and deleted again, and nothing outside them is touched.
// Test-side code, imported only by *.test.ts. It sits under src/model, whose tsconfig has no
// Node types, so it reaches child_process through process.getBuiltinModule (Node >= 20.16)
// with the few types it needs declared here, instead of an `import 'node:…'` that tsc rejects there.

interface SpawnResult {
  status: number | null;
  stdout: string | null;
  stderr: string | null;
  error?: Error;
}

interface NodeProcess {
  pid: number;
  getuid?(): number;
  getBuiltinModule(id: 'node:child_process'): {
    spawnSync(cmd: string, args: string[], opts: { input?: string; encoding: 'utf8'; timeout: number }): SpawnResult;
  };
}

const nodeProcess = (globalThis as unknown as { process: NodeProcess }).process;
const { spawnSync } = nodeProcess.getBuiltinModule('node:child_process');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], input?: string, timeoutMs = 10_000): RunResult {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') };
}

const TOOLS = ['ip', 'iptables-restore', 'iptables-save', 'ip6tables-restore', 'ip6tables-save', 'conntrack', 'bash', 'timeout'];

let skipReason: string | undefined | null = null;

/**
 * Why kernel tests cannot run here (not root, a tool missing, no netns support), or undefined when they can.
 * `moreTools` names commands a caller needs beyond the common ones (e.g. nfacct).
 */
export function kernelSkipReason(moreTools: string[] = []): string | undefined {
  const missing = moreTools.filter((t) => run('sh', ['-c', `command -v ${t}`]).code !== 0);
  return commonSkipReason() ?? (missing.length ? `kernel conformance tests need ${missing.join(', ')}` : undefined);
}

function commonSkipReason(): string | undefined {
  if (skipReason !== null) return skipReason;
  skipReason = undefined;
  if (nodeProcess.getuid && nodeProcess.getuid() !== 0) skipReason = 'kernel conformance tests need root';
  else {
    const missing = TOOLS.filter((t) => run('sh', ['-c', `command -v ${t}`]).code !== 0);
    if (missing.length) skipReason = `kernel conformance tests need ${missing.join(', ')}`;
    else {
      const probe = new Netns('probe');
      try {
        if (!probe.created) skipReason = 'cannot create a network namespace here';
      } finally {
        probe.delete();
      }
    }
  }
  return skipReason;
}

let counter = 0;

/** One network namespace, named `pwtest-<role>-<pid>-<n>`. */
export class Netns {
  readonly name: string;
  readonly created: boolean;

  constructor(role: string) {
    this.name = `pwtest-${role}-${nodeProcess.pid}-${++counter}`;
    this.created = run('ip', ['netns', 'add', this.name]).code === 0;
    if (this.created) this.sh('ip link set lo up');
  }

  exec(cmd: string, args: string[], input?: string, timeoutMs?: number): RunResult {
    return run('ip', ['netns', 'exec', this.name, cmd, ...args], input, timeoutMs);
  }

  /** A shell command inside the namespace; throws with its stderr when it fails. */
  sh(command: string): string {
    const r = this.exec('sh', ['-c', command]);
    if (r.code !== 0) throw new Error(`${this.name}: ${command}: ${r.stderr.trim()}`);
    return r.stdout;
  }

  delete(): void {
    if (this.created) run('ip', ['netns', 'del', this.name]);
  }
}

/** Runs `fn` with fresh namespaces for the given roles and always deletes them. */
export function withNetns<T>(roles: string[], fn: (...ns: Netns[]) => T): T {
  const made: Netns[] = [];
  try {
    for (const role of roles) {
      const ns = new Netns(role);
      made.push(ns);
      if (!ns.created) throw new Error(`cannot create network namespace ${ns.name}`);
    }
    return fn(...made);
  } finally {
    for (const ns of made) ns.delete();
  }
}

/** nfacct objects are per namespace and kube-proxy makes its own before restoring: make every one `text` names. */
export function addNfacctObjects(ns: Netns, text: string): void {
  const names = new Set([...text.matchAll(/--nfacct-name\s+(\S+)/g)].map((m) => m[1]));
  for (const name of names) {
    const r = ns.exec('nfacct', ['add', name]);
    if (r.code !== 0) throw new Error(`nfacct add ${name}: ${r.stderr}`);
  }
}

const tool = (family: 4 | 6) => (family === 6 ? 'ip6tables' : 'iptables');

/** `iptables-restore` (family 6: `ip6tables-restore`) with the given text; the error text when it fails. */
export function loadRules(ns: Netns, text: string, family: 4 | 6 = 4): RunResult {
  return ns.exec(`${tool(family)}-restore`, [], text);
}

export function saveRules(ns: Netns, family: 4 | 6 = 4): string {
  const r = ns.exec(`${tool(family)}-save`, []);
  if (r.code !== 0) throw new Error(`${tool(family)}-save failed: ${r.stderr}`);
  return r.stdout;
}

/** A save listing without its `# Generated by …` / `# Completed on …` lines (they carry the time). */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

/** `conntrack -L` lines (the "N flow entries" summary goes to stderr); family 6 lists the IPv6 ones (`-f ipv6`). */
export function readConntrack(ns: Netns, family: 4 | 6 = 4): string[] {
  const r = ns.exec('conntrack', family === 6 ? ['-L', '-f', 'ipv6'] : ['-L']);
  if (r.code !== 0) throw new Error(`conntrack -L failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

/** A veth pair with one end in each namespace, not yet addressed nor up. */
export function veth(a: Netns, aIf: string, b: Netns, bIf: string): void {
  const r = run('ip', ['link', 'add', aIf, 'netns', a.name, 'type', 'veth', 'peer', 'name', bIf, 'netns', b.name]);
  if (r.code !== 0) throw new Error(`veth ${aIf}/${bIf}: ${r.stderr}`);
}

/** A veth pair with one end in each namespace, addressed and up (IPv6 addresses skip duplicate detection, so they work at once). */
export function link(a: Netns, aIf: string, aCidr: string, b: Netns, bIf: string, bCidr: string): void {
  veth(a, aIf, b, bIf);
  const nodad = (cidr: string) => (cidr.includes(':') ? ' nodad' : '');
  a.sh(`ip addr add ${aCidr} dev ${aIf}${nodad(aCidr)} && ip link set ${aIf} up`);
  b.sh(`ip addr add ${bCidr} dev ${bIf}${nodad(bCidr)} && ip link set ${bIf} up`);
}

/** Opens a TCP connection from inside `ns` with bash's /dev/tcp, giving up after `seconds`. */
export function tcpConnect(ns: Netns, ip: string, port: number, seconds = 1): RunResult {
  return ns.exec('timeout', [String(seconds), 'bash', '-c', `exec 3<>/dev/tcp/${ip}/${port}`], undefined, (seconds + 5) * 1000);
}

/** Sends one UDP datagram from inside `ns` with bash's /dev/udp. */
export function udpSend(ns: Netns, ip: string, port: number): RunResult {
  return ns.exec('bash', ['-c', `echo query > /dev/udp/${ip}/${port}`]);
}
