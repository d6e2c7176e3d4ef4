// Routing and link-layer facts of one node, as `ip route` and `ip neigh` would show them.

export interface Route {
  /** Destination CIDR, or 'default'. */
  dst: string;
  via?: string;
  dev: string;
  src?: string;
  onlink?: boolean;
  scope?: 'link' | 'host' | 'global';
}

/** A permanent neighbour/FDB entry flannel writes for a remote VTEP. */
export interface Neighbour {
  ip: string;
  mac: string;
  dev: string;
  /** For flannel.1 FDB entries: the remote node's underlay IP. */
  dst?: string;
}
