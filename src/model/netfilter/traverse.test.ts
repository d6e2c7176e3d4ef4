import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleset } from './parse';
import { traverse } from './traverse';
import type { EvalContext, HookResult, Packet, Rule, Ruleset, Visit } from './types';

const kubeProxy = parseRuleset(readFileSync(new URL('./testdata/kubeproxy-hostnames.restore', import.meta.url), 'utf8')).ruleset;

const NODE_IPS = ['192.168.1.11', '10.244.1.1', '10.244.1.0'];

/** Takes the statistic rule whose comment names `endpoint`; every other random rule misses. */
function pick(endpoint: string) {
  return (rule: Rule) => rule.args.some((a) => a.includes(`-> ${endpoint}`));
}

function ctx(extra: Partial<EvalContext> = {}): EvalContext {
  return {
    isLocal: (ip) => NODE_IPS.includes(ip),
    decideRandom: pick('10.244.2.3:9376'),
    outAddress: (iface) => ({ 'flannel.1': '10.244.1.0', cni0: '10.244.1.1', eth0: '192.168.1.11' })[iface] ?? '0.0.0.0',
    ...extra,
  };
}

function syn(src: string, dst: string, dport: number, extra: Partial<Packet> = {}): Packet {
  return { proto: 'tcp', src, dst, sport: 43210, dport, tcpFlags: ['SYN'], mark: 0, ...extra };
}

/** The chain path of matched rules: `chain: target` for each rule whose target acted. */
function path(r: HookResult): string[] {
  return r.visits.flatMap((v: Visit) => (v.kind === 'rule' && v.matched && v.effect ? [`${v.chain}: ${effectText(v.effect)}`] : []));
}

