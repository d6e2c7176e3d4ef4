// Who made the address reachable from the LAN, said only where it happened on this walk:
// MetalLB's layer-2 speaker answering ARP for a LoadBalancer IP, the router's BGP next hop, or
// the node a load balancer outside the model picked. A node answering ARP for its own address
// announces nothing.

import type { Trace } from '../../model';

export interface Announcement {
  kind: 'layer2' | 'bgp' | 'externalLb';
  node: string;
}

export function announcementOf({ steps, outcome }: Trace): Announcement | undefined {
  const node = outcome.announcer;
  if (!node) return undefined;
  const request = steps.filter((s) => s.phase === 'request');
  // The outside load balancer's hop is drawn at the router too, so it is told apart first.
  if (request.some((s) => s.externalLb)) return { kind: 'externalLb', node };
  if (request.some((s) => s.at.element === 'router')) return { kind: 'bgp', node };
  if (request.some((s) => s.arp?.kind === 'metallb' || s.arp?.kind === 'gratuitous')) return { kind: 'layer2', node };
  return undefined;
}
