// One node of the model rebuilt from its dataplane as network namespaces, so a real
// packet can take the path the trace computes:
//
//   lan (LAN client, gateway) ── eth0 [node: our iptables-save, our routes, forwarding] flannel.1 ── remote (other nodes' VTEPs and pods)
//                                      cni0 (bridge) ── pods (this node's pods)  ── client (the client pod, when there is one)
//
// Pods never answer (INPUT DROP), so the node's conntrack entry stays as the first packet
// left it. Everything lives in namespaces made here and deleted again. Test-side code.

import type { Model } from '../modelTypes';
import { addNfacctObjects, loadRules, veth, withNetns, type Netns } from '../netfilter/kernel/harness';
import { formatRoute } from '../network/routes';

export interface NodeTestbed {
  node: Netns;
  /** The LAN: the client host and the node's gateway. */
  lan: Netns;
  /** The client pod's namespace, when the packet starts in a pod on this node. */
  client?: Netns;
}

export interface TestbedOptions {
  /** `namespace/name` of a pod on this node to send from (it gets a namespace of its own). */
  clientPod?: string;
  /** The LAN client's address. */
  lanClient: string;
}

const SILENT = '*filter\n:INPUT DROP [0:0]\nCOMMIT\n';

export function withNodeTestbed<T>(model: Model, nodeName: string, opts: TestbedOptions, fn: (bed: NodeTestbed) => T): T {
  const host = model.state.hosts[nodeName];
  const dp = model.dataplane.node(nodeName);
  if (!host || !dp) throw new Error(`no node ${nodeName} in the model`);
  const lanPrefix = model.state.config.nodeSubnet.split('/')[1];
  const podPrefix = host.cni0.cidr.split('/')[1];
  const gateway = dp.routes.find((r) => r.dst === 'default')?.via;
  const podNets = Object.values(model.state.podNets).filter((p) => !p.hostNetwork);
  const local = podNets.filter((p) => p.node === nodeName && p.key !== opts.clientPod).map((p) => p.ip);
  const remote = [
    ...Object.values(model.state.hosts)
      .filter((h) => h.name !== nodeName)
      .map((h) => h.vtep.ip),
    ...podNets.filter((p) => p.node !== nodeName).map((p) => p.ip),
  ];
  const clientIp = opts.clientPod ? model.state.podNets[opts.clientPod]?.ip : undefined;
  if (opts.clientPod && model.state.podNets[opts.clientPod]?.node !== nodeName) throw new Error(`${opts.clientPod} is not on ${nodeName}`);

  const roles = ['node', 'lan', 'pods', 'remote', ...(clientIp ? ['client'] : [])];
  return withNetns(roles, (node, lan, pods, remoteNs, client) => {
    // The LAN: the node's NIC, the client host first (so it is the source it sends from), the gateway.
    veth(node, host.nic.name, lan, 'lan0');
    node.sh(`ip addr add ${host.nic.ip}/${lanPrefix} dev ${host.nic.name} && ip link set ${host.nic.name} up`);
    lan.sh(`ip addr add ${opts.lanClient}/${lanPrefix} dev lan0 && ip link set lan0 up`);
    if (gateway) lan.sh(`ip addr add ${gateway}/${lanPrefix} dev lan0`);

    // cni0 is a bridge, as flannel's CNI makes it; each pod namespace hangs off it by a veth.
    // Without snooping: a snooping bridge joins 224.0.0.106 and its IGMP report would pass the node's
    // OUTPUT and POSTROUTING chains and blur the rule counters compared below.
    node.sh(`ip link add cni0 type bridge mcast_snooping 0 && ip addr add ${host.cni0.ip}/${podPrefix} dev cni0 && ip link set cni0 up`);
    const attach = (ns: Netns, hostSide: string, ips: string[]) => {
      veth(node, hostSide, ns, 'eth0');
      node.sh(`ip link set ${hostSide} master cni0 && ip link set ${hostSide} up`);
      ns.sh('ip link set eth0 up');
      if (ips.length)
        ns.sh([...ips.map((ip) => `ip addr add ${ip}/${podPrefix} dev eth0`), `ip route add default via ${host.cni0.ip}`].join(' && '));
    };
    attach(pods, 'vethpods', local);
    if (client && clientIp) attach(client, 'vethclient', [clientIp]);

    // flannel.1 stands in for the VXLAN device: a veth to one namespace that owns every
    // other node's VTEP address (so ARP for the onlink next hop is answered) and pod IP.
    veth(node, host.vtep.name, remoteNs, 'vtep0');
    node.sh(`ip addr add ${host.vtep.ip}/32 dev ${host.vtep.name} && ip link set ${host.vtep.name} up`);
    remoteNs.sh(
      [...remote.map((ip) => `ip addr add ${ip}/32 dev vtep0`), 'ip link set vtep0 up', 'ip route add default dev vtep0'].join(' && '),
    );

    // The model's routes verbatim (the link routes the addresses made are replaced by the same).
    for (const route of dp.routes) node.sh(`ip route replace ${formatRoute(route).replace(' proto kernel', '')}`);
    node.sh('sysctl -qw net.ipv4.ip_forward=1');

    for (const ns of [pods, remoteNs]) expectLoaded(ns, SILENT);
    addNfacctObjects(node, dp.iptablesSave);
    expectLoaded(node, dp.iptablesSave);
    return fn({ node, lan, ...(client ? { client } : {}) });
  });
}

