// A node's routing and neighbour tables as iproute2 (6.1) prints them: `ip route`, `ip neigh` and
// `bridge fdb show`, from the routes and flannel neighbours the walk reads and the LAN hosts and
// pods whose MACs it sends frames to. Each line ends in a blank, as `ip` prints it.

import type { ClusterState } from '../cluster/types';
import { parseCidr, parseIPv4Sloppy } from '../net';
import { lanRouter } from './lan';
import { formatRoute } from './routes';
import type { Neighbour, Route } from './types';

/** The kernel's FIB dump order: by network address, the longer prefix first where two share one. */
function fibOrder(a: Route, b: Route): number {
  const key = (r: Route) =>
    r.dst === 'default' ? { net: -1, prefix: 0 } : { net: parseCidr(r.dst)?.base ?? 0, prefix: parseCidr(r.dst)?.prefix ?? 0 };
  const [x, y] = [key(a), key(b)];
  return x.net - y.net || y.prefix - x.prefix;
}

/** `ip route`: the main table. */
export function ipRouteText(routes: Route[]): string {
  return [...routes]
    .sort(fibOrder)
    .map((r) => `${formatRoute(r)} \n`)
    .join('');
}

/**
 * `ip neigh`: the LAN's router and the other nodes on the NIC, the node's pods on cni0, and
 * flannel's permanent VTEP entries. The model keeps no timers: a host the node talks to is
 * REACHABLE, a node taken down STALE (its MAC kept, no longer confirmed).
 */
export function ipNeighText(state: ClusterState, node: string, flannel: Neighbour[]): string {
  const self = state.hosts[node];
  if (!self) return '';
  const down = new Set(state.downNodes ?? []);
  const lan = [
    { ...lanRouter(state), state: 'REACHABLE' },
    ...Object.values(state.hosts)
      .filter((h) => h.name !== node)
      .map((h) => ({ ...h.nic, state: down.has(h.name) ? 'STALE' : 'REACHABLE' })),
  ].sort((a, b) => (parseIPv4Sloppy(a.ip) ?? 0) - (parseIPv4Sloppy(b.ip) ?? 0));
  return [
    ...lan.map((h) => `${h.ip} dev ${self.nic.name} lladdr ${h.mac} ${h.state} \n`),
    ...flannel.map((n) => `${n.ip} dev ${n.dev} lladdr ${n.mac} PERMANENT \n`),
    ...podsOn(state, node).map((p) => `${p.ip} dev cni0 lladdr ${p.mac} REACHABLE \n`),
  ].join('');
}

const podsOn = (state: ClusterState, node: string) => Object.values(state.podNets).filter((p) => p.node === node && !p.hostNetwork);

/** The all-hosts groups every interface joins, and the solicited-node group of its IPv6 link-local address. */
function multicast(mac: string): string[] {
  return ['33:33:00:00:00:01', '01:00:5e:00:00:01', `33:33:ff:${mac.split(':').slice(3).join(':')}`];
}

/**
 * `bridge fdb show`, device by device in the order they are created (the NIC, flannel.1, cni0):
 * each interface's multicast entries, flannel's entry per remote VTEP, cni0's own address, and the
 * MAC it learned from each pod on that pod's veth. A veth's own entries are left out: the model
 * gives the host end of a veth no MAC.
 */
export function bridgeFdbText(state: ClusterState, node: string, flannel: Neighbour[]): string {
  const self = state.hosts[node];
  if (!self) return '';
  const [allHosts, allHosts4, solicited] = multicast(self.cni0.mac);
  return [
    ...multicast(self.nic.mac).map((m) => `${m} dev ${self.nic.name} self permanent\n`),
    ...flannel.map((n) => `${n.mac} dev ${n.dev} dst ${n.dst} self permanent\n`),
    // A bridge with multicast snooping also joins the multicast router discovery groups.
    ...[allHosts, '01:00:5e:00:00:6a', '33:33:00:00:00:6a', allHosts4, solicited].map((m) => `${m} dev cni0 self permanent\n`),
    `${self.cni0.mac} dev cni0 master cni0 permanent\n`,
    ...podsOn(state, node).map((p) => `${p.mac} dev ${p.veth} master cni0 \n`),
  ].join('');
}
