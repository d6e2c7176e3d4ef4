// The IPVS table as kube-proxy programs it (pkg/proxy/ipvs/util/ipvs.go VirtualServer
// and RealServer, v1.33), plus which Service port each entry serves.

import type { Protocol } from '../../manifest/types';
import type { Family } from '../../net';

/** Why kube-proxy made the virtual server. */
export type VirtualServerRole = 'clusterIP' | 'externalIP' | 'loadBalancer' | 'nodePort';

export interface RealServer {
  address: string;
  port: number;
  /** kube-proxy gives every destination weight 1. */
  weight: number;
  /** kube-proxy never sets a forwarding method, so the kernel uses masquerading (NAT). */
  forward: 'Masq';
}

export interface VirtualServer {
  family: Family;
  protocol: Protocol;
  address: string;
  port: number;
  /** ipvsScheduler from the configuration, `rr` when unset. */
  scheduler: string;
  /** sessionAffinity: ClientIP: the persistence timeout in seconds (ipvsadm's `persistent N`). */
  persistentTimeout?: number;
  /** IP_VS_SVC_F_SCHED2, which kube-proxy sets for the `mh` scheduler (ipvsadm prints `mh-port`). */
  schedulerPortFlag: boolean;
  /** Destinations in kube-proxy's endpoint order (`ip:port` strings sorted); may be empty. */
  realServers: RealServer[];
  /** ServicePortName: `ns/name:port` or `ns/name`. */
  service: string;
  role: VirtualServerRole;
}