function effectText(e: NonNullable<Extract<Visit, { kind: 'rule' }>['effect']>): string {
  switch (e.kind) {
    case 'jump':
    case 'goto':
      return `${e.kind} ${e.chain}`;
    case 'dnat':
    case 'snat':
      return `${e.kind} ${e.to.ip}:${e.to.port}`;
    case 'mark':
      return `mark 0x${e.to.toString(16)}`;
    case 'reject':
      return `reject ${e.with}`;
    default:
      return e.kind;
  }
}
describe('traverse: a kube-proxy ClusterIP', () => {
  it('DNATs a pod-to-ClusterIP packet through KUBE-SERVICES → KUBE-SVC → the chosen KUBE-SEP', () => {
    const r = traverse(kubeProxy, 'PREROUTING', syn('10.244.1.5', '10.96.0.20', 80, { inIface: 'cni0' }), ctx());
    expect(r.verdict).toBe('ACCEPT');
    expect(path(r)).toEqual([
      'PREROUTING: jump KUBE-SERVICES',
      'KUBE-SERVICES: jump KUBE-SVC-NWV5X2332I4OT4T3',
      'KUBE-SVC-NWV5X2332I4OT4T3: jump KUBE-SEP-X3P2623AGDH6CDF3',
      'KUBE-SEP-X3P2623AGDH6CDF3: dnat 10.244.2.3:9376',
    ]);
    expect(r.packet).toMatchObject({ dst: '10.244.2.3', dport: 9376, src: '10.244.1.5', mark: 0 });
    expect(r.nat).toHaveLength(1);
    expect(r.nat[0]).toMatchObject({ kind: 'DNAT', from: { ip: '10.96.0.20', port: 80 }, to: { ip: '10.244.2.3', port: 9376 } });
    expect(r.nat[0].rule.chain).toBe('KUBE-SEP-X3P2623AGDH6CDF3');
    expect(r.ct).toMatchObject({ state: 'NEW', dnat: true, snat: false });
  });

  it('records the probability cascade: the first endpoint rule tested and missed', () => {
    const r = traverse(kubeProxy, 'PREROUTING', syn('10.244.1.5', '10.96.0.20', 80), ctx());
    const svc = r.visits.filter((v) => v.kind === 'rule' && v.chain === 'KUBE-SVC-NWV5X2332I4OT4T3');
    expect(svc.map((v) => v.kind === 'rule' && v.matched)).toEqual([false, false, true]);
  });

  it('passes the kernel-rounded probability to the dice', () => {
    const seen: number[] = [];
    traverse(kubeProxy, 'PREROUTING', syn('10.244.1.5', '10.96.0.20', 80), ctx({ decideRandom: (_r, p) => (seen.push(p), false) }));
    expect(seen).toEqual([715827883 / 2 ** 31, 0.5]);
  });

  it('marks traffic from outside the cluster CIDR for masquerade, and POSTROUTING masquerades it', () => {
    const pre = traverse(kubeProxy, 'PREROUTING', syn('192.168.1.50', '10.96.0.20', 80, { inIface: 'eth0' }), ctx());
    expect(path(pre)).toContain('KUBE-MARK-MASQ: mark 0x4000');
    expect(pre.packet.mark).toBe(0x4000);
    const post = traverse(kubeProxy, 'POSTROUTING', { ...pre.packet, outIface: 'flannel.1' }, ctx({ ct: pre.ct }));
    expect(path(post)).toEqual([
      'POSTROUTING: jump KUBE-POSTROUTING',
      'KUBE-POSTROUTING: mark 0x0',
      'KUBE-POSTROUTING: snat 10.244.1.0:43210',
    ]);
    expect(post.packet).toMatchObject({ src: '10.244.1.0', dst: '10.244.2.3', dport: 9376, mark: 0 });
    expect(post.nat[0]).toMatchObject({ kind: 'SNAT', masquerade: true });
    expect(post.ct).toMatchObject({ dnat: true, snat: true });
  });

  it('does not masquerade pod traffic (KUBE-POSTROUTING returns on an unmarked packet)', () => {
    const post = traverse(kubeProxy, 'POSTROUTING', syn('10.244.1.5', '10.244.2.3', 9376, { outIface: 'flannel.1' }), ctx());
    expect(post.packet.src).toBe('10.244.1.5');
    expect(post.visits.at(-1)).toEqual({ kind: 'policy', table: 'nat', chain: 'POSTROUTING', policy: 'ACCEPT' });
  });

  it('REJECTs a Service without endpoints in the filter table, with icmp-port-unreachable', () => {
    const r = traverse(kubeProxy, 'FORWARD', syn('10.244.1.5', '10.96.0.30', 80, { inIface: 'cni0', outIface: 'eth0' }), ctx());
    expect(r.verdict).toBe('REJECT');
    expect(r.rejectWith).toBe('icmp-port-unreachable');
    expect(r.decidedBy?.args).toContain('default/nothing:http has no endpoints');
    expect(path(r).at(-1)).toBe('KUBE-SERVICES: reject icmp-port-unreachable');
  });

  it('REJECTs it for a process on the node too (OUTPUT), after the nat table found nothing', () => {
    const r = traverse(kubeProxy, 'OUTPUT', syn('192.168.1.11', '10.96.0.30', 80), ctx());
    expect(r.verdict).toBe('REJECT');
    expect(r.visits.filter((v) => v.kind === 'enter').map((v) => v.kind === 'enter' && v.table)).toEqual(['nat', 'filter']);
  });

  it('skips the nat table for a known connection and applies its conntrack NAT instead', () => {
    const entry = {
      proto: 'tcp' as const,
      orig: { src: '10.244.1.5', dst: '10.96.0.20', sport: 43210, dport: 80 },
      reply: { src: '10.244.2.3', dst: '10.244.1.5', sport: 9376, dport: 43210 },
      state: 'ESTABLISHED',
      mark: 0,
      dnat: true,
      snat: false,
      timeout: 432000,
      node: 'n1',
      seenReply: true,
    };
    const pkt = { ...syn('10.244.1.5', '10.96.0.20', 80), tcpFlags: ['ACK'] };
    const r = traverse(
      kubeProxy,
      'PREROUTING',
      pkt,
      ctx({ ct: { state: 'ESTABLISHED', dnat: true, snat: false, entry, direction: 'original' } }),
    );
    expect(r.visits).toEqual([
      { kind: 'conntrack', table: 'nat', manip: 'dst', from: { ip: '10.96.0.20', port: 80 }, to: { ip: '10.244.2.3', port: 9376 } },
    ]);
    expect(r.packet).toMatchObject({ dst: '10.244.2.3', dport: 9376 });
    const fwd = traverse(kubeProxy, 'FORWARD', r.packet, ctx({ ct: r.ct }));
    expect(path(fwd)).toEqual(['FORWARD: jump KUBE-FORWARD', 'KUBE-FORWARD: accept']);
  });
});

