// The hop from the LAN to a node for a LoadBalancer address that a load balancer outside the
// model assigned (a cloud's: the dump's status, kept by metallb/controller.ts). Nothing in the
// model announces the address, and that load balancer is not modelled: the step says so. What
// it does is what a cloud load balancer in front of Kubernetes does: the service controller
// gives it every node except those labelled exclude-from-external-load-balancers; it sends a
// connection only to a node that passes its health check (kube-proxy's healthz for
// externalTrafficPolicy Cluster; the Service's healthCheckNodePort, which answers only where a
// ready endpoint runs, for Local), unchanged (ipMode VIP: the destination is still the
// address, for kube-proxy's rules to catch). Which node is its own choice: a hash of the flow.

import type { ExternalAddress } from '../metallb/types';
import type { Service } from '../manifest/types';
import type { Packet } from '../netfilter/types';
import { namespacedName, slicesOfService } from '../k8s';
import { lanRouter } from '../network/lan';
import { fnv1a } from './rng';
import { addStep, explain, headersOf, type Walk } from './walkState';

const EXCLUDED = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** Nodes that pass the load balancer's health check for `svc`, by name. */
export function healthyBackends(walk: Walk, svc: Service | undefined): string[] {
  const { state } = walk.model;
  const down = new Set(state.downNodes ?? []);
  let nodes = state.nodes.filter((n) => !(EXCLUDED in (n.metadata.labels ?? {})) && !down.has(n.metadata.name)).map((n) => n.metadata.name);
  if (svc?.spec.externalTrafficPolicy === 'Local') {
    const local = new Set(
      slicesOfService(svc, state.endpointSlices).flatMap((s) =>
        s.endpoints.filter((e) => e.nodeName && e.conditions?.ready !== false).map((e) => e.nodeName!),
      ),
    );
    nodes = nodes.filter((n) => local.has(n));
  }
  return nodes.sort();
}

/** The external load balancer forwards the client's packet to a node; returns it, or undefined (none healthy). */
export function viaExternalLb(walk: Walk, packet: Packet, ext: ExternalAddress): string | undefined {
  const { state } = walk.model;
  const svc = state.services.find((s) => namespacedName(s) === ext.service);
  const before = headersOf(packet, walk.link);
  const router = lanRouter(state);
  walk.link = { srcMac: walk.client!.mac, dstMac: router.mac };
  const nodes = healthyBackends(walk, svc);
  const local = svc?.spec.externalTrafficPolicy === 'Local';
  const base = { ip: packet.dst, service: ext.service, nodes: nodes.join(', '), count: nodes.length };
  if (ext.ipMode === 'Proxy' || nodes.length === 0) {
    const key =
      ext.ipMode === 'Proxy' ? 'explain.externalLb.proxy' : local ? 'explain.externalLb.noLocalNode' : 'explain.externalLb.noNode';
    addStep(walk, { element: 'router' }, before, packet, explain(key, base), { externalLb: { ...ext, nodes } });
    return undefined;
  }
  const node = nodes[fnv1a(`${packet.proto} ${packet.src}:${packet.sport} ${packet.dst}:${packet.dport}`) % nodes.length];
  const host = state.hosts[node];
  if (!host) return undefined;
  walk.announcer = node;
  addStep(
    walk,
    { element: 'router' },
    before,
    packet,
    explain(local ? 'explain.externalLb.local' : 'explain.externalLb.cluster', { ...base, node, port: svc?.spec.healthCheckNodePort ?? 0 }),
    { externalLb: { ...ext, nodes, node } },
  );
  walk.link = { srcMac: router.mac, dstMac: host.nic.mac };
  return node;
}
