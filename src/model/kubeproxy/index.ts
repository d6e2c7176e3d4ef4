// kube-proxy, iptables mode: the rules a node's kube-proxy writes.

export { iptablesRestore, syncRules, servicePortMap } from './iptablesRestore';
export type { ServicePortWithEndpoints } from './iptablesRestore';
export { kubeProxyJumpRules } from './jumpRules';
export type { JumpRule } from './jumpRules';
export { DEFAULT_HOST_FEATURES } from './proxyContext';
export type { HostFeatures } from './proxyContext';
export { servicePortName, portProtoHash, serviceChains, endpointChain } from './chainNames';
export { probability } from './probability';
export type { RestoreRule } from './restoreText';
export type { Family } from '../net';

// IPVS mode.
export { ipvsVirtualServers, ipvsadmLn, ipsetList, ipvsIpSets, ipvsIptablesRestore, kubeIpvs0Addresses, ipvsJumpRules } from './ipvs';
export type { VirtualServer, RealServer, VirtualServerRole, KubeIpset } from './ipvs';

// nftables mode.
export { nftablesDump, nftablesList, nftablesTable, KUBE_PROXY_TABLE } from './nftables';
export type { NftTable, NftChain, NftSet, NftElement, NftRule, NftFamily, BaseChainHook } from './nftables';