describe('traverse: ClientIP session affinity (-m recent)', () => {
  const client = (sport: number) => syn('10.244.3.9', '10.96.0.40', 80, { sport });

  it('sends a returning client to the endpoint it was first given, until --seconds pass', () => {
    const first = traverse(kubeProxy, 'PREROUTING', client(1000), ctx({ decideRandom: () => false, now: 100 }));
    expect(first.packet.dst).toBe('10.244.2.8');
    expect(first.recent['KUBE-SEP-STICKYBBBBBBBBBB']).toEqual({ '10.244.3.9': [100] });

    const again = traverse(kubeProxy, 'PREROUTING', client(1001), ctx({ decideRandom: () => true, now: 200, recent: first.recent }));
    expect(again.packet.dst).toBe('10.244.2.8');
    expect(first.recent['KUBE-SEP-STICKYBBBBBBBBBB']['10.244.3.9']).toEqual([100]); // the input state is not modified

    const later = traverse(
      kubeProxy,
      'PREROUTING',
      client(1002),
      ctx({ decideRandom: () => true, now: 200 + 10801, recent: again.recent }),
    );
    expect(later.packet.dst).toBe('10.244.1.8');
  });
});

function rules(text: string): Ruleset {
  const { ruleset, errors } = parseRuleset(text);
  expect(errors).toEqual([]);
  return ruleset;
}

