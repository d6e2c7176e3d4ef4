// The command lines issue 14 reports as crashing, hanging or passing in silence, with what each
// must do instead: process.test.ts runs every one as a process, bench/hostileCli.ts times them.
import { readdirSync } from 'node:fs';

export interface HostileRun {
  name: string;
  args: string[];
  /** A file the process reads as standard input (`< /dev/zero`). */
  stdin?: string;
  /** Variables set in its environment (LC_ALL). */
  env?: Record<string, string>;
  /** The reader closes the pipe after the first chunk, as `| head -1` does. */
  closeEarly?: boolean;
  /** The exit code, and the line stderr must hold (a fixture's own diagnostics vary: undefined). */
  code: number | undefined;
  says?: RegExp;
}

const hostnames = 'public/scenarios/hostnames.yaml';
const trace = (...args: string[]) => ['trace', '-f', hostnames, ...args];
const longName = `/${'a'.repeat(300)}`;

export const misuses: HostileRun[] = [
  { name: 'get -f /tmp (a directory)', args: ['get', '-f', '/tmp'], code: 1, says: /^packetwalk: \/tmp: is a directory, not a file$/m },
  {
    name: 'get -f /etc/passwd/x (a file as a directory)',
    args: ['get', '-f', '/etc/passwd/x'],
    code: 1,
    says: /^packetwalk: \/etc\/passwd\/x: a part of the path before the last \/ is not a directory$/m,
  },
  {
    name: 'get -f /aaa… (a 301-character name)',
    args: ['get', '-f', longName],
    code: 1,
    says: /^packetwalk: \/a{59}… \(301 characters\): the file name is too long$/m,
  },
  {
    name: 'get -f missing.yaml',
    args: ['get', '-f', 'missing.yaml'],
    code: 1,
    says: /^packetwalk: missing\.yaml: no such file or directory$/m,
  },
  {
    name: 'get -f /dev/zero (endless)',
    args: ['get', '-f', '/dev/zero'],
    code: 1,
    says: /^packetwalk: \/dev\/zero: more than 33,554,432 characters/m,
  },
  {
    name: 'get -f - < /dev/zero (endless)',
    args: ['get', '-f', '-'],
    stdin: '/dev/zero',
    code: 1,
    says: /^packetwalk: <stdin>: more than 33,554,432 characters/m,
  },
  {
    name: 'trace --repeat 20 -o json (2 MB) | head -1',
    args: trace('--from', 'pod/default/client', '--to', 'hostnames:80', '--repeat', '20', '-o', 'json'),
    closeEarly: true,
    code: 0,
  },
  {
    name: 'trace --to 999.1.1.1:80',
    args: trace('--to', '999.1.1.1:80'),
    code: 2,
    says: /^packetwalk: --to: "999\.1\.1\.1" is not an IPv4 address/m,
  },
  {
    name: 'trace --to hostnames:99999',
    args: trace('--to', 'hostnames:99999'),
    code: 2,
    says: /^packetwalk: --to: port "99999" is not a port \(1-65535\)$/m,
  },
  {
    name: 'trace --seed abc',
    args: trace('--seed', 'abc'),
    code: 2,
    says: /^packetwalk: --seed must be a whole number from 0 to 999,999,999, not "abc"$/m,
  },
  { name: 'trace --endpoint garbage', args: trace('--endpoint', 'garbage'), code: 2, says: /^packetwalk: --endpoint must be IP:PORT/m },
  {
    name: 'trace --endpoint 10.1.1.1:80 (not an endpoint)',
    args: trace('--endpoint', '10.1.1.1:80'),
    code: 1,
    says: /^packetwalk: --endpoint 10\.1\.1\.1:80: no such endpoint of Service default\/hostnames; its endpoints are: 10\.244\.\d+\.\d+:9376, /m,
  },
  { name: 'trace -o garbage', args: trace('-o', 'garbage'), code: 2, says: /^packetwalk: -o must be text or json, not "garbage"$/m },
  {
    name: 'trace --repeat 1001',
    args: trace('--repeat', '1001'),
    code: 2,
    says: /^packetwalk: --repeat must be a whole number from 1 to 1,000/m,
  },
  {
    name: 'trace --down nope',
    args: trace('--down', 'nope'),
    code: 1,
    says: /^packetwalk: --down nope: no such node; the nodes are: control-plane, worker-1, worker-2$/m,
  },
  {
    name: 'trace --not-ready default/nope',
    args: trace('--not-ready', 'default/nope'),
    code: 1,
    says: /^packetwalk: --not-ready default\/nope: no such pod; the pods are: default\/client, default\/hostnames-/m,
  },
  {
    name: 'trace --from pod/default/nope',
    args: trace('--from', 'pod/default/nope', '--to', 'hostnames:80'),
    code: 1,
    says: /^packetwalk: --from pod\/default\/nope: no such pod; the pods are: default\/client, /m,
  },
  {
    name: 'trace --from node/nope',
    args: trace('--from', 'node/nope', '--to', 'hostnames:80'),
    code: 1,
    says: /^packetwalk: --from node\/nope: no such node; the nodes are: control-plane, worker-1, worker-2$/m,
  },
  {
    name: 'iptables --node constructor',
    args: ['iptables', '-f', hostnames, '--node', 'constructor'],
    code: 1,
    says: /^packetwalk: --node constructor: no such node; the nodes are: control-plane, worker-1, worker-2$/m,
  },
  {
    name: 'ipvsadm --node __proto__',
    args: ['ipvsadm', '-f', hostnames, '--node', '__proto__', '--proxy-mode', 'ipvs'],
    code: 1,
    says: /^packetwalk: --node __proto__: no such node; the nodes are: control-plane, worker-1, worker-2$/m,
  },
  {
    name: 'get --no-such-flag',
    args: ['get', '-f', hostnames, '--no-such-flag'],
    code: 2,
    says: /^packetwalk: Unknown option '--no-such-flag'$/m,
  },
  {
    name: 'LC_ALL=zh_CN.UTF-8 trace --seed abc (in Chinese)',
    args: trace('--seed', 'abc'),
    env: { LC_ALL: 'zh_CN.UTF-8' },
    code: 2,
    says: /^packetwalk: --seed 必须是 0 到 999,999,999 之间的整数，而不是“abc”$/m,
  },
];

export const hostileDir = 'e2e/fixtures/hostile';

/** Every hostile fixture, read by `get` and walked by `trace` (the packet its file suggests). */
export const fixtureRuns: HostileRun[] = readdirSync(new URL(`../../${hostileDir}`, import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) => [
    { name: `get -f ${file}`, args: ['get', '-f', `${hostileDir}/${file}`, '-o', 'json'], code: undefined },
    { name: `trace -f ${file}`, args: ['trace', '-f', `${hostileDir}/${file}`], code: undefined },
  ]);
