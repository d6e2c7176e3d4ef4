// A pod's /etc/hosts, which the resolver reads before any DNS query (glibc's `hosts: files dns`,
// musl's name_from_hosts). kubelet writes it (pkg/kubelet/kubelet_pods.go managedHostsFileContent, v1.33).

import type { ClusterState } from '../cluster/types';
import type { Pod } from '../manifest/types';
import { namespaceOf } from '../k8s';

export interface HostsEntry {
  ip: string;
  names: string[];
}

export interface EtcHosts {
  entries: HostsEntry[];
  text: string;
}

const LOCAL: HostsEntry[] = [
  { ip: '127.0.0.1', names: ['localhost'] },
  { ip: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
  { ip: 'fe00::0', names: ['ip6-localnet'] },
  { ip: 'fe00::0', names: ['ip6-mcastprefix'] },
  { ip: 'fe00::1', names: ['ip6-allnodes'] },
  { ip: 'fe00::2', names: ['ip6-allrouters'] },
];

/**
 * The managed file: localhost lines, then the pod's own address under its hostname (and its FQDN
 * when it has a subdomain). A host-network pod gets a copy of the node's file instead, which
 * PacketWalk does not know beyond the localhost lines.
 */
export function etcHosts(state: ClusterState, pod: Pod): EtcHosts {
  const entries = [...LOCAL];
  if (!pod.spec.hostNetwork) {
    const hostname = (pod.spec.hostname ?? pod.metadata.name).slice(0, 63);
    const ns = namespaceOf(pod);
    const fqdn = pod.spec.subdomain ? [`${hostname}.${pod.spec.subdomain}.${ns}.svc.${state.config.clusterDomain}`] : [];
    const ips = pod.status.podIPs?.map((p) => p.ip) ?? (pod.status.podIP ? [pod.status.podIP] : []);
    for (const ip of ips) entries.push({ ip, names: [...fqdn, hostname] });
  }
  const header = pod.spec.hostNetwork ? '# Kubernetes-managed hosts file (host network).\n' : '# Kubernetes-managed hosts file.\n';
  return { entries, text: header + entries.map((e) => `${e.ip}\t${e.names.join(' ')}\n`).join('') };
}

/** The IPv4 address the file gives a name (case-insensitive, trailing dot ignored), if any. */
export function hostsAddress(hosts: EtcHosts, name: string): string | undefined {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  return hosts.entries.find((e) => e.ip.includes('.') && e.names.some((n) => n.toLowerCase() === wanted))?.ip;
}
