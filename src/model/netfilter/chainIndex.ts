// Chains by name, per table: a large cluster's nat table has tens of thousands of chains, so
// neither reading a ruleset nor walking a packet through it may scan them for a name.

import type { Chain, Table } from './types';

/** Keyed by the chains array itself, so a table whose array is replaced (-X) gets a fresh index. */
const indexes = new WeakMap<readonly Chain[], Map<string, Chain>>();

function indexOf(chains: readonly Chain[]): Map<string, Chain> {
  let index = indexes.get(chains);
  // A chain pushed without addChain leaves the count behind: read the array again.
  if (!index || index.size !== chains.length) {
    index = new Map(chains.map((c) => [c.name, c]));
    indexes.set(chains, index);
  }
  return index;
}

export function findChain(table: Table | undefined, name: string | undefined): Chain | undefined {
  return table && name !== undefined ? indexOf(table.chains).get(name) : undefined;
}

/** Appends a chain, keeping the index current. */
export function addChain(table: Table, chain: Chain): Chain {
  const index = indexOf(table.chains);
  table.chains.push(chain);
  index.set(chain.name, chain);
  return chain;
}