describe('traverse: chain mechanics', () => {
  it('goes to a chain (-g): its RETURN skips the caller and ends at the built-in policy', () => {
    const rs = rules(
      '*filter\n:INPUT DROP [0:0]\n:G - [0:0]\n:J - [0:0]\n-A INPUT -j J\n-A INPUT -j ACCEPT\n-A J -g G\n-A J -j ACCEPT\n-A G -j RETURN\nCOMMIT',
    );
    const r = traverse(rs, 'INPUT', syn('1.1.1.1', '2.2.2.2', 1), ctx());
    expect(path(r)).toEqual(['INPUT: jump J', 'J: goto G', 'G: return', 'INPUT: accept']);
    expect(r.verdict).toBe('ACCEPT');
  });

  it('falls off the end of a user chain back into its caller, and off a built-in chain into its policy', () => {
    const rs = rules('*filter\n:FORWARD DROP [0:0]\n:U - [0:0]\n-A FORWARD -j U\nCOMMIT');
    const r = traverse(rs, 'FORWARD', syn('1.1.1.1', '2.2.2.2', 1), ctx());
    expect(r.visits.map((v) => v.kind)).toEqual(['enter', 'rule', 'return', 'policy']);
    expect(r.verdict).toBe('DROP');
  });

  it('stops a chain that loops instead of hanging', () => {
    const rs = rules('*filter\n:L - [0:0]\n-A INPUT -j L\n-A L -j L\nCOMMIT');
    const r = traverse(rs, 'INPUT', syn('1.1.1.1', '2.2.2.2', 1), ctx());
    expect(r).toMatchObject({ verdict: 'DROP', loop: true });
  });

  it('matches interfaces with + wildcards and negation, and addresses with CIDR and !', () => {
    const rs = rules('*filter\n-A FORWARD -i veth+ ! -o eth0 ! -s 10.0.0.0/8 -d 10.244.0.0/16 -j DROP\nCOMMIT');
    const hit = (p: Partial<Packet>) => traverse(rs, 'FORWARD', syn('192.168.0.1', '10.244.9.9', 1, p), ctx()).verdict;
    expect(hit({ inIface: 'veth1234', outIface: 'cni0' })).toBe('DROP');
    expect(hit({ inIface: 'veth1234', outIface: 'eth0' })).toBe('ACCEPT');
    expect(hit({ inIface: 'eth1', outIface: 'cni0' })).toBe('ACCEPT');
    expect(hit({ inIface: 'veth1', outIface: 'cni0', src: '10.1.2.3' })).toBe('ACCEPT');
  });

  it('reads the ctstate DNAT bit a DNAT at PREROUTING leaves for FORWARD', () => {
    const rs = rules(
      '*nat\n-A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.9:80\nCOMMIT\n*filter\n-A FORWARD -m conntrack --ctstate DNAT -j DROP\nCOMMIT',
    );
    const pre = traverse(rs, 'PREROUTING', syn('1.1.1.1', '2.2.2.2', 1), ctx());
    expect(traverse(rs, 'FORWARD', pre.packet, ctx({ ct: pre.ct })).verdict).toBe('DROP');
    expect(traverse(rs, 'FORWARD', pre.packet, ctx()).verdict).toBe('ACCEPT');
  });

  it('matches addrtype LOCAL, multiport and ipsets from the context', () => {
    const rs = rules(
      '*filter\n-A INPUT -m addrtype --dst-type LOCAL -p tcp -m multiport --dports 22,30000:32767 -j DROP\n-A INPUT -m set --match-set KUBE-CLUSTER-IP dst,dst -j REJECT\nCOMMIT',
    );
    const c = ctx({
      ipsets: { 'KUBE-CLUSTER-IP': { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', members: ['10.96.0.10,udp:53', '10.96.0.20,tcp:80'] } },
    });
    expect(traverse(rs, 'INPUT', syn('1.1.1.1', '192.168.1.11', 30080), c).verdict).toBe('DROP');
    expect(traverse(rs, 'INPUT', syn('1.1.1.1', '192.168.1.99', 30080), c).verdict).toBe('ACCEPT');
    expect(traverse(rs, 'INPUT', syn('1.1.1.1', '10.96.0.20', 80), c).verdict).toBe('REJECT');
    expect(traverse(rs, 'INPUT', syn('1.1.1.1', '10.96.0.20', 81), c).verdict).toBe('ACCEPT');
  });

  it('flags a match it cannot evaluate instead of guessing', () => {
    const rs = rules('*filter\n-A INPUT -m statistic --mode nth --every 2 -j DROP\nCOMMIT');
    const r = traverse(rs, 'INPUT', syn('1.1.1.1', '2.2.2.2', 1), ctx());
    expect(r.visits[1]).toMatchObject({ kind: 'rule', matched: false, unsupported: ['statistic'] });
  });
});

describe('traverse: the IPv6 side of a dual-stack node', () => {
  const v6 = parseRuleset(readFileSync(new URL('./testdata/kubeproxy-dualstack-v6.restore', import.meta.url), 'utf8'), 6).ruleset;
  const ctx6 = (endpoint: string) =>
    ctx({ isLocal: (ip) => ip === 'fd00:192:168:1::11', decideRandom: pick(endpoint), outAddress: () => 'fd00:192:168:1::11' });

  it("DNATs a pod-to-ClusterIP packet to the IPv6 endpoint the rule's [addr]:port names", () => {
    const r = traverse(
      v6,
      'PREROUTING',
      syn('fd00:10:244:1::9', 'fd00:10:96::80', 80, { inIface: 'cni0' }),
      ctx6('[fd00:10:244:1::6]:8080'),
    );
    expect(path(r)).toEqual([
      'PREROUTING: jump KUBE-SERVICES',
      'KUBE-SERVICES: jump KUBE-SVC-LOLE4ISW44XBNF3G',
      'KUBE-SVC-LOLE4ISW44XBNF3G: jump KUBE-SEP-AX4JV7QTAXBOZ3N6',
      'KUBE-SEP-AX4JV7QTAXBOZ3N6: dnat fd00:10:244:1::6:8080',
    ]);
    expect(r.packet).toMatchObject({ dst: 'fd00:10:244:1::6', dport: 8080, mark: 0 });
  });

  it('marks a client from outside the IPv6 pod CIDR for masquerade (! -s fd00:10:244::/56)', () => {
    const r = traverse(
      v6,
      'PREROUTING',
      syn('fd00:192:168:1::50', 'fd00:10:96::80', 80, { inIface: 'eth0' }),
      ctx6('[fd00:10:244:1::5]:8080'),
    );
    expect(path(r)).toContain('KUBE-SVC-LOLE4ISW44XBNF3G: jump KUBE-MARK-MASQ');
    expect(r.packet).toMatchObject({ dst: 'fd00:10:244:1::5', mark: 0x4000 });
  });

  it('pins the client to its endpoint with the IPv6 recent list (ClientIP affinity)', () => {
    const pod = () => syn('fd00:10:244:1::9', 'fd00:10:96::80', 80);
    const first = traverse(v6, 'PREROUTING', pod(), { ...ctx6('[fd00:10:244:1::6]:8080'), now: 100 });
    expect(first.recent['KUBE-SEP-AX4JV7QTAXBOZ3N6']).toEqual({ 'fd00:10:244:1::9': [100] });
    // The dice now favour ::5, but the recent list sends the client back to ::6.
    const again = traverse(v6, 'PREROUTING', pod(), { ...ctx6('[fd00:10:244:1::5]:8080'), now: 200, recent: first.recent });
    expect(again.packet.dst).toBe('fd00:10:244:1::6');
  });

  it('REJECTs a Service without endpoints with ICMPv6 port unreachable', () => {
    const udp: Packet = { proto: 'udp', src: 'fd00:10:244:1::9', dst: 'fd00:10:96::81', sport: 5000, dport: 53, mark: 0 };
    const r = traverse(v6, 'FORWARD', udp, ctx6(''));
    expect(r.verdict).toBe('REJECT');
    expect(path(r)).toContain('KUBE-SERVICES: reject icmp6-port-unreachable');
  });
});
