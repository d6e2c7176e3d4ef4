// MetalLB in one call: load the configuration, run the controller (addresses), then every
// speaker (layer 2 elections, BGP advertisements) and the routers they peer with. With
// downNodes, the speakers run a second time without those nodes and the difference is the
// fail-over: the new owner of each address sends gratuitous ARP.

import type { ClusterConfig, ClusterEvent, NodeHost } from '../cluster/types';
import { diagnostic, nowhere, type Diagnostic, type SourceRef } from '../diagnostics';
import type { ConfigMap, EndpointSlice, Manifest, MetalLBObject, Namespace, Node, Service } from '../manifest/types';
import { reachablePeers, bgpAnnouncements, routerTables } from './bgp';
import { metallbConfig } from './config';
import { allocateLoadBalancerIPs } from './controller';
import { gratuitousArp, l2Announcements } from './layer2';
import { speakerView } from './speakers';
import type { Announcement, ExternalAddress, Failover, RouterTable } from './types';

/** Everything MetalLB's controller and speakers read, as one value. */
export interface MetalLBInput {
  /** Services after the API server's allocators ran (clusterIP set); status.loadBalancer.ingress is the previous assignment. */
  services: Service[];
  nodes: Node[];
  endpointSlices: EndpointSlice[];
  namespaces?: Namespace[];
  /** The nodes' NICs (name, IP, MAC), for ARP and BGP next hops. */
  hosts?: Record<string, NodeHost>;
  /** MetalLB's CRs (and ConfigMaps, for the old format), with where they were written. */
  objects: Manifest<MetalLBObject | ConfigMap>[];
  /** Where each Service was written, keyed `Service/namespace/name` (ClusterState.sources). */
  sources?: Record<string, SourceRef>;
  /** The input files in the order they were applied (Services are created in document order). */
  files?: string[];
  /** Nodes taken down (what-if): their speakers are gone, so they neither win elections nor peer. */
  downNodes?: string[];
  /** The namespace MetalLB runs in and reads its CRs from. */
  namespace?: string;
  /** The nodes' LAN, each family (ClusterConfig.nodeSubnet, its dualStack one): a BGPPeer elsewhere has no router to talk to. */
  lanSubnets?: string[];
}

export interface MetalLBResult {
  /** Copies of the input Services; MetalLB's own have status.loadBalancer.ingress and the pool annotation set. */
  services: Service[];
  events: ClusterEvent[];
  diagnostics: Diagnostic[];
  announcements: Announcement[];
  /** What changed because of downNodes (empty without). */
  failovers: Failover[];
  routers: RouterTable[];
  /** Addresses a load balancer outside the model assigned: kept as the dump gives them. */
  external: ExternalAddress[];
}

/** The networks the nodes' InternalIPs are on (each family): where a BGPPeer's router must be. */
export const lanSubnets = (config: ClusterConfig): string[] => [
  config.nodeSubnet,
  ...(config.dualStack ? [config.dualStack.nodeSubnet] : []),
];

const isCR = (m: Manifest<MetalLBObject | ConfigMap>): m is Manifest<MetalLBObject> => m.object.kind !== 'ConfigMap';

export function runMetalLB(input: MetalLBInput): MetalLBResult {
  const hosts = input.hosts ?? {};
  const { config, diagnostics } = metallbConfig(input.objects.filter(isCR), input.nodes, input.namespaces ?? [], input.namespace);
  const controller = allocateLoadBalancerIPs(input.services, config, {
    ...(input.sources && { sources: input.sources }),
    ...(input.files && { files: input.files }),
    installed: input.objects.some(isCR),
  });
  const result: MetalLBResult = {
    services: controller.services,
    events: controller.events,
    diagnostics: [...diagnostics, ...controller.diagnostics],
    announcements: [],
    failovers: [],
    routers: [],
    external: controller.external,
  };
  if (!config) return result;

  const { peers, diagnostics: peerDiagnostics } = reachablePeers(config, input.lanSubnets);
  result.diagnostics.push(...peerDiagnostics);
  const view = speakerView(input.nodes, input.endpointSlices, input.downNodes);
  // With nodes down the election runs twice (before and after): hash each `node#ip` once.
  const hashes = input.downNodes?.length ? new Map<string, Uint8Array>() : undefined;
  const l2 = l2Announcements(controller.services, config, view, hosts, hashes);
  const bgp = bgpAnnouncements(controller.services, config, view, peers, hosts);
  result.events.push(...l2.events, ...bgp.events);
  result.announcements = [...l2.announcements, ...bgp.announcements];
  result.routers = routerTables(result.announcements, peers);
  if (input.downNodes?.length) {
    // Who announced before the nodes went down: the same election with every node up.
    const before = l2Announcements(controller.services, config, speakerView(input.nodes, input.endpointSlices), hosts, hashes);
    result.failovers = failovers(before.announcements, l2.announcements, hosts);
  }
  result.diagnostics.push(...unannounced(result.announcements, input));
  return result;
}

/** Layer 2 addresses whose announcing node changed because of the down nodes. */
function failovers(before: Announcement[], after: Announcement[], hosts: MetalLBInput['hosts'] = {}): Failover[] {
  const out: Failover[] = [];
  const was = new Map(before.filter((a) => a.protocol === 'layer2').map((a) => [`${a.service} ${a.ip}`, a.nodes[0]]));
  for (const a of after) {
    if (a.protocol !== 'layer2') continue;
    const from = was.get(`${a.service} ${a.ip}`);
    const to = a.nodes[0];
    if (from === to) continue;
    const f: Failover = { service: a.service, ip: a.ip, gratuitous: to && hosts[to] ? gratuitousArp(a.ip, hosts[to].nic.mac) : [] };
    if (from !== undefined) f.from = from;
    if (to !== undefined) f.to = to;
    out.push(f);
  }
  return out;
}

/** Addresses no node announces: reachable from nowhere on the LAN. */
function unannounced(announcements: Announcement[], input: MetalLBInput): Diagnostic[] {
  return announcements
    .filter((a) => a.nodes.length === 0)
    .map((a) => {
      const pos = input.sources?.[`Service/${a.service}`]?.at('spec.type') ?? nowhere();
      const params = { service: a.service, ip: a.ip };
      return a.protocol === 'layer2'
        ? diagnostic('warning', 'metallb.layer2.noAnnouncer', params, pos)
        : diagnostic('warning', 'metallb.bgp.noAnnouncer', params, pos);
    });
}
