// Nodes as kubelet registers them and kube-controller-manager's node IPAM completes them,
// plus the interfaces flannel sets up on each (kubeadm v1.33, flannel v0.26 VXLAN).

import { diagnostic, type Diagnostic } from '../diagnostics';
import {
  cidrContains,
  cidrSize,
  formatCidr,
  formatCidr6,
  formatIPv6Netip,
  nthAddress,
  parseCidr,
  parseCidr6,
  parseIPv4Sloppy,
  parseIPv6Sloppy,
  prefixMask6,
} from '../net';
import type { Node, NodeAddress, Taint } from '../manifest/types';
import { CONTROL_PLANE_ROLE, NO_SOURCE } from './builtins';
import { nicMac, randomMac, stableUid } from '../hashing/names';
import type { Entry } from './inventory';
import type { ClusterConfig, DualStackConfig, NodeHost } from './types';

export const DEFAULT_NODES = ['control-plane', 'worker-1', 'worker-2'];
/** The first host address handed to a node on the LAN (192.168.1.10, .11, ...). */
const FIRST_NODE_HOST = 10;

function defaultNode(name: string): Node {
  const isControlPlane = name === 'control-plane';
  const labels: Record<string, string> = {};
  const taints: Taint[] = [];
  if (isControlPlane) {
    labels[CONTROL_PLANE_ROLE] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    taints.push({ key: CONTROL_PLANE_ROLE, effect: 'NoSchedule' });
  }
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: taints.length ? { taints } : {}, status: {} };
}

export function internalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

export function isReady(node: Node): boolean {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  return !ready || ready.status === 'True';
}

function addTaint(node: Node, taint: Taint): void {
  const taints = (node.spec.taints ??= []);
  if (!taints.some((t) => t.key === taint.key && t.effect === taint.effect)) taints.push(taint);
}

/** The node IPAM controller's next free /mask inside the cluster CIDR, in order. */
function* freeSubnets(config: ClusterConfig, used: Set<number>): Generator<string> {
  const cluster = parseCidr(config.clusterCIDR);
  if (!cluster || config.nodeCIDRMaskSize < cluster.prefix) return;
  const step = 2 ** (32 - config.nodeCIDRMaskSize);
  const count = cidrSize(cluster) / step;
  for (let i = 0; i < count; i++) {
    const base = (cluster.base + i * step) >>> 0;
    if (!used.has(base)) yield formatCidr({ base, prefix: config.nodeCIDRMaskSize });
  }
}

function* freeHostAddresses(subnet: string, used: Set<string>): Generator<string> {
  const cidr = parseCidr(subnet);
  if (!cidr) return;
  for (let n = FIRST_NODE_HOST; n < cidrSize(cidr) - 1; n++) {
    const ip = nthAddress(cidr, n);
    if (!used.has(ip)) yield ip;
  }
}

/** The node IPAM controller's next free IPv6 /mask (the IPv6 side of a dual-stack cluster). */
function* freeSubnets6(ds: DualStackConfig, used: Set<bigint>): Generator<string> {
  const cluster = parseCidr6(ds.clusterCIDR);
  if (!cluster || ds.nodeCIDRMaskSize < cluster.prefix) return;
  const step = 1n << BigInt(128 - ds.nodeCIDRMaskSize);
  const count = Math.min(2 ** (ds.nodeCIDRMaskSize - cluster.prefix), 65536);
  for (let i = 0n; i < BigInt(count); i++) {
    const base = cluster.base + i * step;
    if (!used.has(base)) yield formatCidr6({ base, prefix: ds.nodeCIDRMaskSize });
  }
}

/**
 * A node's IPv6 LAN address mirrors its IPv4 one: 192.168.1.11 -> fd00:192:168:1::11
 * (the host number's decimal digits read as hex), the next free one if that is taken.
 */
function nodeIPv6(ds: DualStackConfig, config: ClusterConfig, ipv4: string, used: Set<string>): string | undefined {
  const lan = parseCidr6(ds.nodeSubnet);
  const v4 = parseCidr(config.nodeSubnet);
  const host = parseIPv4Sloppy(ipv4);
  if (!lan || !v4 || host === undefined) return undefined;
  let candidate = lan.base + BigInt(parseInt(String(host - v4.base), 16));
  for (let i = 0; i < 65536; i++, candidate++) {
    const text = formatIPv6Netip(candidate);
    if ((candidate & prefixMask6(lan.prefix)) === lan.base && !used.has(text)) {
      used.add(text);
      return text;
    }
  }
  return undefined;
}

const isIPv6 = (ip: string): boolean => parseIPv6Sloppy(ip) !== undefined;

/** On a dual-stack cluster: an IPv6 podCIDR after the IPv4 one, and an IPv6 InternalIP after the IPv4 one. */
function addIPv6(node: Node, ds: DualStackConfig, config: ClusterConfig, subnets: Generator<string>, usedIPs6: Set<string>): void {
  const podCIDRs = node.spec.podCIDRs ?? [];
  if (node.spec.podCIDR && !podCIDRs.some((c) => parseCidr6(c))) {
    const next = subnets.next();
    if (!next.done) node.spec.podCIDRs = [...podCIDRs, next.value];
  }
  const addrs = node.status.addresses ?? [];
  const v4 = addrs.findIndex((a) => a.type === 'InternalIP' && !isIPv6(a.address));
  if (v4 < 0 || addrs.some((a) => a.type === 'InternalIP' && isIPv6(a.address))) return;
  const ip6 = nodeIPv6(ds, config, addrs[v4].address, usedIPs6);
  if (ip6) addrs.splice(v4 + 1, 0, { type: 'InternalIP', address: ip6 });
}

