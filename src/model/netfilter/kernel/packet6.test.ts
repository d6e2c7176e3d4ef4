// Real IPv6 TCP SYNs through kube-proxy's ip6tables rules for a dual-stack node (the
// kubeproxy-dualstack-v6 fixture: ClusterIP fd00:10:96::80:80, two endpoints, ClientIP
// affinity) in a throwaway "node" namespace. The kernel picks the endpoint; traverse() forced
// to the same endpoint must give the kernel's conntrack entry (DNAT to [addr]:port, masquerade).
//
//   client (c0 fd00:192:168:1::50) ── n0 fd00:192:168:1::11 [node: ip6tables, forwarding] n1 fd00:10:244:1::1 ── p0 (pods ::5, ::6)

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confirmConntrack, emptyConntrack, formatConntrack } from '../conntrack';
import { parseRuleset } from '../parse';
import { traverse } from '../traverse';
import type { EvalContext, Packet, RecentState } from '../types';
import { addNfacctObjects, kernelSkipReason, link, loadRules, readConntrack, tcpConnect, withNetns, type Netns } from './harness';

const skip = kernelSkipReason(['nfacct']);
const RULES = readFileSync(new URL('../testdata/kubeproxy-dualstack-v6.restore', import.meta.url), 'utf8');
// Pods drop the SYN (so the entry stays SYN_SENT) but answer neighbour discovery: an IPv6
// INPUT DROP would also drop the Neighbor Solicitations and leave the SYN queued on the node,
// holding a second reference to its conntrack entry (`use=2`).
const POD_RULES = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p ipv6-icmp -j ACCEPT\nCOMMIT\n';
const CLIENT = 'fd00:192:168:1::50';
const VIP = 'fd00:10:96::80';

function nodeCtx(endpoint: string, recent: RecentState, now: number): EvalContext {
  return {
    isLocal: (ip) => ip === 'fd00:192:168:1::11' || ip === 'fd00:10:244:1::1',
    decideRandom: (rule) => rule.args.some((a) => a.includes(`-> [${endpoint}]:8080`)),
    outAddress: (iface) => (iface === 'n1' ? 'fd00:10:244:1::1' : 'fd00:192:168:1::11'),
    recent,
    now,
  };
}

/** The model's conntrack line for the first packet: PREROUTING, routed to n1, FORWARD, POSTROUTING; and the -m recent lists after it. */
function modelEntry(first: Packet, endpoint: string, recent: RecentState, now: number): { line: string; recent: RecentState } {
  const { ruleset, errors } = parseRuleset(RULES, 6);
  expect(errors).toEqual([]);
  const ctx = nodeCtx(endpoint, recent, now);
  const pre = traverse(ruleset, 'PREROUTING', first, ctx);
  const fwd = traverse(ruleset, 'FORWARD', { ...pre.packet, outIface: 'n1' }, { ...ctx, ct: pre.ct });
  const post = traverse(ruleset, 'POSTROUTING', fwd.packet, { ...ctx, ct: fwd.ct });
  expect(post.verdict).toBe('ACCEPT');
  return { line: formatConntrack(confirmConntrack(emptyConntrack('node'), first, post.packet).entry), recent: pre.recent };
}

/**
 * The node's IPv6 conntrack entries to `dst`. Right after the SYN, `conntrack -L -f ipv6` may
 * still list nothing (Linux 6.18 here, conntrack-tools 1.4.7: `conntrack -C` already counts
 * the entry); it shows a moment later, so this asks again for up to two seconds.
 */
function entriesTo(node: Netns, dst: string): string[] {
  for (let i = 0; i < 20; i++) {
    const lines = readConntrack(node, 6).filter((l) => l.includes(`dst=${dst} `));
    if (lines.length) return lines;
    node.sh('sleep 0.1');
  }
  return [];
}

/** Timeouts tick and MASQUERADE --random-fully picks the reply port: both are blanked. */
const comparable = (line: string) => line.replace(/^(\S+\s+\d+) \d+ /, '$1 _ ').replace(/(\[UNREPLIED\] .*?dport=)\d+/, '$1_');

describe.skipIf(skip)(`real IPv6 packets through ip6tables${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('DNATs to [endpoint]:8080 and masquerades exactly as traverse() decides, and affinity keeps the endpoint', () => {
    withNetns(['client6', 'node6', 'pod6'], (client, node, pod) => {
      link(client, 'c0', `${CLIENT}/64`, node, 'n0', 'fd00:192:168:1::11/64');
      link(pod, 'p0', 'fd00:10:244:1::5/64', node, 'n1', 'fd00:10:244:1::1/64');
      pod.sh('ip addr add fd00:10:244:1::6/64 dev p0 nodad && ip -6 route add default via fd00:10:244:1::1');
      client.sh('ip -6 route add default via fd00:192:168:1::11');
      node.sh('sysctl -qw net.ipv6.conf.all.forwarding=1');
      expect(loadRules(pod, POD_RULES, 6).stderr).toBe('');
      addNfacctObjects(node, RULES);
      expect(loadRules(node, RULES, 6).stderr).toBe('');

      let recent: RecentState = {};
      const seen: string[] = [];
      for (const now of [100, 101]) {
        node.sh('conntrack -F -f ipv6 2>/dev/null; true');
        tcpConnect(client, VIP, 80); // times out: nobody answers
        const lines = entriesTo(node, VIP);
        expect(lines).toHaveLength(1);
        const endpoint = /\[UNREPLIED\] src=(\S+)/.exec(lines[0])![1];
        expect(['fd00:10:244:1::5', 'fd00:10:244:1::6']).toContain(endpoint);
        const sport = Number(/sport=(\d+)/.exec(lines[0])![1]);
        const first: Packet = { proto: 'tcp', src: CLIENT, dst: VIP, sport, dport: 80, tcpFlags: ['SYN'], mark: 0, inIface: 'n0' };
        const model = modelEntry(first, endpoint, recent, now);
        expect(comparable(lines[0])).toBe(comparable(model.line));
        recent = model.recent;
        seen.push(endpoint);
      }
      // ClientIP affinity: the second connection goes where the first went, in the kernel and (forced nowhere) in the model.
      expect(seen[1]).toBe(seen[0]);
      expect(Object.values(recent).some((list) => Object.keys(list).includes(CLIENT))).toBe(true);
    });
  });
});
