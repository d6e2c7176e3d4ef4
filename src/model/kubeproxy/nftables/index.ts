// kube-proxy, nftables mode: the table a node's kube-proxy writes.

export { nftablesDump, nftablesList, nftablesTable, KUBE_PROXY_TABLE } from './sync';
export type { NftTable, NftChain, NftSet, NftElement, NftRule, NftFamily, BaseChainHook } from './table';