function expectLoaded(ns: Netns, text: string): void {
  const r = loadRules(ns, text);
  if (r.code !== 0) throw new Error(`${ns.name}: iptables-restore refused the rules: ${r.stderr}`);
}

/**
 * Opens `count` TCP connections at once from `ns`. Each gives up after 0.9 s, before the
 * kernel's first SYN retransmit (initial RTO 1 s): exactly one SYN per connection, however
 * slowly bash starts.
 */
export function sendSyns(ns: Netns, ip: string, port: number, count: number): void {
  const one = `timeout 0.9 bash -c 'exec 3<>/dev/tcp/${ip}/${port}' 2>/dev/null &`;
  ns.sh(`for i in $(seq ${count}); do ${one} done; wait; true`);
}

/** Sends `count` UDP datagrams from `ns`, each from a socket of its own (so a connection each). */
export function sendDatagrams(ns: Netns, ip: string, port: number, count: number): void {
  const r = ns.exec('bash', ['-c', `for i in $(seq ${count}); do echo query > /dev/udp/${ip}/${port}; done`]);
  if (r.code !== 0) throw new Error(`${ns.name}: UDP to ${ip}:${port}: ${r.stderr}`);
}

export interface Tuple {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

/** One `conntrack -L` line, taken apart. */
export interface KernelConnection {
  line: string;
  orig: Tuple;
  reply: Tuple;
}

export function parseConntrackLine(line: string): KernelConnection {
  const kv = line
    .trim()
    .split(/\s+/)
    .filter((w) => w.includes('='))
    .map((w) => w.split('=') as [string, string]);
  // The first src/dst/sport/dport are the original direction's, the second the reply's.
  const tuple = (nth: number): Tuple => {
    const at = (key: string) => kv.filter(([k]) => k === key)[nth]?.[1] ?? '';
    return { src: at('src'), dst: at('dst'), sport: Number(at('sport')), dport: Number(at('dport')) };
  };
  return { line: line.trim(), orig: tuple(0), reply: tuple(1) };
}

/** Packets counted per rule by the kernel (`iptables-save -c`), keyed `table rule-text`; only rules that counted any. */
export function ruleCounters(ns: Netns): Map<string, number> {
  const r = ns.exec('iptables-save', ['-c']);
  if (r.code !== 0) throw new Error(`iptables-save -c: ${r.stderr}`);
  const counts = new Map<string, number>();
  let table = '';
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1);
    const m = /^\[(\d+):\d+\] (-A .*)$/.exec(line);
    if (m && Number(m[1]) > 0) counts.set(`${table} ${m[2]}`, (counts.get(`${table} ${m[2]}`) ?? 0) + Number(m[1]));
  }
  return counts;
}
