// kubeproxy.config.k8s.io/v1alpha1 KubeProxyConfiguration: a component config, read
// strictly by kube-proxy; it has TypeMeta only (no metadata). Defaults from
// pkg/proxy/apis/config/v1alpha1/defaults.go (Kubernetes v1.31), for the fields modelled.

import { bool, ignored, ignoring, int, obj, oneOf, str, strings } from '../fieldSpec';
import type { KubeProxyConfiguration } from '../types';
import type { KindDecoder } from './kindDecoder';

export const kubeProxyConfigurationDecoder: KindDecoder<KubeProxyConfiguration> = {
  apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
  kind: 'KubeProxyConfiguration',
  namespaced: false,
  fields: {
    apiVersion: str(),
    kind: str(),
    mode: oneOf(['iptables', 'ipvs', 'nftables']),
    clusterCIDR: str(),
    nodePortAddresses: strings(),
    detectLocalMode: oneOf(['ClusterCIDR', 'NodeCIDR', 'BridgeInterface', 'InterfaceNamePrefix']),
    iptables: obj({
      masqueradeAll: bool,
      masqueradeBit: int(0, 31),
      localhostNodePorts: bool,
      minSyncPeriod: str(),
      syncPeriod: str(),
      ...ignoring('snatNodeInternalIP'),
    }),
    ipvs: obj({
      scheduler: str(),
      strictARP: bool,
      ...ignoring('syncPeriod', 'minSyncPeriod', 'excludeCIDRs', 'tcpTimeout', 'tcpFinTimeout', 'udpTimeout'),
    }),
    nftables: obj({ masqueradeAll: bool, masqueradeBit: int(0, 31), minSyncPeriod: str(), syncPeriod: str() }),
    conntrack: obj({
      tcpBeLiberal: bool,
      ...ignoring('maxPerCore', 'min', 'tcpEstablishedTimeout', 'tcpCloseWaitTimeout', 'udpTimeout', 'udpStreamTimeout'),
    }),
    detectLocal: ignored,
    ...ignoring(
      'featureGates',
      'clientConnection',
      'logging',
      'hostnameOverride',
      'bindAddress',
      'healthzBindAddress',
      'metricsBindAddress',
    ),
    ...ignoring('bindAddressHardFail', 'enableProfiling', 'showHiddenMetricsForVersion', 'winkernel', 'oomScoreAdj'),
    ...ignoring('configSyncPeriod', 'portRange', 'windowsRunAsService'),
  },
  finish(config) {
    const ipt = (config.iptables ??= {});
    ipt.masqueradeAll ??= false;
    ipt.masqueradeBit ??= 14;
    ipt.localhostNodePorts ??= true;
    ipt.syncPeriod ??= '30s';
    ipt.minSyncPeriod ??= '1s';
    return config;
  },
};
