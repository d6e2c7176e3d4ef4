// Sends a real TCP SYN and a UDP datagram through a kube-proxy-like nat ruleset in a throwaway "node"
// namespace and checks that the kernel's conntrack entry (its DNAT choice and
// masquerade) is the one traverse() + confirmConntrack() compute for the same packet.
//
//   client (c0 10.0.0.2) ── n0 10.0.0.1 [node: iptables, forwarding] n1 10.244.1.1 ── p0 (pods 10.244.1.7, .8)
//                                        lan0 192.168.1.11 ── r0 192.168.1.1 (router: the node's default route)

import { describe, expect, it } from 'vitest';
import { confirmConntrack, emptyConntrack, formatConntrack } from '../conntrack';
import { parseRuleset } from '../parse';
import { traverse } from '../traverse';
import type { EvalContext, Packet } from '../types';
import { kernelSkipReason, link, loadRules, readConntrack, tcpConnect, udpSend, withNetns } from './harness';

const skip = kernelSkipReason();

// kube-proxy's chains with the random cascade forced: probability 0 never fires, 1 always does.
const NODE_RULES = `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SVC-NWV5X2332I4OT4T3 - [0:0]
:KUBE-SEP-WNBA2IHDGP2BOBGZ - [0:0]
:KUBE-SEP-X3P2623AGDH6CDF3 - [0:0]
:KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]
:KUBE-SEP-LPGSDLJ3FDW46N4W - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-SERVICES -m comment --comment "default/hostnames:http cluster IP" -m tcp -p tcp -d 10.96.0.20 --dport 80 -j KUBE-SVC-NWV5X2332I4OT4T3
-A KUBE-SERVICES -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp -p udp -d 10.96.0.10 --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
-A KUBE-SVC-NWV5X2332I4OT4T3 -m comment --comment "default/hostnames:http cluster IP" -m tcp -p tcp -d 10.96.0.20 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
-A KUBE-SVC-NWV5X2332I4OT4T3 -m comment --comment "default/hostnames:http -> 10.244.1.7:9376" -m statistic --mode random --probability 0 -j KUBE-SEP-WNBA2IHDGP2BOBGZ
-A KUBE-SVC-NWV5X2332I4OT4T3 -m comment --comment "default/hostnames:http -> 10.244.1.8:9376" -m statistic --mode random --probability 1 -j KUBE-SEP-X3P2623AGDH6CDF3
-A KUBE-SEP-WNBA2IHDGP2BOBGZ -m comment --comment default/hostnames:http -s 10.244.1.7 -j KUBE-MARK-MASQ
-A KUBE-SEP-WNBA2IHDGP2BOBGZ -m comment --comment default/hostnames:http -m tcp -p tcp -j DNAT --to-destination 10.244.1.7:9376
-A KUBE-SEP-X3P2623AGDH6CDF3 -m comment --comment default/hostnames:http -s 10.244.1.8 -j KUBE-MARK-MASQ
-A KUBE-SEP-X3P2623AGDH6CDF3 -m comment --comment default/hostnames:http -m tcp -p tcp -j DNAT --to-destination 10.244.1.8:9376
-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.1.7:53" -j KUBE-SEP-LPGSDLJ3FDW46N4W
-A KUBE-SEP-LPGSDLJ3FDW46N4W -m comment --comment kube-system/kube-dns:dns -s 10.244.1.7 -j KUBE-MARK-MASQ
-A KUBE-SEP-LPGSDLJ3FDW46N4W -m comment --comment kube-system/kube-dns:dns -m udp -p udp -j DNAT --to-destination 10.244.1.7:53
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-SERVICES - [0:0]
-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A KUBE-SERVICES -m comment --comment "default/nothing:http has no endpoints" -m tcp -p tcp -d 10.96.0.30 --dport 80 -j REJECT --reject-with icmp-port-unreachable
COMMIT
`;

// The pods never answer, so the node's entry stays in SYN_SENT for us to read.
const POD_RULES = '*filter\n:INPUT DROP [0:0]\nCOMMIT\n';

const node: EvalContext = {
  isLocal: (ip) => ip === '10.0.0.1' || ip === '10.244.1.1',
  decideRandom: (_rule, probability) => probability >= 1,
  outAddress: (iface) => (iface === 'n1' ? '10.244.1.1' : '10.0.0.1'),
};

