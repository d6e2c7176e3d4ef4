// Cluster-wide settings: kubeadm + flannel defaults, overridden by a KubeProxyConfiguration.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { parseCidr } from '../ip';
import type { KubeProxyConfiguration, Manifest } from '../manifest/types';
import type { ClusterConfig, ProxyConfig } from './types';

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

  if (kpc.mode === 'nftables') {
    diagnostics.push(diagnostic('warning', 'kubeProxy.mode.unsupported', { mode: kpc.mode }, first.source.at('mode')));
  } else if (kpc.mode) set('mode', kpc.mode);

  if (kpc.clusterCIDR) {
    if (parseCidr(kpc.clusterCIDR)) {
      config.clusterCIDR = kpc.clusterCIDR;
      config.fromManifests.push('clusterCIDR');
      set('clusterCIDR', kpc.clusterCIDR);
    } else {
      diagnostics.push(diagnostic('error', 'kubeProxy.clusterCIDR.invalid', { value: kpc.clusterCIDR }, first.source.at('clusterCIDR')));
    }
  }
  set('masqueradeAll', kpc.iptables?.masqueradeAll);
  set('masqueradeBit', kpc.iptables?.masqueradeBit);
  set('localhostNodePorts', kpc.iptables?.localhostNodePorts);
  set('nodePortAddresses', kpc.nodePortAddresses);
  set('detectLocalMode', kpc.detectLocalMode || undefined);
  set('tcpBeLiberal', kpc.conntrack?.tcpBeLiberal);
  set('ipvsScheduler', kpc.ipvs?.scheduler);
  return config;
}
