// What packetwalk refuses, and how: one line on stderr, exit 1 for input it cannot serve, 2 for a
// command line that does not parse (with the usage), 70 for its own bug; never a stack trace.
// main() in this process; process.test.ts runs the reports of issue 14 as processes.
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket } from '../model';
import { readFileSync } from 'node:fs';
import { main } from './main';
import { formatDiagnostic, localeOf } from './messages';
import { root, runMain as run } from './runCli';

const hostnames = 'public/scenarios/hostnames.yaml';
const trace = (...args: string[]) => run(['trace', '-f', hostnames, ...args]);

/** The first line of stderr, and whether the usage follows it. */
const said = (err: string) => ({ line: err.split('\n')[0], usage: /\nusage:\n/.test(err) });

describe('a file that cannot be read', () => {
  it('permission denied is one line naming the file, exit 1, nothing on stdout', async () => {
    const denied = () => {
      throw Object.assign(new Error("EACCES: permission denied, open 'secret.yaml'"), { code: 'EACCES' });
    };
    const { code, out, err } = await run(['get', '-f', 'secret.yaml'], '', denied);
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: 'packetwalk: secret.yaml: permission denied\n' });
  });

  it('an empty file name is shown as quotes', async () => {
    expect((await run(['get', '-f', ''])).err).toBe("packetwalk: '': no such file or directory\n");
  });

  it('an endless file is read up to 32 MiB, then refused: nothing more is pulled from it', async () => {
    let pulled = 0;
    function* endless() {
      for (;;) {
        pulled++;
        yield 'a'.repeat(1 << 20);
      }
    }
    const { code, err } = await run(['get', '-f', 'huge.yaml'], '', endless);
    expect(code).toBe(1);
    expect(err).toBe(
      'packetwalk: huge.yaml: more than 33,554,432 characters (32 MiB), the most one file may hold, so none of it was read; split it into several files (-f A -f B)\n',
    );
    expect(pulled).toBe(33);
  });

  it('a bug in the command itself is one line asking for a report, exit 70', async () => {
    let err = '';
    const code = await main(['get', '-f', hostnames], {
      out: () => {
        throw new Error('disk on fire\n    at somewhere (x.ts:1:1)');
      },
      err: (text) => void (err += text),
      stdin: () => [],
      file: (path) => [readFileSync(`${root}/${path}`, 'utf8')],
    });
    expect(code).toBe(70);
    expect(err).toBe(
      'packetwalk: internal error, a bug in packetwalk (please report it with this command line and its input): disk on fire\n',
    );
  });
});

