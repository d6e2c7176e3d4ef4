import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confirmConntrack, ctInfoFor, emptyConntrack, formatConntrack, lookupConntrack, updateConntrack } from './conntrack';
import { parseRuleset } from './parse';
import { traverse } from './traverse';
import type { EvalContext, Packet } from './types';

const kubeProxy = parseRuleset(readFileSync(new URL('./testdata/kubeproxy-hostnames.restore', import.meta.url), 'utf8')).ruleset;

const ctx: EvalContext = {
  isLocal: (ip) => ip === '192.168.1.11',
  decideRandom: (rule) => rule.args.some((a) => a.includes('-> 10.244.2.3:9376')),
  outAddress: (iface) => (iface === 'flannel.1' ? '10.244.1.0' : '10.244.1.1'),
};

/** The first packet through node n1: PREROUTING, FORWARD, POSTROUTING, then conntrack confirms it. */
function firstPacket(p: Packet) {
  const pre = traverse(kubeProxy, 'PREROUTING', p, ctx);
  const fwd = traverse(kubeProxy, 'FORWARD', { ...pre.packet, outIface: 'flannel.1' }, { ...ctx, ct: pre.ct });
  const post = traverse(kubeProxy, 'POSTROUTING', fwd.packet, { ...ctx, ct: fwd.ct });
  return { post, ...confirmConntrack(emptyConntrack('n1'), p, post.packet) };
}

const SYN: Packet = {
  proto: 'tcp',
  src: '192.168.1.50',
  dst: '10.96.0.20',
  sport: 43210,
  dport: 80,
  tcpFlags: ['SYN'],
  mark: 0,
  inIface: 'eth0',
};

describe('conntrack', () => {
  it('records the DNAT and the masquerade of the first packet in the reply tuple', () => {
    const { entry } = firstPacket(SYN);
    expect(entry.orig).toEqual({ src: '192.168.1.50', dst: '10.96.0.20', sport: 43210, dport: 80 });
    expect(entry.reply).toEqual({ src: '10.244.2.3', dst: '10.244.1.0', sport: 9376, dport: 43210 });
    expect(entry).toMatchObject({ state: 'SYN_SENT', timeout: 120, dnat: true, snat: true, node: 'n1' });
  });

  it('prints the entry as conntrack -L does', () => {
    const { entry } = firstPacket(SYN);
    expect(formatConntrack(entry)).toBe(
      'tcp      6 119 SYN_SENT src=192.168.1.50 dst=10.96.0.20 sport=43210 dport=80 [UNREPLIED] src=10.244.2.3 dst=10.244.1.0 sport=9376 dport=43210 mark=0 use=1',
    );
    expect(formatConntrack({ ...entry, proto: 'udp', seenReply: true, assured: true, timeout: 120 }, 10)).toBe(
      'udp      17 109 src=192.168.1.50 dst=10.96.0.20 sport=43210 dport=80 src=10.244.2.3 dst=10.244.1.0 sport=9376 dport=43210 [ASSURED] mark=0 use=1',
    );
  });

  it('reverses the NAT on the reply: the client sees the ClusterIP answer, not the pod', () => {
    const { table } = firstPacket(SYN);
    const synAck: Packet = {
      proto: 'tcp',
      src: '10.244.2.3',
      dst: '10.244.1.0',
      sport: 9376,
      dport: 43210,
      tcpFlags: ['SYN', 'ACK'],
      mark: 0,
    };
    const hit = lookupConntrack(table, synAck)!;
    expect(hit.direction).toBe('reply');
    const ct = ctInfoFor(hit);
    expect(ct.state).toBe('ESTABLISHED');
    const pre = traverse(kubeProxy, 'PREROUTING', synAck, { ...ctx, ct });
    expect(pre.packet).toMatchObject({ dst: '192.168.1.50', dport: 43210, src: '10.244.2.3' });
    const post = traverse(kubeProxy, 'POSTROUTING', { ...pre.packet, outIface: 'eth0' }, { ...ctx, ct: pre.ct });
    expect(post.packet).toMatchObject({ src: '10.96.0.20', sport: 80, dst: '192.168.1.50', dport: 43210 });
    expect(post.nat).toEqual([]); // the nat table was not consulted: conntrack did it
    expect(post.visits).toEqual([
      { kind: 'conntrack', table: 'nat', manip: 'src', from: { ip: '10.244.2.3', port: 9376 }, to: { ip: '10.96.0.20', port: 80 } },
    ]);
  });

  it('follows the TCP handshake: SYN_SENT, SYN_RECV, ESTABLISHED and [ASSURED]', () => {
    let { table } = firstPacket(SYN);
    const step = (p: Packet) => {
      const r = updateConntrack(table, lookupConntrack(table, p)!, p);
      table = r.table;
      return r.entry!;
    };
    const synAck = step({
      proto: 'tcp',
      src: '10.244.2.3',
      dst: '10.244.1.0',
      sport: 9376,
      dport: 43210,
      tcpFlags: ['SYN', 'ACK'],
      mark: 0,
    });
    expect(synAck).toMatchObject({ state: 'SYN_RECV', timeout: 60, seenReply: true, assured: false });
    const ack = step({ ...SYN, tcpFlags: ['ACK'] });
    expect(ack).toMatchObject({ state: 'ESTABLISHED', timeout: 432000, assured: true });
    expect(formatConntrack(ack)).toContain('ESTABLISHED src=192.168.1.50');
    expect(formatConntrack(ack)).toContain('dport=43210 [ASSURED] mark=0 use=1');
  });

  it('forgets a connection refused with RST before it was assured, as the kernel does', () => {
    const { table } = firstPacket(SYN);
    const rst: Packet = {
      proto: 'tcp',
      src: '10.244.2.3',
      dst: '10.244.1.0',
      sport: 9376,
      dport: 43210,
      tcpFlags: ['RST', 'ACK'],
      mark: 0,
    };
    expect(updateConntrack(table, lookupConntrack(table, rst)!, rst).table.entries).toEqual([]);
  });

  it('leaves the table it was given unchanged', () => {
    const empty = emptyConntrack('n1');
    confirmConntrack(empty, SYN, SYN);
    expect(empty.entries).toEqual([]);
  });
});
