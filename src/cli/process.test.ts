// The packetwalk command as a process, where the process is the point: exit codes, the streams
// of a pipe, the bundle bin/packetwalk.js runs (built from the current sources, never stale),
// and what an installed copy holds running without the development dependencies.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureRuns, misuses, type HostileRun } from './hostileRuns';
import { root, runProcess as run, spawnRun } from './runCli';

const hostnames = 'public/scenarios/hostnames.yaml';
const out = mkdtempSync(join(tmpdir(), 'packetwalk-process-'));
const bundle = join(root, 'dist-cli/packetwalk.mjs');

// The first run builds the bundle if the sources are newer, so the tests after it time the command alone.
beforeAll(() => void run(['--help']), 120_000);

describe('packetwalk as a process', () => {
  it('--help prints the usage on stdout and exits 0; no command at all exits 2', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage:\n {2}packetwalk get /);
    expect(help.err).toBe('');
    expect(run([]).code).toBe(2);
  });

  it('-f - reads a pipe: a broken manifest exits 1, its file:line:col on stderr, what it could on stdout', () => {
    const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports: [80\n';
    const { code, err, out: json } = run(['get', '-f', '-', '-o', 'json'], broken);
    expect(code).toBe(1);
    expect(err).toMatch(/^<stdin>:\d+:\d+: error: /m);
    expect(JSON.parse(json).nodes).toHaveLength(3);
    const trace = run(
      ['trace', '-f', '-', '--from', 'pod/default/client', '--to', 'hostnames:80', '-o', 'json'],
      readFileSync(join(root, hostnames), 'utf8'),
    );
    expect(trace.code).toBe(0);
    expect(JSON.parse(trace.out).outcome).toMatchObject({ result: 'delivered', service: 'default/hostnames' });
  });

  it('trace --proxy-mode nftables prints the walk through the kube-proxy table: its DNAT rule, the lookups, the same endpoint as iptables', () => {
    const nodeport = ['trace', '-f', 'public/scenarios/nodeport.yaml'];
    const nft = run([...nodeport, '--proxy-mode', 'nftables']);
    expect(nft.code).toBe(0);
    expect(nft.out).toMatch(
      /^ {7}rule \(nat, line \d+\): add rule ip kube-proxy endpoint-\w{8}-default\/my-nginx\/tcp\/http__[\d.]+\/80 meta l4proto tcp dnat to [\d.]+:80$/m,
    );
    expect(nft.out).toMatch(
      /^ {7}kube-proxy looks up tcp \. 30080 in its verdict map @service-nodeports: goto external-\w{8}-default\/my-nginx\/tcp\/http$/m,
    );
    expect(nft.out).toMatch(/^ {7}numgen random mod 2 drew [01]: goto endpoint-/m);
    const result = (text: string) => text.split('\n').find((l) => l.startsWith('result: '));
    expect(result(nft.out)).toMatch(/^result: delivered {2}service: default\/my-nginx {2}endpoint: /);
    expect(result(nft.out)).toBe(result(run(nodeport).out));
  });

  it('a usage error exits 2 with the message and the usage on stderr, nothing on stdout', () => {
    const { code, err, out: printed } = run(['iptables', '-f', hostnames, '--node', 'worker-1', '--family', '5']);
    expect(code).toBe(2);
    expect(err).toMatch(/^packetwalk: --family must be 4 or 6, not "5"\nusage:/);
    expect(printed).toBe('');
  });

  it('render from the built command embeds the fonts it finds in node_modules', () => {
    const file = join(out, 'hostnames.svg');
    const { code, err } = run(['render', '-f', hostnames, '--step', '3', '-o', file]);
    expect(err).toContain(`wrote ${file}`);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/@font-face\{font-family:'Noto Sans Mono'[^}]*src:url\(data:font\/woff2;base64,/);
  });

  it.runIf(existsSync('/usr/bin/chromium'))('writes a PNG at twice the SVG size through headless Chromium', () => {
    const svgFile = join(out, 'metallb.svg');
    const pngFile = join(out, 'metallb.png');
    const args = ['render', '-f', 'public/scenarios/metallb-l2.yaml', '--step', '2', '--caption'];
    expect(run([...args, '-o', svgFile]).code).toBe(0);
    expect(run([...args, '--format', 'png', '-o', pngFile]).code).toBe(0);
    const svg = readFileSync(svgFile, 'utf8');
    const png = readFileSync(pngFile);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [, w, h] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * Number(w), 2 * Number(h)]);
  });

  it('a bundle older than the sources it was built from is built again before it runs', () => {
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(bundle, longAgo, longAgo);
    const rebuilt = run(['--help']);
    expect(rebuilt.err).toMatch(/^packetwalk: building the command first \(\S+ changed since it was built\)…\n$/);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/^usage:/);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(longAgo.getTime());
    expect(run(['--help']).err).toBe('');
  });

  it('an installed copy runs with the runtime dependencies alone (npm ci --omit=dev)', () => {
    // What the package ships (package.json's `files`), and the node_modules `npm ci --omit=dev`
    // installs: the lock's packages that are not development-only.
    const copy = mkdtempSync(join(tmpdir(), 'packetwalk-installed-'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    for (const path of ['package.json', ...pkg.files]) cpSync(join(root, path), join(copy, path), { recursive: true });
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const [path, entry] of Object.entries(lock.packages)) {
      // Top-level packages only; a nested one comes inside its parent.
      if (!path || entry.dev || path.lastIndexOf('node_modules/') !== 0 || !existsSync(join(root, path))) continue;
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      symlinkSync(join(root, path), join(copy, path));
    }
    const installed = (args: string[]) =>
      spawnSync(process.execPath, [join(copy, 'bin/packetwalk.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const trace = installed(['trace', '-f', hostnames, '-o', 'json']);
    expect(trace.stderr).not.toContain('building');
    expect(trace.status).toBe(0);
    expect(JSON.parse(trace.stdout).outcome).toMatchObject({ result: 'delivered', service: 'default/hostnames' });
    expect(installed(['render', '-f', hostnames, '-o', join(out, 'installed.svg')]).status).toBe(0);
    // Playwright is a development dependency: without it a PNG is refused with a reason, an SVG offered.
    const png = installed(['render', '-f', hostnames, '--format', 'png', '-o', join(out, 'installed.png')]);
    expect(png.status).toBe(1);
    expect(png.stderr).toContain('--format svg works without a browser');
  });
});

/**
 * stderr as a Unix tool writes it: every line at the margin is `packetwalk: …` or
 * `file:line:col: severity: …` (what a diagnostic adds is indented under it), never a stack trace.
 */
function expectTidy(err: string): void {
  expect(err).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  // A usage error is followed by the usage.
  const [said, usage] = err.split(/^usage:$/m);
  if (usage !== undefined) expect(usage).toMatch(/^\n {2}packetwalk get /);
  for (const line of said!.split('\n'))
    if (line && !line.startsWith('    ')) expect(line).toMatch(/^(packetwalk: |\S+:\d+:\d+: (error|warning): )/);
}

// A guard against a hang, well above the 2 s the issue allows: the time itself is bench/hostileCli.ts's to print.
const guard = 20_000;

describe('hostile input and misuse (issue 14) as a process: one line, the right exit code, no stack trace', () => {
  it.each(misuses)(
    '$name',
    async (r) => {
      const { code, err, timedOut } = await spawnRun(r, guard);
      expect(timedOut).toBe(false);
      expect(code).toBe(r.code);
      if (r.says) expect(err).toMatch(r.says);
      // A usage error adds the usage; anything else is one line.
      if (code === 1) expect(err.split('\n').filter((l) => l.startsWith('packetwalk: ') && !l.includes('walking --from'))).toHaveLength(1);
      if (r.closeEarly) expect(err).toBe('');
      expectTidy(err);
    },
    guard + 10_000,
  );

  const fixture = async (r: HostileRun) => {
    const { code, err, out: printed, timedOut } = await spawnRun(r, guard);
    expect(timedOut).toBe(false);
    expect([0, 1]).toContain(code);
    expectTidy(err);
    if (r.args[0] === 'trace') expect(printed).toMatch(/^result: (delivered|rejected|dropped)/m);
    else expect(JSON.parse(printed).nodes).toHaveLength(3);
  };
  const title = '$name: its diagnostics, and what the rest of the file produces';
  it.each(fixtureRuns)(title, fixture, guard + 10_000);
});
