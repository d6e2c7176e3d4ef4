// What kubelet and the CNI (flannel -> bridge -> host-local IPAM) give each pod: an address from
// its node's podCIDR (.1 is cni0), a veth and a MAC; then the pod status kubelet reports.
//
// Host-local hands out addresses in creation order, which we cannot know. To keep every pod's
// address independent of every other object, a pod's address is its name hashed into the free
// range, probing upward; built-in pods, created first in the cluster's life, take .2, .3, ...

import { diagnostic, type Diagnostic } from '../diagnostics';
import { cidrSize, formatIPv4, formatIPv6Netip, parseCidr, parseCidr6, parseIPv4Sloppy, parseIPv6Sloppy, type Cidr } from '../net';
import type { Node, Pod, PodCondition } from '../manifest/types';
import { fnv32a, randomMac, vethName } from '../hashing/names';
import { internalIP } from './nodes';
import { isTerminal, type PodRecord } from './podRecord';
import { namespacedName } from '../k8s';
import type { ClusterEvent, NodeHost, PodNet } from './types';

class NodeRange {
  private readonly used = new Set<number>();
  /** Host-local's range: network+2 (after the cni0 gateway) to broadcast-1. */
  private readonly first = 2;
  private readonly count: number;

  constructor(readonly cidr: Cidr) {
    this.count = Math.max(0, cidrSize(cidr) - 3);
  }

  offsetOf(ip: string): number | undefined {
    const v = parseIPv4Sloppy(ip);
    if (v === undefined) return undefined;
    const offset = v - this.cidr.base;
    return offset >= this.first && offset < this.first + this.count ? offset : undefined;
  }

  reserve(offset: number): boolean {
    if (this.used.has(offset)) return false;
    this.used.add(offset);
    return true;
  }

  lowestFree(): string | undefined {
    return this.probe(0);
  }

  hashed(key: string): string | undefined {
    return this.count ? this.probe(fnv32a(key) % this.count) : undefined;
  }

  private probe(start: number): string | undefined {
    for (let i = 0; i < this.count; i++) {
      const offset = this.first + ((start + i) % this.count);
      if (this.reserve(offset)) return formatIPv4((this.cidr.base + offset) >>> 0);
    }
    return undefined;
  }
}

function runningConditions(): PodCondition[] {
  return ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' }));
}

function waitingConditions(scheduled: boolean): PodCondition[] {
  if (!scheduled) return [{ type: 'PodScheduled', status: 'False' }];
  return [
    { type: 'PodReadyToStartContainers', status: 'False' },
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: 'False' },
    { type: 'ContainersReady', status: 'False' },
    { type: 'PodScheduled', status: 'True' },
  ];
}

/**
 * A pod's IPv6 address when its node has an IPv6 podCIDR: the one given in status.podIPs,
 * else the same host offset as its IPv4 address (host-local walks both ranges alike);
 * a hostNetwork pod has the node's IPv6 InternalIP.
 */
function ipv6Of(pod: Pod, node: Node, ip: string, given: { ip: string }[] | undefined): string | undefined {
  if (pod.spec.hostNetwork)
    return node.status.addresses?.find((a) => a.type === 'InternalIP' && parseIPv6Sloppy(a.address) !== undefined)?.address;
  const range6 = (node.spec.podCIDRs ?? []).map((c) => parseCidr6(c)).find((c) => c);
  if (!range6) return undefined;
  const kept = given?.find((p) => parseIPv6Sloppy(p.ip) !== undefined)?.ip;
  if (kept) return kept;
  const range4 = node.spec.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
  const v4 = parseIPv4Sloppy(ip);
  if (!range4 || v4 === undefined) return undefined;
  return formatIPv6Netip(range6.base + BigInt(v4 - range4.base));
}

