// Nodes as kubelet registers them and kube-controller-manager's node IPAM completes them,
// plus the interfaces flannel sets up on each (kubeadm v1.33, flannel v0.26 VXLAN).

import { diagnostic, type Diagnostic } from '../diagnostics';
import { cidrContains, cidrSize, formatCidr, nthAddress, parseCidr, parseIPv4 } from '../ip';
import type { Node, NodeAddress, Taint } from '../manifest/types';
import { CONTROL_PLANE_ROLE, NO_SOURCE } from './builtins';
import { nicMac, randomMac, stableUid } from './hash';
import type { Entry } from './inventory';
import type { ClusterConfig, NodeHost } from './types';

const DEFAULT_NODES = ['control-plane', 'worker-1', 'worker-2'];
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
    if (!ip || parseIPv4(ip) === undefined) {
      const next = addresses.next();
      ip = next.done ? '' : next.value;
      if (ip) node.status.addresses = [{ type: 'InternalIP', address: ip }, ...(node.status.addresses ?? [])];
    }
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