describe('values checked before any file is read (exit 2, with the usage)', () => {
  it.each([
    [['trace', '-f', 'x.yaml', '--to', '010.0.0.1:80'], '--to: "010.0.0.1" is not an IPv4 address (four numbers 0-255, like 10.96.0.10)'],
    [['trace', '-f', 'x.yaml', '--to', '10.0.0:80'], '--to: "10.0.0" is not an IPv4 address (four numbers 0-255, like 10.96.0.10)'],
    [['trace', '-f', 'x.yaml', '--to', 'web:0'], '--to: port "0" is not a port (1-65535)'],
    [['trace', '-f', 'x.yaml', '--to', 'http://[::'], '--to: "http://[::" is not a URL'],
    [
      ['trace', '-f', 'x.yaml', '--from', 'client/10.0.0.256', '--to', 'web:80'],
      '--from: "10.0.0.256" is not an IPv4 address (four numbers 0-255, like 10.96.0.10)',
    ],
    [['trace', '-f', 'x.yaml', '--from', 'pods/a', '--to', 'web:80'], '--from must be pod/NS/NAME, node/NAME or client[/IP], not "pods/a"'],
    [['trace', '-f', 'x.yaml', '--to', 'web:80', '--protocol', 'icmp'], '--protocol must be tcp, udp or sctp, not "icmp"'],
    [['trace', '-f', 'x.yaml', '--protocol', 'udp'], '--protocol goes with --to'],
    [['trace', '-f', 'x.yaml', '--seed=-1'], '--seed must be a whole number from 0 to 999,999,999, not "-1"'],
    [
      ['trace', '-f', 'x.yaml', '--seed', '-1'],
      "Option '--seed' argument is ambiguous. Did you forget to specify the option argument for '--seed'? To specify an option argument starting with a dash use '--seed=-XYZ'.",
    ],
    [['trace', '-f', 'x.yaml', '--endpoint', '10.244.1.5:http'], '--endpoint: port "http" is not a port (1-65535)'],
    [['trace', '-f', 'x.yaml', '--repeat', '0'], '--repeat must be a whole number from 1 to 1,000, not "0"'],
    [['trace', '-f', 'x.yaml', '--not-ready', 'web'], '--not-ready must be NS/POD, not "web"'],
    [['trace', '-f', 'x.yaml', '--proxy-mode', 'userspace'], '--proxy-mode must be iptables, ipvs or nftables, not "userspace"'],
    [['render', '-f', 'x.yaml', '--step', '0', '-o', 'x.svg'], '--step must be a whole number from 1 to 99,999, not "0"'],
    [['render', '-f', 'x.yaml', '--lang', 'fr', '-o', 'x.svg'], '--lang must be en or zh-CN, not "fr"'],
    [['get', '-f', 'x.yaml', '-o', 'xml'], '-o must be json or yaml, not "xml"'],
    [['iptables', '-f', 'x.yaml', '--node', 'worker-1', '--format', 'json'], '--format must be restore or save, not "json"'],
    [['iptables', '-f', 'x.yaml', '--node', 'worker-1', '--family', '5'], '--family must be 4 or 6, not "5"'],
    [['get', '-f', 'x.yaml', '--node', 'worker-1'], 'get does not take --node'],
    [['nginx-conf', '-f', 'x.yaml', '--seed', '1'], 'nginx-conf does not take --seed'],
    [['frobnicate', '-f', 'x.yaml'], 'unknown command "frobnicate"'],
  ])('%j', async (args, message) => {
    // x.yaml does not exist: the command line is refused before it would be looked for.
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(said(err)).toEqual({ line: `packetwalk: ${message}`, usage: true });
  });

  it('iptables without --node is a usage error naming the nodes the file has', async () => {
    const { code, err } = await run(['iptables', '-f', hostnames]);
    expect(code).toBe(2);
    expect(said(err)).toEqual({ line: 'packetwalk: --node NAME is needed, one of: control-plane, worker-1, worker-2', usage: true });
  });

  it('a long value is quoted cut, saying how long it was', async () => {
    const { code, err } = await trace('--to', `${'a'.repeat(5000)}:80:1`);
    expect(code).toBe(2);
    expect(said(err).line).toBe(
      `packetwalk: --to must be IP:PORT, NAME:PORT or an http(s):// URL, not "${'a'.repeat(60)}… (5,005 characters)"`,
    );
  });
});

describe('names the manifests must have (exit 1, one line listing what there is)', () => {
  const read = (path: string) => deriveModel([{ name: path, text: readFileSync(`${root}/${path}`, 'utf8') }]);
  const model = read(hostnames);
  const spec = {
    from: { kind: 'pod', namespace: 'default', name: 'client' },
    to: { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' },
  } as const;

  it('--endpoint one of the Service endpoints is the endpoint the packet goes to', async () => {
    const endpoints = model.state.endpointSlices
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'hostnames')
      .flatMap((s) => s.endpoints.flatMap((e) => e.addresses.map((ip) => `${ip}:9376`)));
    const chosen = endpoints.find((e) => e !== walkPacket(model, spec).outcome.endpoint)!;
    const { code, out } = await trace('--from', 'pod/default/client', '--to', 'hostnames:80', '--endpoint', chosen, '-o', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).outcome.endpoint).toBe(chosen);
  });

  it('--to an IPv6 address: one line saying the walk follows IPv4 only, and where the IPv6 rules are (exit 1)', async () => {
    const { code, err, out } = await run([
      'trace',
      '-f',
      'public/scenarios/dual-stack.yaml',
      '--proxy-mode',
      'nftables',
      '--to',
      '[fd00:10:96::e4d4]:80',
    ]);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(said(err)).toEqual({
      line: expect.stringMatching(
        /^packetwalk: --to \[fd00:10:96::e4d4\]:80: the walk follows IPv4 packets only.*packetwalk nft --family 6/,
      ),
      usage: false,
    });
  });

  it('--endpoint on a packet that reaches no Service says so', async () => {
    const { code, err, out } = await trace('--from', 'pod/default/client', '--to', '192.0.2.1:80', '--endpoint', '10.244.1.5:80');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(
      /^packetwalk: --endpoint 10\.244\.1\.5:80: this packet reaches no Service \(result: \w+\), so it has no endpoint to choose\n$/,
    );
  });

  it('a long list of pods is cut after twelve, saying how many more', async () => {
    const ndots = 'public/scenarios/dns-ndots.yaml';
    const pods = read(ndots).state.pods.length;
    expect(pods).toBeGreaterThan(12);
    const { err } = await run(['trace', '-f', ndots, '--from', 'pod/default/nobody', '--to', 'kubernetes:443']);
    expect(err).toMatch(
      new RegExp(`^packetwalk: --from pod/default/nobody: no such pod; the pods are: (\\S+, ){11}\\S+ and ${pods - 12} more\\n$`),
    );
  });
});

