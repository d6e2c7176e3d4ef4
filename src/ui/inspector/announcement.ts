// Who made the address reachable from the LAN, said only where it happened on this walk:
// MetalLB's layer-2 speaker answering ARP for a LoadBalancer IP, or the router's BGP next hop.
// A node answering ARP for its own address announces nothing.

import type { Trace } from '../../model';

export interface Announcement {
  kind: 'layer2' | 'bgp';
  node: string;
}

export function announcementOf({ steps, outcome }: Trace): Announcement | undefined {
  const node = outcome.announcer;
  if (!node) return undefined;
  const request = steps.filter((s) => s.phase === 'request');
  if (request.some((s) => s.at.element === 'router')) return { kind: 'bgp', node };
  if (request.some((s) => s.arp?.kind === 'metallb' || s.arp?.kind === 'gratuitous')) return { kind: 'layer2', node };
  return undefined;
}
