// Real packets through the table we generate: a node's namespace holds the kube-proxy table of
// worker-1 (testCluster.ts), its LAN side a veth to a peer namespace, routes to the Service and
// pod ranges through it. Connections opened from the node must get the verdicts the rules say:
// DNAT to an endpoint (seen in conntrack), reject with no endpoints or on a port the ClusterIP
// does not serve, drop for an unallocated ClusterIP; from the LAN peer, an externalTrafficPolicy
// Local NodePort DNATed with the client's address kept, a NodePort without endpoints refused; and
// the evaluator (eval.ts) must say what the kernel did. Root only; skipped with the reason otherwise.
import { describe, expect, it } from 'vitest';
import { kernelSkipReason, withNetns, type Netns } from '../../netfilter/kernel/harness';
import type { Packet } from '../../netfilter/types';
import { evalNftHook, type NftDynamicSets } from './eval';
import { nftablesDump, nftablesTable } from './sync';
import { featureCluster } from './testCluster';

const skip = kernelSkipReason(['nft', 'nc']);

function node(ns: Netns, peer: Netns): void {
  ns.sh(`ip link add pk0 type veth peer name pk1 netns ${peer.name}`);
  ns.sh('ip link set pk0 up && ip addr add 192.168.1.11/24 dev pk0');
  ns.sh('ip route add 10.96.0.0/12 dev pk0 && ip route add 10.244.0.0/16 dev pk0');
  peer.sh('ip link set pk1 up && ip addr add 192.168.1.1/24 dev pk1');
  const load = ns.exec('nft', ['-f', '-'], nftablesDump(featureCluster(), 'worker-1', 4));
  if (load.code !== 0) throw new Error(`nft -f: ${load.stderr}`);
}

/** The reply side of the one conntrack entry to `dst`: where the kernel DNATed the connection. */
function dnatOf(ns: Netns, proto: 'tcp' | 'udp', dst: string): string {
  const listed = ns.exec('conntrack', ['-L', '-p', proto, '--orig-dst', dst]).stdout;
  const m = /\bdst=\S+ sport=\d+ dport=\d+ (?:\[UNREPLIED\] )?src=(\S+) dst=\S+ sport=(\d+)/.exec(listed);
  return m ? `${m[1]}:${m[2]}` : `no conntrack entry for ${dst} in:\n${listed}`;
}

/** `nc`'s verdict on a TCP connection from the node: what the learner's client would see. */
function connect(ns: Netns, ip: string, port: number): string {
  const r = ns.exec('nc', ['-v', '-z', '-w', '2', ip, String(port)], undefined, 5000);
  return /refused/.test(r.stderr) ? 'refused' : /timed out/.test(r.stderr) ? 'timed out' : r.stderr.trim();
}

const table = nftablesTable(featureCluster(), 'worker-1', 4);

/** The evaluator on the node's own connection (OUTPUT), the number drawn and the affinity sets given. */
function evaluate(dst: string, dport: number, proto: Packet['proto'], drawn = 0, dynamicSets: NftDynamicSets = {}) {
  const packet: Packet = { proto, src: '192.168.1.11', dst, sport: 40000, dport, mark: 0 };
  return evalNftHook(table, 'output', packet, {
    isLocal: (ip) => ip === '192.168.1.11',
    numgen: () => drawn,
    outAddress: () => '192.168.1.11',
    ct: { state: 'NEW', dnat: false, snat: false },
    dynamicSets,
    now: 0,
  });
}

const to = (r: ReturnType<typeof evaluate>) => `${r.packet.dst}:${r.packet.dport}`;

/** The evaluator on a LAN client's first packet arriving at worker-1, at `hook`. */
function fromLan(dport: number, hook: 'prerouting' | 'input' = 'prerouting') {
  const packet: Packet = { proto: 'tcp', src: '192.168.1.1', dst: '192.168.1.11', sport: 40000, dport, mark: 0 };
  return evalNftHook(table, hook, packet, {
    isLocal: (ip) => ip === '192.168.1.11',
    numgen: () => 0,
    outAddress: () => '192.168.1.11',
    ct: { state: 'NEW', dnat: false, snat: false },
    dynamicSets: {},
    now: 0,
  });
}

