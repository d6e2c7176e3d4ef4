// `packetwalk dig`, `ip route|neigh` and `bridge fdb`: the tables the walk reads, printed as the
// real tools print them, and each fact a walk step shows found as a line of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveModel, walkPacket, type Step } from '../model';
import { root, runMain as run, runProcess } from './runCli';

const hostnames = 'public/scenarios/hostnames.yaml';
const model = deriveModel([{ name: hostnames, text: readFileSync(`${root}/${hostnames}`, 'utf8') }]);
const table = async (...args: string[]) => {
  const r = await run([...args.slice(0, 1), '-f', hostnames, ...args.slice(1)]);
  expect(r.code).toBe(0);
  return r.out.split('\n');
};
const podIP = (prefix: string, node: string) =>
  model.state.pods.find((p) => p.metadata.name.startsWith(prefix) && p.spec.nodeName === node)!.status.podIP!;

describe('ip and bridge', () => {
  it("prints a flannel node's routes as `ip route` does (checked against iproute2 6.1 in a network namespace)", async () => {
    const { code, out } = await run(['ip', '-f', hostnames, '--node', 'worker-1', 'route']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'default via 192.168.1.1 dev eth0 ',
        '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink ',
        '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1 ',
        '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink ',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11 ',
        '',
      ].join('\n'),
    );
  });

  it('shows the route, the VTEP neighbour and the FDB entry a cross-node walk uses, and the pod MAC cni0 learned', async () => {
    const from = model.state.pods.find((p) => p.metadata.name === 'client')!;
    const node = from.spec.nodeName!;
    const other = model.dataplane.nodeNames.find((n) => n !== node && n !== 'control-plane')!;
    const trace = walkPacket(model, {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'ip', ip: podIP('hostnames', other), port: 9376, proto: 'tcp' },
    });
    expect(trace.outcome.result).toBe('delivered');
    const request = trace.steps.filter((s) => s.phase === 'request');
    const routing = request.find((s) => s.at.element === 'routing' && s.at.node === node)!.route!;
    expect(await table('ip', '--node', node, 'route')).toContain(`${routing.dst} via ${routing.via} dev ${routing.dev} onlink `);
    const encap = request.find((s) => s.at.element === 'flannel.1' && s.at.node === node && s.after.outer)!;
    expect(await table('ip', '--node', node, 'neigh')).toContain(`${routing.via} dev flannel.1 lladdr ${encap.after.dstMac} PERMANENT `);
    const fdb = await table('bridge', '--node', node, 'fdb', 'show');
    expect(fdb).toContain(`${encap.after.dstMac} dev flannel.1 dst ${encap.after.outer!.dst} self permanent`);
    const toPod = request.find((s: Step) => s.at.element === 'cni0' && s.explain.key === 'explain.bridge.toPod')!;
    const { veth, mac } = toPod.explain.params as { veth: string; mac: string };
    expect(await table('bridge', '--node', other, 'fdb')).toContain(`${mac} dev ${veth} master cni0 `);
  });

  it('shows the LAN neighbour a node sends to over its NIC', async () => {
    const trace = walkPacket(model, {
      from: { kind: 'node', name: 'worker-1' },
      to: { kind: 'ip', ip: '192.168.1.12', port: 10250, proto: 'tcp' },
    });
    const wire = trace.steps.find((s) => s.phase === 'request' && s.at.element === 'wire' && s.at.node === 'worker-1')!;
    expect(await table('ip', '--node', 'worker-1', 'neigh')).toContain(`192.168.1.12 dev eth0 lladdr ${wire.after.dstMac} REACHABLE `);
  });

  it('shows a node taken down as a STALE neighbour, its MAC no longer confirmed', async () => {
    const lines = await table('ip', '--node', 'worker-1', 'neigh', '--down', 'worker-2');
    expect(lines.filter((l) => l.startsWith('192.168.1.12 '))).toEqual([
      expect.stringMatching(/^192\.168\.1\.12 dev eth0 lladdr \S+ STALE $/),
    ]);
    expect(lines.filter((l) => l.startsWith('192.168.1.10 '))).toEqual([expect.stringMatching(/ REACHABLE $/)]);
  });

  it('refuses what it does not model, on one line', async () => {
    const refused = async (args: string[], code: number, message: RegExp) => {
      const r = await run(args);
      expect([r.code, r.out]).toEqual([code, '']);
      expect(r.err.split('\n')[0]).toMatch(message);
    };
    await refused(['ip', '-f', hostnames, '--node', 'worker-1'], 2, /^packetwalk: ip needs what to show: route or neigh$/);
    await refused(['ip', '-f', hostnames, '--node', 'worker-1', 'link'], 2, /^packetwalk: ip shows route or neigh, not "link"$/);
    await refused(['ip', '-f', hostnames, '--node', 'worker-1', 'route', 'get', '10.0.0.1'], 2, /does not take "get"$/);
    await refused(['ip', '-f', hostnames, '--node', 'worker-1', '--family', '6', 'route'], 2, /IPv4 routes and neighbours only$/);
    await refused(['bridge', '-f', hostnames, 'fdb'], 2, /^packetwalk: --node NAME is needed, one of: control-plane, worker-1, worker-2$/);
    await refused(
      ['bridge', '-f', hostnames, '--node', 'worker-9', 'fdb'],
      1,
      /^packetwalk: --node worker-9: no such node; the nodes are: /,
    );
    await refused(['get', '-f', hostnames, 'pods'], 2, /^packetwalk: get does not take "pods"$/);
  });
});

