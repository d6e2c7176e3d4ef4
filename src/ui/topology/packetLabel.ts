// What the packet's label says at a step: the protocol, source and destination (each with the
// address NAT rewrote, if it did) and VXLAN's outer header. The screen's label and the exported
// picture's draw these same facts.

import type { Step } from '../../model';

export const endpoint = (ip: string, port: number) => (port ? `${ip}:${port}` : ip);

/** An address before and after the step; the same string twice when nothing rewrote it. */
export interface Rewrite {
  was: string;
  now: string;
}

export interface PacketLabelFacts {
  phase: Step['phase'];
  proto: string;
  src: Rewrite;
  dst: Rewrite;
  /** VXLAN's outer header: the nodes' addresses and UDP ports, and the network's id. */
  outer?: { src: string; dst: string; vni: number };
  /** The outer header this step added, removed, or carried on. */
  outerState: 'added' | 'removed' | 'kept';
}

export function packetLabelOf(step: Step): PacketLabelFacts {
  const { before: b, after: a } = step;
  const outer = a.outer ?? b.outer;
  return {
    phase: step.phase,
    proto: a.proto.toUpperCase(),
    src: { was: endpoint(b.src, b.sport), now: endpoint(a.src, a.sport) },
    dst: { was: endpoint(b.dst, b.dport), now: endpoint(a.dst, a.dport) },
    outer: outer && { src: endpoint(outer.src, outer.sport), dst: endpoint(outer.dst, outer.dport), vni: outer.vni },
    outerState: a.outer && !b.outer ? 'added' : b.outer && !a.outer ? 'removed' : 'kept',
  };
}