/** Both sides of the kernel's conntrack entry for a connection to the node's `port`: where it was DNATed, and whom the reply goes to (the client, or the node when masqueraded). */
function natOfNodePort(ns: Netns, port: number): { dnat: string; replyTo: string } | string {
  const listed = ns.exec('conntrack', ['-L', '-p', 'tcp', '--orig-dst', '192.168.1.11', '--orig-port-dst', String(port)]).stdout;
  const m = /\bdport=\d+ (?:\[UNREPLIED\] )?src=(\S+) dst=(\S+) sport=(\d+)/.exec(listed);
  return m ? { dnat: `${m[1]}:${m[3]}`, replyTo: m[2]! } : `no conntrack entry for port ${port} in:\n${listed}`;
}

describe.skipIf(skip)(`packets through the nftables rules${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('a SYN to a ClusterIP is DNATed to one of its endpoints, UDP to kube-dns to its pod', () => {
    withNetns(['nftnode', 'nftpeer'], (ns, peer) => {
      node(ns, peer);
      ns.exec('nc', ['-z', '-w', '1', '10.96.0.80', '80'], undefined, 5000);
      expect(['10.244.1.5:8080', '10.244.2.5:8080']).toContain(dnatOf(ns, 'tcp', '10.96.0.80'));
      ns.exec('sh', ['-c', 'echo query | nc -u -w 1 10.96.0.10 53'], undefined, 5000);
      expect(dnatOf(ns, 'udp', '10.96.0.10')).toBe('10.244.1.9:53');
      expect(to(evaluate('10.96.0.10', 53, 'udp'))).toBe('10.244.1.9:53');
    });
  });

  it("ClientIP affinity: with the kernel's affinity sets after a first connection, the evaluator picks the kernel's endpoint whatever it draws", () => {
    withNetns(['nftnode', 'nftpeer'], (ns, peer) => {
      node(ns, peer);
      ns.exec('nc', ['-z', '-w', '1', '10.96.0.80', '80'], undefined, 5000);
      const kernel = dnatOf(ns, 'tcp', '10.96.0.80');
      const sets: NftDynamicSets = {};
      for (const name of table.sets.keys()) {
        if (!name.startsWith('affinity-')) continue;
        const listed = ns.exec('nft', ['list', 'set', 'ip', 'kube-proxy', name]).stdout;
        if (/elements = \{[^}]*\b192\.168\.1\.11\b/.test(listed)) sets[name] = { '192.168.1.11': 10800 };
      }
      expect(Object.keys(sets)).toHaveLength(1);
      for (const drawn of [0, 1]) expect(to(evaluate('10.96.0.80', 80, 'tcp', drawn, sets))).toBe(kernel);
      ns.exec('nc', ['-z', '-w', '1', '10.96.0.80', '80'], undefined, 5000);
      expect(dnatOf(ns, 'tcp', '10.96.0.80')).toBe(kernel);
    });
  });

  it('a Service without endpoints and a port the ClusterIP does not serve are refused; an unallocated ClusterIP is dropped', () => {
    withNetns(['nftnode', 'nftpeer'], (ns, peer) => {
      node(ns, peer);
      expect(connect(ns, '10.96.0.11', 80)).toBe('refused');
      expect(connect(ns, '10.96.0.80', 81)).toBe('refused');
      expect(connect(ns, '10.96.0.99', 80)).toBe('timed out');
      expect(
        [evaluate('10.96.0.11', 80, 'tcp'), evaluate('10.96.0.80', 81, 'tcp'), evaluate('10.96.0.99', 80, 'tcp')].map((r) => r.verdict),
      ).toEqual(['REJECT', 'REJECT', 'DROP']);
    });
  });

  it("from the LAN: an externalTrafficPolicy Local NodePort is DNATed to the node's own endpoint with the client's address kept; a NodePort without endpoints is refused", () => {
    withNetns(['nftnode', 'nftpeer'], (ns, peer) => {
      node(ns, peer);
      ns.sh('sysctl -qw net.ipv4.ip_forward=1');
      peer.exec('nc', ['-z', '-w', '1', '192.168.1.11', '30080'], undefined, 5000);
      expect(natOfNodePort(ns, 30080)).toEqual({ dnat: '10.244.1.5:8080', replyTo: '192.168.1.1' });
      const local = fromLan(30080);
      expect([to(local), local.packet.src, local.packet.mark & 0x4000]).toEqual(['10.244.1.5:8080', '192.168.1.1', 0]);
      const r = peer.exec('nc', ['-v', '-z', '-w', '2', '192.168.1.11', '30011'], undefined, 5000);
      expect(r.stderr).toMatch(/refused/);
      // Not DNATed at PREROUTING, the SYN is for the node itself: kube-proxy's filter chain at INPUT refuses it.
      expect([fromLan(30011).verdict, fromLan(30011, 'input').verdict]).toEqual(['ACCEPT', 'REJECT']);
    });
  });
});