describe('dig', () => {
  const digFrom = (...words: string[]) => run(['dig', '-f', hostnames, '--from', 'pod/default/client', ...words]);

  it("prints dig's reply to the question the pod's nameserver gets", async () => {
    const { code, out, err } = await digFrom('hostnames.default.svc.cluster.local');
    expect([code, err]).toEqual([0, '']);
    const ip = model.state.services.find((s) => s.metadata.name === 'hostnames')!.spec.clusterIP;
    expect(out).toContain(`\n;; ANSWER SECTION:\nhostnames.default.svc.cluster.local. 30\tIN A\t${ip}\n`);
    expect(out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n;; WHEN: Thu Dec 03 07:30:00 UTC 2026\n');
    expect(out.split('\n')[1]).toBe('; <<>> DiG 9.18-PacketWalk <<>> hostnames.default.svc.cluster.local');
  });

  it('with +search finds the address the walk resolves the same name to', async () => {
    const trace = walkPacket(model, {
      from: { kind: 'pod', namespace: 'default', name: 'client' },
      to: { kind: 'name', name: 'hostnames', port: 80, proto: 'tcp' },
    });
    const { out } = await digFrom('hostnames', '+search', '-o', 'json');
    const reply = JSON.parse(out);
    expect(reply.status).toBe('NOERROR');
    expect(reply.answer.map((r: { data: string }) => r.data)).toEqual(trace.outcome.dns!.addresses);
    expect(reply.question).toEqual({ name: 'hostnames.default.svc.cluster.local.', type: 'A' });
  });

  it("asks the reverse name with -x, and says when the answer is not the model's to give", async () => {
    const reverse = await digFrom('-x', '10.96.0.1');
    expect(reverse.out).toContain(';1.0.96.10.in-addr.arpa.\t\tIN\tPTR\n');
    expect(reverse.out).toContain('IN\tPTR\tkubernetes.default.svc.cluster.local.\n');
    const outside = await digFrom('example.com');
    expect([outside.code, outside.out]).toEqual([0, '']);
    expect(outside.err).toBe(
      'packetwalk: example.com. is answered by the resolver outside the cluster (192.168.1.1); what it answers is not modelled\n',
    );
  });

  it('refuses a command line dig would not run here, naming what it takes', async () => {
    const refused = async (args: string[], code: number, message: RegExp) => {
      const r = await run(['dig', '-f', hostnames, ...args]);
      expect([r.code, r.out]).toEqual([code, '']);
      expect(r.err.split('\n')[0]).toMatch(message);
    };
    await refused(['kubernetes'], 2, /^packetwalk: dig runs in a pod: give --from pod\/NS\/NAME$/);
    await refused(['--from', 'node/worker-1', 'kubernetes'], 2, /^packetwalk: dig runs in a pod/);
    await refused(['--from', 'pod/default/client'], 2, /^packetwalk: dig needs a NAME to look up/);
    await refused(
      ['--from', 'pod/default/client', 'a.b', 'MX'],
      2,
      /^packetwalk: TYPE must be A, AAAA, SRV, PTR, CNAME, TXT or NS, not "MX"$/,
    );
    await refused(['--from', 'pod/default/client', 'a.b', '+trace'], 2, /^packetwalk: dig option "\+trace" is not modelled/);
    await refused(['--from', 'pod/default/client', 'a.b', 'TXT', '+search'], 2, /for A, AAAA, SRV, PTR and CNAME only$/);
    await refused(['--from', 'pod/default/client', `${'x'.repeat(64)}.example`], 2, /is not a name dig would send/);
    await refused(['--from', 'pod/default/nobody', 'a.b'], 1, /^packetwalk: --from pod\/default\/nobody: no such pod; the pods are: /);
  });

  it('speaks Chinese when the shell does', async () => {
    const r = await run(['dig', '-f', hostnames, 'kubernetes'], '', undefined, 'zh-CN');
    expect(r.err.split('\n')[0]).toBe('packetwalk: dig 在 Pod 里运行：请给出 --from pod/NS/NAME');
  });

  it('runs as a process, on the system clock', () => {
    const r = runProcess(['dig', '-f', hostnames, '--from', 'pod/default/client', 'kubernetes.default.svc.cluster.local', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).answer[0]).toEqual({
      name: 'kubernetes.default.svc.cluster.local.',
      ttl: 30,
      class: 'IN',
      type: 'A',
      data: '10.96.0.1',
    });
    const route = runProcess(['ip', '-f', hostnames, '--node', 'worker-2', 'route', 'show']);
    expect([route.code, route.out.split('\n')[0]]).toEqual([0, 'default via 192.168.1.1 dev eth0 ']);
  });
});
