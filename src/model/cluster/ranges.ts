// The cluster's own ranges, in this order: a kubeadm ClusterConfiguration, then ServiceCIDR
// objects, then what a pasted dump shows (inferRanges.ts; its IPv6 side, once the nodes have
// said whether the cluster is dual-stack, inferRanges6.ts), else kubeadm's and flannel's defaults.
// Everything downstream reads them from ClusterConfig: the allocators, kube-proxy, flannel, the
// LAN, MetalLB, CoreDNS and resolv.conf.

import { diagnostic, type Diagnostic } from '../diagnostics';
import { formatPrefixGo, nthAddress, parsePrefixSloppy, type Prefix } from '../net';
import { extraArg, NODE_PORT_RANGE_FLAG, parsePortRange } from '../manifest/kinds/kubeadm';
import { isKubeadmConfigMap, KUBEADM_CONFIG_KEY, kubeadmConfigOf } from '../manifest/kinds/kubeadmConfigMap';
import { DEFAULT_SERVICE_CIDR_NAME } from '../manifest/kinds/serviceCIDR';
import type { ClusterConfiguration, ConfigMap, Manifest, Service, ServiceCIDR } from '../manifest/types';
import { DEFAULT_CLUSTER_CIDR6, dualStackDefaults } from './config';
import { inferRanges } from './inferRanges';
import type { ClusterConfig } from './types';

const byFamily = (cidrs: string[]) => {
  const prefixes = cidrs.map(parsePrefixSloppy).filter((p): p is Prefix => p !== undefined);
  return { v4: prefixes.find((p) => p.family === 4), v6: prefixes.find((p) => p.family === 6) };
};

/** Sets the IPv4 service range and, with an IPv6 one, the dual-stack side; kubeadm puts CoreDNS at the 10th address. */
function setServiceRange(config: ClusterConfig, cidrs: string[], at: Manifest, path: string, diagnostics: Diagnostic[]): void {
  const { v4, v6 } = byFamily(cidrs);
  if (v6) {
    config.dualStack ??= dualStackDefaults(DEFAULT_CLUSTER_CIDR6);
    config.dualStack.serviceCIDR = formatPrefixGo(v6);
    config.fromManifests.push('dualStack.serviceCIDR');
  }
  if (!v4) {
    diagnostics.push(
      diagnostic('warning', 'ranges.ipv6Only', { value: cidrs.join(','), serviceCIDR: config.serviceCIDR }, at.source.at(path)),
    );
    return;
  }
  config.serviceCIDR = formatPrefixGo(v4);
  config.dnsServiceIP = nthAddress(config.serviceCIDR, 10);
  config.fromManifests.push('serviceCIDR');
}

function applyClusterConfiguration(config: ClusterConfig, m: Manifest<ClusterConfiguration>, diagnostics: Diagnostic[]): void {
  const net = m.object.networking ?? {};
  if (net.serviceSubnet) setServiceRange(config, net.serviceSubnet.split(','), m, 'networking.serviceSubnet', diagnostics);
  if (net.podSubnet) {
    const { v4, v6 } = byFamily(net.podSubnet.split(','));
    if (v6)
      config.dualStack = {
        ...dualStackDefaults(formatPrefixGo(v6)),
        ...(config.dualStack && { serviceCIDR: config.dualStack.serviceCIDR }),
      };
    if (v4) {
      config.clusterCIDR = formatPrefixGo(v4);
      config.fromManifests.push('clusterCIDR');
      // kubeadm hands podSubnet to kube-proxy as its clusterCIDR; a KubeProxyConfiguration's own value wins.
      if (!config.fromManifests.includes('proxy.clusterCIDR'))
        config.proxy.clusterCIDR = [v4, v6].flatMap((p) => (p ? [formatPrefixGo(p)] : [])).join(',');
    }
  }
  if (net.dnsDomain) {
    config.clusterDomain = net.dnsDomain;
    config.fromManifests.push('clusterDomain');
  }
  const ports = extraArg(m.object.apiServer?.extraArgs, NODE_PORT_RANGE_FLAG);
  const range = ports === undefined ? undefined : parsePortRange(ports);
  if (range) {
    config.nodePortRange = range;
    config.fromManifests.push('nodePortRange');
  }
}

/**
 * ServiceCIDRs the API server hands ClusterIPs out of: `kubernetes` (its own flag's range) is the
 * primary one unless a ClusterConfiguration set it; the others add addresses.
 */
function applyServiceCIDRs(config: ClusterConfig, cidrs: Manifest<ServiceCIDR>[], diagnostics: Diagnostic[]): void {
  if (cidrs.length === 0) return;
  const primary = cidrs.find((m) => m.object.metadata?.name === DEFAULT_SERVICE_CIDR_NAME) ?? cidrs[0];
  const cidrsOf = (m: Manifest<ServiceCIDR>) => m.object.spec?.cidrs ?? [];
  if (!config.fromManifests.includes('serviceCIDR')) setServiceRange(config, cidrsOf(primary), primary, 'spec.cidrs', diagnostics);
  const more = cidrs
    .flatMap(cidrsOf)
    .map(parsePrefixSloppy)
    .filter((p): p is Prefix => p?.family === 4)
    .map(formatPrefixGo)
    .filter((c) => c !== config.serviceCIDR);
  if (more.length) config.moreServiceCIDRs = [...new Set(more)];
}

/** kube-system/kube-dns is where pods send DNS queries: its ClusterIP, when the learner gives one, is the resolver. */
function applyDnsService(config: ClusterConfig, manifests: Manifest[]): void {
  const kubeDns = manifests.find(
    (m): m is Manifest<Service> =>
      m?.object?.kind === 'Service' && m.object.metadata?.namespace === 'kube-system' && m.object.metadata?.name === 'kube-dns',
  );
  const ip = kubeDns?.object.spec?.clusterIP;
  if (ip && ip !== 'None' && !ip.includes(':')) config.dnsServiceIP = ip;
}

/** The ClusterConfiguration kubeadm keeps in kube-system/kubeadm-config (its problems were reported when it was parsed). */
function fromKubeadmConfigMap(manifests: Manifest[]): Manifest<ClusterConfiguration> | undefined {
  const m = manifests.find((x): x is Manifest<ConfigMap> => x?.object?.kind === 'ConfigMap' && isKubeadmConfigMap(x.object));
  const object = m && kubeadmConfigOf(m.object, { report: () => {} });
  const at = `data.${KUBEADM_CONFIG_KEY}`;
  return object && { object, source: { ...m.source, at: () => m.source.at(at) } };
}

export function applyRanges(config: ClusterConfig, manifests: Manifest[], diagnostics: Diagnostic[]): void {
  // The parser keeps one ClusterConfiguration per file set; one pasted on its own comes before kubeadm's copy.
  const cc =
    manifests.find((m): m is Manifest<ClusterConfiguration> => m?.object?.kind === 'ClusterConfiguration') ??
    fromKubeadmConfigMap(manifests);
  if (cc) applyClusterConfiguration(config, cc, diagnostics);
  applyServiceCIDRs(
    config,
    manifests.filter((m): m is Manifest<ServiceCIDR> => m?.object?.kind === 'ServiceCIDR'),
    diagnostics,
  );
  inferRanges(config, manifests, diagnostics);
  applyDnsService(config, manifests);
}