describe('what stderr says besides refusals', () => {
  it('a long --to is cut in the line that says which packet is walked', async () => {
    const name = 'x'.repeat(100);
    const { code, err } = await trace('--to', `${name}:80`);
    expect(code).toBe(0);
    expect(err).toBe(`packetwalk: walking --from pod/default/client --to ${'x'.repeat(60)}… (103 characters) (as ${hostnames} declares)\n`);
  });

  it('--help after a command prints the usage, exit 0', async () => {
    const { code, out } = await run(['trace', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^usage:\n/);
  });
  it("a diagnostic's extra lines are indented under it, so each line at the margin is one diagnostic", async () => {
    const { code, err } = await run(['get', '-f', 'e2e/fixtures/hostile/legacy-ingress-self-alias.yaml']);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^e2e\/fixtures\/hostile\/legacy-ingress-self-alias\.yaml:1:1: error: no matches for kind "Ingress".*\n {4}apiVersion: networking\.k8s\.io\/v1\n {4}kind: Ingress\n/,
    );
  });

  it('a diagnostic with no file to point at is said by packetwalk, not by ":1:1"', () => {
    const d = { severity: 'error', code: 'reconcile.internal', params: { message: 'boom' }, file: '', offset: 0, line: 1, col: 1 } as const;
    expect(formatDiagnostic(d)).toMatch(/^packetwalk: error: \S/);
  });

  it('a 5 MB value in a diagnostic is quoted cut', async () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: ${'x'.repeat(5_000_000)}\n  ports: [{port: 80}]\n`;
    const { code, err } = await run(['get', '-f', '-'], text);
    expect(code).toBe(1);
    expect(err).toContain(`: error: .spec.type: Unsupported value: "${'x'.repeat(180)}… (5,000,000 characters)"`);
    // The diagnostic, then the line saying the object was left out.
    const [said, leftOut] = err.split('\n');
    expect(said!.length).toBeLessThan(500);
    expect(leftOut).toMatch(/^packetwalk: the objects with an error are left out/);
  });
});

describe('in the language of the shell', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG: zh* is Simplified Chinese, anything else English', () => {
    expect(localeOf({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeOf({ LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeOf({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeOf({})).toBe('en');
  });

  it('a refusal, the list it gives and a diagnostic are in Chinese for a Chinese shell', async () => {
    const zh = (args: string[], input = '') => run(args, input, undefined, 'zh-CN');
    const node = await zh(['trace', '-f', hostnames, '--from', 'node/nope', '--to', 'hostnames:80']);
    expect(node.code).toBe(1);
    expect(node.err).toBe('packetwalk: --from node/nope：没有这个节点；现有节点：control-plane, worker-1, worker-2\n');
    const ndots = await zh(['trace', '-f', 'public/scenarios/dns-ndots.yaml', '--from', 'pod/default/nobody', '--to', 'kubernetes:443']);
    expect(ndots.err).toMatch(/：没有这个 Pod；现有 Pod：(\S+, ){11}\S+ 等，另有 \d+ 个\n$/);
    const broken = await zh(['get', '-f', '-'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports: [80\n');
    expect(broken.err).toMatch(/^<stdin>:\d+:\d+: error: YAML 语法错误：/m);
  });
});
