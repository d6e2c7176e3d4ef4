// Cluster-wide settings: kubeadm + flannel defaults, overridden by a KubeProxyConfiguration.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { formatCidr6, parseCidr, parseCidr6, prefixMask6 } from '../net';
import type { KubeProxyConfiguration, Manifest, Node } from '../manifest/types';
import type { ClusterConfig, DualStackConfig, ProxyConfig } from './types';

export function defaultConfig(): ClusterConfig {
  return {
    clusterCIDR: '10.244.0.0/16', // flannel's kube-flannel.yml Network
    serviceCIDR: '10.96.0.0/12', // kubeadm --service-cidr default
    nodeCIDRMaskSize: 24, // kube-controller-manager --node-cidr-mask-size for IPv4
    nodePortRange: [30000, 32767],
    clusterDomain: 'cluster.local',
    dnsServiceIP: '10.96.0.10', // the 10th address of the service CIDR, as kubeadm picks it
    nodeSubnet: '192.168.1.0/24',
    cni: 'flannel-vxlan',
    proxy: {
      mode: 'iptables',
      clusterCIDR: '10.244.0.0/16',
      masqueradeAll: false,
      masqueradeBit: 14,
      localhostNodePorts: true,
      nodePortAddresses: [],
      detectLocalMode: 'ClusterCIDR',
      tcpBeLiberal: false,
      ipvsScheduler: '', // kube-proxy treats empty as rr
    },
    fromManifests: [],
  };
}

/** kubeadm-style IPv6 ranges around a given IPv6 pod network. */
export function dualStackDefaults(clusterCIDR: string): DualStackConfig {
  return { clusterCIDR, serviceCIDR: 'fd00:10:96::/112', nodeCIDRMaskSize: 64, nodeSubnet: 'fd00:192:168:1::/64' };
}

/** The IPv6 pod network a dual-stack cluster uses when only the nodes say it is dual-stack. */
export const DEFAULT_CLUSTER_CIDR6 = 'fd00:10:244::/56';

/**
 * Nodes with an IPv6 InternalIP or podCIDR make the cluster dual-stack even without a
 * KubeProxyConfiguration saying so (kubeadm would have configured kube-proxy with both).
 */
export function detectDualStack(config: ClusterConfig, nodes: Node[]): void {
  if (config.dualStack) return;
  const v6 = nodes.some(
    (n) =>
      (n.spec?.podCIDRs ?? []).some((c) => parseCidr6(c)) ||
      (n.status?.addresses ?? []).some((a) => a.type === 'InternalIP' && a.address.includes(':')),
  );
  if (!v6) return;
  const podCIDR6 = nodes
    .flatMap((n) => n.spec?.podCIDRs ?? [])
    .map((c) => parseCidr6(c))
    .find((c) => c);
  // A node's /64 sits inside the default /56 only by chance: widen to the node's /56 then.
  const clusterCIDR6 = podCIDR6 ? formatCidr6({ base: podCIDR6.base & prefixMask6(56), prefix: 56 }) : DEFAULT_CLUSTER_CIDR6;
  config.dualStack = dualStackDefaults(clusterCIDR6);
  if (!config.proxy.clusterCIDR.includes(',')) config.proxy.clusterCIDR = `${config.proxy.clusterCIDR},${clusterCIDR6}`;
}

/** Applies the first KubeProxyConfiguration; later ones are reported and ignored, as kube-proxy reads one file. */
export function clusterConfig(manifests: Manifest<KubeProxyConfiguration>[], diagnostics: Diagnostic[]): ClusterConfig {
  const config = defaultConfig();
  const [first, ...rest] = manifests;
  for (const extra of rest) diagnostics.push(diagnostic('warning', 'kubeProxy.duplicate', {}, extra.source.pos));
  if (!first) return config;
  const kpc = first.object;
  const proxy = config.proxy;
  const set = <K extends keyof ProxyConfig>(field: K, value: ProxyConfig[K] | undefined) => {
    if (value === undefined) return;
    proxy[field] = value;
    config.fromManifests.push(`proxy.${field}`);
  };

  // Any other mode is refused where the object is read (kube-proxy's validation), so it never gets here.
  const nftables = kpc.mode === 'nftables';
  if (kpc.mode) set('mode', kpc.mode);
  if (nftables) {
    const ignored = otherModeFields(kpc);
    if (ignored.length)
      diagnostics.push(
        diagnostic('warning', 'kubeProxy.nftables.otherModeFields', { fields: ignored.join(', ') }, first.source.at(ignored[0]!)),
      );
  }

  if (kpc.clusterCIDR) {
    // kube-proxy takes a comma-separated list: one CIDR, or an IPv4 and an IPv6 one (dual-stack).
    const parts = kpc.clusterCIDR.split(',').map((p) => p.trim());
    const v4 = parts.filter((p) => parseCidr(p));
    const v6 = parts.filter((p) => parseCidr6(p));
    if (v4.length === 1 && v6.length <= 1 && parts.length === v4.length + v6.length) {
      config.clusterCIDR = v4[0];
      config.fromManifests.push('clusterCIDR');
      set('clusterCIDR', kpc.clusterCIDR);
      if (v6.length) config.dualStack = dualStackDefaults(v6[0]);
    } else {
      diagnostics.push(diagnostic('error', 'kubeProxy.clusterCIDR.invalid', { value: kpc.clusterCIDR }, first.source.at('clusterCIDR')));
    }
  }
  set('nodePortAddresses', kpc.nodePortAddresses);
  set('detectLocalMode', kpc.detectLocalMode || undefined);
  set('tcpBeLiberal', kpc.conntrack?.tcpBeLiberal);
  // In nftables mode kube-proxy takes the mask and masqueradeAll from the nftables section and
  // reads neither the iptables nor the ipvs one (v1alpha1 conversion.go, server_linux.go).
  if (nftables) {
    set('masqueradeAll', kpc.nftables?.masqueradeAll);
    set('masqueradeBit', kpc.nftables?.masqueradeBit);
  } else {
    set('masqueradeAll', kpc.iptables?.masqueradeAll);
    set('masqueradeBit', kpc.iptables?.masqueradeBit);
    set('localhostNodePorts', kpc.iptables?.localhostNodePorts);
    set('ipvsScheduler', kpc.ipvs?.scheduler);
  }
  return config;
}

/**
 * The iptables/ipvs fields a KubeProxyConfiguration sets to something other than kube-proxy's
 * defaults (the decoder fills those in, so a field left at its default cannot be told apart).
 */
function otherModeFields(kpc: KubeProxyConfiguration): string[] {
  const ipt = kpc.iptables ?? {};
  const changed: [string, boolean][] = [
    ['iptables.masqueradeAll', ipt.masqueradeAll === true],
    ['iptables.masqueradeBit', ipt.masqueradeBit !== undefined && ipt.masqueradeBit !== 14],
    ['iptables.localhostNodePorts', ipt.localhostNodePorts === false],
    ['iptables.syncPeriod', ipt.syncPeriod !== undefined && ipt.syncPeriod !== '30s'],
    ['iptables.minSyncPeriod', ipt.minSyncPeriod !== undefined && ipt.minSyncPeriod !== '1s'],
    ['ipvs.scheduler', kpc.ipvs?.scheduler !== undefined],
    ['ipvs.strictARP', kpc.ipvs?.strictARP !== undefined],
  ];
  return changed.filter(([, set]) => set).map(([field]) => field);
}