export interface NodeResult {
  nodes: Entry<Node>[];
  hosts: Record<string, NodeHost>;
}

export function reconcileNodes(given: Entry<Node>[], config: ClusterConfig, diagnostics: Diagnostic[]): NodeResult {
  const entries: Entry<Node>[] = given.length
    ? given
    : DEFAULT_NODES.map((name) => ({ object: defaultNode(name), origin: 'default' as const, source: NO_SOURCE }));

  const usedSubnets = new Set<number>();
  const usedIPs = new Set<string>();
  for (const { object: node, source } of entries) {
    const cidr = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0];
    if (cidr !== undefined) {
      const parsed = parseCidr(cidr);
      if (!parsed)
        diagnostics.push(diagnostic('error', 'node.podCIDR.invalid', { node: node.metadata.name, value: cidr }, source.at('spec.podCIDR')));
      else {
        usedSubnets.add(parsed.base);
        if (!cidrContains(config.clusterCIDR, parsed.base)) {
          diagnostics.push(
            diagnostic(
              'warning',
              'node.podCIDR.outsideClusterCIDR',
              { node: node.metadata.name, podCIDR: cidr, clusterCIDR: config.clusterCIDR },
              source.at('spec.podCIDR'),
            ),
          );
        }
      }
    }
    const ip = internalIP(node);
    if (ip) usedIPs.add(ip);
  }

  const ds = config.dualStack;
  const usedSubnets6 = new Set<bigint>();
  const usedIPs6 = new Set<string>();
  for (const { object: node } of entries) {
    for (const c of node.spec?.podCIDRs ?? []) {
      const parsed = parseCidr6(c);
      if (parsed) usedSubnets6.add(parsed.base);
    }
    for (const a of node.status?.addresses ?? []) if (isIPv6(a.address)) usedIPs6.add(a.address);
  }
  const subnets6 = ds ? freeSubnets6(ds, usedSubnets6) : undefined;

  const subnets = freeSubnets(config, usedSubnets);
  const addresses = freeHostAddresses(config.nodeSubnet, usedIPs);
  const hosts: Record<string, NodeHost> = {};
  for (const { object: node, source } of entries) {
    const name = node.metadata.name;
    node.spec ??= {};
    node.status ??= {};
    node.metadata.uid ??= stableUid(`Node/${name}`);
    // What kubelet labels every node with on registration.
    node.metadata.labels = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      ...node.metadata.labels,
    };

    let podCIDR = node.spec.podCIDR ?? node.spec.podCIDRs?.[0];
    if (podCIDR === undefined || !parseCidr(podCIDR)) {
      const next = subnets.next();
      if (next.done) {
        podCIDR = undefined;
        diagnostics.push(diagnostic('error', 'node.podCIDR.exhausted', { node: name, clusterCIDR: config.clusterCIDR }, source.pos));
      } else podCIDR = next.value;
    }
    if (podCIDR) {
      node.spec.podCIDR = podCIDR;
      node.spec.podCIDRs = node.spec.podCIDRs?.length ? node.spec.podCIDRs : [podCIDR];
    }

    let ip = internalIP(node);
    if (!ip || parseIPv4Sloppy(ip) === undefined) {
      const next = addresses.next();
      ip = next.done ? '' : next.value;
      if (ip) node.status.addresses = [{ type: 'InternalIP', address: ip }, ...(node.status.addresses ?? [])];
    }
    if (ds && subnets6) addIPv6(node, ds, config, subnets6, usedIPs6);
    const addrs: NodeAddress[] = node.status.addresses ?? [];
    if (!addrs.some((a) => a.type === 'Hostname')) addrs.push({ type: 'Hostname', address: name });
    node.status.addresses = addrs;
    node.status.conditions ??= [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }];

    // The node lifecycle controller's taints for conditions (TaintNodesByCondition).
    if (node.spec.unschedulable) addTaint(node, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    if (!isReady(node)) {
      addTaint(node, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
      addTaint(node, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' });
    }

    const host = nodeHost(name, ip, podCIDR);
    hosts[name] = host;
    // flanneld's kube subnet manager publishes its VTEP on the node.
    node.metadata.annotations = {
      'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: 1, VtepMAC: host.vtep.mac }),
      'flannel.alpha.coreos.com/backend-type': 'vxlan',
      'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
      'flannel.alpha.coreos.com/public-ip': ip,
      ...node.metadata.annotations,
    };
  }
  return { nodes: entries, hosts };
}

function nodeHost(name: string, ip: string, podCIDR: string | undefined): NodeHost {
  const cidr = podCIDR ? parseCidr(podCIDR) : undefined;
  return {
    name,
    nic: { name: 'eth0', ip, mac: nicMac(name) },
    cni0: {
      ip: cidr ? nthAddress(cidr, 1) : '',
      mac: randomMac(`${name}/cni0`),
      cidr: cidr ? formatCidr(cidr) : '',
    },
    vtep: { name: 'flannel.1', ip: cidr ? nthAddress(cidr, 0) : '', mac: randomMac(`${name}/flannel.1`) },
  };
}

/** The node the API server's own endpoint lives on: the first control-plane node, else the first node. */
export function controlPlaneNode(nodes: Node[]): Node | undefined {
  return nodes.find((n) => n.metadata.labels?.[CONTROL_PLANE_ROLE] !== undefined) ?? nodes[0];
}