/** The model's view of the same first packet on the node: PREROUTING, routing to n1, FORWARD, POSTROUTING, confirm. */
function modelEntry(first: Packet): string {
  const { ruleset, errors } = parseRuleset(NODE_RULES);
  expect(errors).toEqual([]);
  const pre = traverse(ruleset, 'PREROUTING', first, node);
  const fwd = traverse(ruleset, 'FORWARD', { ...pre.packet, outIface: 'n1' }, { ...node, ct: pre.ct });
  const post = traverse(ruleset, 'POSTROUTING', fwd.packet, { ...node, ct: fwd.ct });
  expect(post.verdict).toBe('ACCEPT');
  return formatConntrack(confirmConntrack(emptyConntrack('node'), first, post.packet).entry);
}

/** The kernel's entry for a connection to `dst`, checked against the model's; timeouts may differ by the second or so that passed. */
function expectSameEntry(kernel: string[], dst: string, first: (sport: number) => Packet): void {
  const lines = kernel.filter((l) => l.includes(`dst=${dst} `));
  expect(lines).toHaveLength(1);
  const sport = Number(/sport=(\d+)/.exec(lines[0])![1]);
  const model = modelEntry(first(sport));
  const timeout = (line: string) => Number(/^\S+\s+\d+ (\d+) /.exec(line)![1]);
  const withoutTimeout = (line: string) => line.replace(/^(\S+\s+\d+) \d+ /, '$1 _ ');
  expect(withoutTimeout(lines[0])).toBe(withoutTimeout(model));
  expect(timeout(model) - timeout(lines[0])).toBeGreaterThanOrEqual(0);
  expect(timeout(model) - timeout(lines[0])).toBeLessThanOrEqual(3);
}

const packet =
  (proto: 'tcp' | 'udp', dst: string, dport: number) =>
  (sport: number): Packet => ({
    proto,
    src: '10.0.0.2',
    dst,
    sport,
    dport,
    mark: 0,
    inIface: 'n0',
    ...(proto === 'tcp' ? { tcpFlags: ['SYN'] } : {}),
  });

describe.skipIf(skip)(`real packets through the kernel${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('is DNATed and masqueraded exactly as traverse() decided (TCP and UDP), and REJECTed where it said so', () => {
    withNetns(['client', 'node', 'pod', 'router'], (client, nodeNs, pod, router) => {
      link(client, 'c0', '10.0.0.2/24', nodeNs, 'n0', '10.0.0.1/24');
      link(pod, 'p0', '10.244.1.7/24', nodeNs, 'n1', '10.244.1.1/24');
      pod.sh('ip addr add 10.244.1.8/24 dev p0 && ip route add default via 10.244.1.1');
      client.sh('ip route add default via 10.0.0.1');
      // Like a real node, a default route to a router on its LAN interface.
      link(router, 'r0', '192.168.1.1/24', nodeNs, 'lan0', '192.168.1.11/24');
      nodeNs.sh('sysctl -qw net.ipv4.ip_forward=1 && ip route add default via 192.168.1.1');
      expect(loadRules(pod, POD_RULES).stderr).toBe('');
      expect(loadRules(nodeNs, NODE_RULES).stderr).toBe('');

      tcpConnect(client, '10.96.0.20', 80); // times out: nobody answers
      expect(udpSend(client, '10.96.0.10', 53).code).toBe(0);
      const kernel = readConntrack(nodeNs);
      expectSameEntry(kernel, '10.96.0.20', packet('tcp', '10.96.0.20', 80));
      expectSameEntry(kernel, '10.96.0.10', packet('udp', '10.96.0.10', 53));

      // The ICMP error reaches the client's connect() about a second later (at its SYN retransmit).
      const refused = tcpConnect(client, '10.96.0.30', 80, 4);
      expect(refused.stderr, `exit ${refused.code}`).toContain('Connection refused');
      const { ruleset } = parseRuleset(NODE_RULES);
      const syn = { ...packet('tcp', '10.96.0.30', 80)(40000), outIface: 'lan0' };
      expect(traverse(ruleset, 'FORWARD', syn, node)).toMatchObject({ verdict: 'REJECT', rejectWith: 'icmp-port-unreachable' });
    });
  });
});
