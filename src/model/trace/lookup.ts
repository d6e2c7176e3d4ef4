// Who owns an address: a pod's network namespace, or a node's own interfaces.

import type { ClusterState, PodNet } from '../cluster/types';
import type { Service } from '../manifest/types';
import type { Model } from '../modelTypes';
import type { Packet } from '../netfilter/types';
import type { NatChoice } from './types';

/** The pod (not hostNetwork) whose eth0 carries `ip`. */
export function podByIP(state: ClusterState, ip: string): PodNet | undefined {
  for (const net of Object.values(state.podNets)) if (!net.hostNetwork && net.ip === ip) return net;
  return undefined;
}

/** The node one of whose interfaces (NIC, cni0, flannel.1) carries `ip`. */
export function nodeByIP(state: ClusterState, ip: string): string | undefined {
  for (const host of Object.values(state.hosts)) {
    if (host.nic.ip === ip || host.cni0.ip === ip || host.vtep.ip === ip) return host.name;
  }
  return undefined;
}

/** A DNAT of `packet` to `endpoint` (`IP:PORT`), with the Service whose address it was sent to. */
export function dnatTo(state: ClusterState, packet: Packet, endpoint: string): NatChoice {
  const service = serviceAt(state, packet.dst, packet.dport, packet.proto);
  return {
    kind: 'dnat',
    to: endpoint,
    ...(service ? { service: `${service.metadata.namespace ?? 'default'}/${service.metadata.name}` } : {}),
  };
}

/** Addresses `-m addrtype --dst-type LOCAL` matches on a node: its interfaces, and kube-ipvs0's in IPVS mode. */
export function localAddresses(model: Model, node: string): Set<string> {
  const host = model.state.hosts[node];
  const out = new Set<string>(['127.0.0.1']);
  if (host) for (const ip of [host.nic.ip, host.cni0.ip, host.vtep.ip]) out.add(ip);
  for (const ip of model.dataplane.node(node)?.ipvs?.kubeIpvs0 ?? []) out.add(ip);
  return out;
}

/** The hostNetwork pod on `node` that declares `port`, i.e. the process a packet to the node IP reaches. */
export function hostProcess(state: ClusterState, node: string, port: number, proto: string): PodNet | undefined {
  for (const pod of state.pods) {
    if (!pod.spec.hostNetwork || pod.spec.nodeName !== node) continue;
    const declares = pod.spec.containers.some((c) =>
      (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP').toLowerCase() === proto),
    );
    if (declares) return state.podNets[`${pod.metadata.namespace}/${pod.metadata.name}`];
  }
  return undefined;
}

/** The Service a learner addresses by `ip:port`: its ClusterIP, an external or LoadBalancer IP, or a node's NodePort. */
export function serviceAt(state: ClusterState, ip: string, port: number, proto: string): Service | undefined {
  const isNode = nodeByIP(state, ip) !== undefined;
  return state.services.find((s) =>
    s.spec.ports.some((p) => {
      if (p.protocol.toLowerCase() !== proto) return false;
      if (isNode) return p.nodePort === port;
      if (p.port !== port) return false;
      const vips = [
        ...(s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : [])),
        ...(s.spec.externalIPs ?? []),
        ...(s.status.loadBalancer.ingress ?? []).map((i) => i.ip),
      ];
      return vips.includes(ip);
    }),
  );
}
