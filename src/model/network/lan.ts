// The LAN the nodes sit on: a learner's laptop (the client) and the router (the gateway).

import type { ClusterState } from '../cluster/types';
import { nthAddress, parseIPv4Sloppy } from '../net';

export interface LanHost {
  ip: string;
  mac: string;
}

/** A locally administered MAC derived from the address, so the same host always has the same MAC. */
function macFor(prefix: string, ip: string): string {
  const v = parseIPv4Sloppy(ip) ?? 0;
  const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
  return `${prefix}:${bytes.map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
}

/** The client on the LAN; by default .100 of the nodes' subnet. */
export function lanClient(state: Pick<ClusterState, 'config'>, ip?: string): LanHost {
  const addr = ip ?? nthAddress(state.config.nodeSubnet, 100);
  return { ip: addr, mac: macFor('02:c1', addr) };
}

/** The LAN's gateway (the ToR router), .1 of the nodes' subnet. */
export function lanRouter(state: Pick<ClusterState, 'config'>): LanHost {
  const addr = nthAddress(state.config.nodeSubnet, 1);
  return { ip: addr, mac: macFor('02:f0', addr) };
}