/** Gives every bound pod its address and network namespace facts, and fills in its status. */
export function assignPodNetwork(
  records: PodRecord[],
  nodes: Node[],
  hosts: Record<string, NodeHost>,
  events: ClusterEvent[],
  diagnostics: Diagnostic[],
): Record<string, PodNet> {
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const ranges = new Map<string, NodeRange>();
  for (const node of nodes) {
    const cidr = node.spec.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
    if (cidr) ranges.set(node.metadata.name, new NodeRange(cidr));
  }
  const ips = new Map<PodRecord, string>();
  const onNode = (r: PodRecord) => (r.pod.spec.nodeName && nodeByName.has(r.pod.spec.nodeName) ? r.pod.spec.nodeName : undefined);

  // Addresses the manifests already carry are taken first.
  for (const r of records) {
    const given = r.pod.status?.podIP;
    const node = onNode(r);
    if (!given || !node || r.pod.spec.hostNetwork) continue;
    ips.set(r, given);
    const range = ranges.get(node);
    const offset = range?.offsetOf(given);
    if (offset === undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          'pod.podIP.outsideNodeCIDR',
          { pod: r.pod.metadata.name, ip: given, node, podCIDR: nodeByName.get(node)!.spec.podCIDR ?? '' },
          r.source.at('status.podIP'),
        ),
      );
    } else if (!range!.reserve(offset)) {
      diagnostics.push(diagnostic('warning', 'pod.podIP.duplicate', { pod: r.pod.metadata.name, ip: given }, r.source.at('status.podIP')));
    }
  }

  const needing = records.filter((r) => onNode(r) && !ips.has(r) && !r.pod.spec.hostNetwork && !isTerminal(r.pod));
  const builtins = needing.filter((r) => r.origin === 'builtin');
  const others = needing
    .filter((r) => r.origin !== 'builtin')
    .map((r) => ({ r, key: namespacedName(r.pod) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ r }) => r);
  const exhausted = new Map<string, { r: PodRecord; count: number }>();
  for (const r of [...builtins, ...others]) {
    const node = onNode(r)!;
    const range = ranges.get(node);
    const ip = r.origin === 'builtin' ? range?.lowestFree() : range?.hashed(namespacedName(r.pod));
    if (ip) {
      ips.set(r, ip);
      continue;
    }
    const podCIDR = nodeByName.get(node)!.spec.podCIDR ?? '';
    events.push({
      object: `Pod/${namespacedName(r.pod)}`,
      type: 'Warning',
      reason: 'FailedCreatePodSandBox',
      message: { key: 'event.FailedCreatePodSandBox', params: { node, podCIDR } },
    });
    const ownerKey = `${r.owner.kind}/${r.owner.namespace}/${r.owner.name}`;
    const seen = exhausted.get(ownerKey);
    if (seen) seen.count++;
    else exhausted.set(ownerKey, { r, count: 1 });
  }
  for (const { r, count } of exhausted.values()) {
    diagnostics.push(
      diagnostic(
        'error',
        'pod.podCIDR.exhausted',
        {
          kind: r.owner.kind,
          name: r.owner.name,
          pods: count,
          node: r.pod.spec.nodeName!,
          podCIDR: nodeByName.get(r.pod.spec.nodeName!)!.spec.podCIDR ?? '',
        },
        r.owner.source.at('metadata.name'),
      ),
    );
  }

  const nets: Record<string, PodNet> = {};
  for (const r of records) {
    const pod = r.pod;
    const node = onNode(r);
    const host = node ? hosts[node] : undefined;
    const nodeIP = node ? internalIP(nodeByName.get(node)!) : undefined;
    const ip = pod.spec.hostNetwork ? nodeIP : ips.get(r);
    if (isTerminal(pod)) continue;
    if (!node || !ip) {
      pod.status = { ...(r.given ? pod.status : {}), phase: 'Pending', conditions: waitingConditions(!!node) };
      if (nodeIP) pod.status.hostIP = nodeIP;
      delete pod.status.podIP;
      delete pod.status.podIPs;
      continue;
    }
    const given = r.given ? pod.status : {};
    const ip6 = ipv6Of(pod, nodeByName.get(node)!, ip, given.podIPs);
    pod.status = {
      ...given,
      phase: given.phase && given.phase !== 'Pending' ? given.phase : 'Running',
      hostIP: nodeIP ?? '',
      podIP: ip,
      podIPs: ip6 ? [{ ip }, { ip: ip6 }] : [{ ip }],
      conditions: given.conditions?.length ? given.conditions : runningConditions(),
    };
    const key = namespacedName(pod);
    nets[key] = pod.spec.hostNetwork
      ? { key, node, ip, mac: host?.nic.mac ?? '', veth: '', hostNetwork: true }
      : { key, node, ip, mac: randomMac(key), veth: vethName(key), hostNetwork: false };
    if (ip6) nets[key].ip6 = ip6;
  }
  return nets;
}
