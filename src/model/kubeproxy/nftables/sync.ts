// The table kube-proxy in nftables mode (v1.34) holds after a full sync of one node and
// family, as knftables' Fake dumps it: the transaction `nft -f -` needs to build it.
// Services are visited in the same stable order as iptables mode (kube-proxy walks a Go map).

import type { ClusterState } from '../../cluster/types';
import type { Family } from '../../net';
import { categorizeEndpoints } from '../categorize';
import { servicePortMap } from '../iptablesRestore';
import { nftContext } from './context';
import { writeServicePort } from './serviceRules';
import { nftablesListing } from './list';
import { setupTable } from './setup';
import { NftTable } from './table';

export const KUBE_PROXY_TABLE = 'kube-proxy';

export function nftablesTable(state: ClusterState, nodeName: string, family: Family = 4): NftTable {
  const nctx = nftContext(state, nodeName, family);
  const table = new NftTable(nctx.ipX, KUBE_PROXY_TABLE, 'rules for kube-proxy');
  setupTable(table, nctx);
  for (const { sp, endpoints } of servicePortMap(state, nodeName, family)) {
    writeServicePort(table, sp, categorizeEndpoints(endpoints, sp), nctx);
  }
  return table;
}

/** What `packetwalk nft --format dump` prints. */
export function nftablesDump(state: ClusterState, nodeName: string, family: Family = 4): string {
  return nftablesTable(state, nodeName, family).dump();
}

/** What `packetwalk nft --format list` prints: `nft list table` once the kernel has loaded the dump. */
export function nftablesList(state: ClusterState, nodeName: string, family: Family = 4): string {
  return nftablesListing(nftablesTable(state, nodeName, family));
}
