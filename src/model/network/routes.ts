// The routes and neighbours flannel (VXLAN backend, v0.26) and the kernel give a node:
// its podCIDR on cni0, every other node's podCIDR via that node's VTEP on flannel.1
// (onlink), the LAN on the NIC, and a default route through the LAN's gateway.

import type { ClusterState } from '../cluster/types';
import { cidrContains, nthAddress, parseCidr } from '../net';
import type { Neighbour, Route } from './types';

/** flannel's VXLAN defaults: VNI 1 and the Linux kernel's default UDP port. */
export const VXLAN_VNI = 1;
export const VXLAN_PORT = 8472;

export function nodeRoutes(state: ClusterState, nodeName: string): Route[] {
  const self = state.hosts[nodeName];
  if (!self) return [];
  const lan = parseCidr(state.config.nodeSubnet);
  const routes: Route[] = [];
  if (lan) routes.push({ dst: 'default', via: nthAddress(lan, 1), dev: self.nic.name });
  for (const other of Object.values(state.hosts)) {
    if (other.name === nodeName) continue;
    routes.push({ dst: other.cni0.cidr, via: other.vtep.ip, dev: self.vtep.name, onlink: true });
  }
  routes.push({ dst: self.cni0.cidr, dev: 'cni0', src: self.cni0.ip, scope: 'link' });
  routes.push({ dst: state.config.nodeSubnet, dev: self.nic.name, src: self.nic.ip, scope: 'link' });
  return routes;
}

/** flannel writes a permanent ARP entry and an FDB entry for every remote VTEP. */
export function nodeNeighbours(state: ClusterState, nodeName: string): Neighbour[] {
  const self = state.hosts[nodeName];
  if (!self) return [];
  return Object.values(state.hosts)
    .filter((other) => other.name !== nodeName)
    .map((other) => ({ ip: other.vtep.ip, mac: other.vtep.mac, dev: self.vtep.name, dst: other.nic.ip }));
}

/** Longest-prefix match, as the kernel's FIB lookup does for these simple tables. */
export function lookupRoute(routes: Route[], dst: string): Route | undefined {
  let best: Route | undefined;
  let bestPrefix = -1;
  for (const route of routes) {
    const prefix = route.dst === 'default' ? 0 : (parseCidr(route.dst)?.prefix ?? -1);
    if (prefix <= bestPrefix) continue;
    if (route.dst === 'default' || cidrContains(route.dst, dst)) {
      best = route;
      bestPrefix = prefix;
    }
  }
  return best;
}

/** `ip route` text, for the inspector. */
export function formatRoute(route: Route): string {
  const parts = [route.dst];
  if (route.via) parts.push('via', route.via);
  parts.push('dev', route.dev);
  if (route.scope === 'link' && !route.via) parts.push('proto', 'kernel', 'scope', 'link');
  if (route.src) parts.push('src', route.src);
  if (route.onlink) parts.push('onlink');
  return parts.join(' ');
}
