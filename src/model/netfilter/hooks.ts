// Which tables sit at which hook, in the kernel's priority order (Linux 6.x
// NF_IP_PRI_*: raw -300, conntrack -200, mangle -150, nat dst -100, filter 0, nat src 100),
// and each table's built-in chains.

import type { Hook, TableName } from './types';

export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly Hook[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export const TABLES_AT_HOOK: Readonly<Record<Hook, readonly TableName[]>> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'nat'],
  FORWARD: ['mangle', 'filter'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter'],
  POSTROUTING: ['mangle', 'nat'],
};

/** The order iptables-save (nf_tables backend, v1.8.9) prints tables in. */
export const SAVE_ORDER: readonly TableName[] = ['mangle', 'raw', 'filter', 'nat'];

/** Destination NAT happens at PREROUTING/OUTPUT, source NAT at INPUT/POSTROUTING. */
export function natManip(hook: Hook): 'dst' | 'src' | undefined {
  if (hook === 'PREROUTING' || hook === 'OUTPUT') return 'dst';
  if (hook === 'INPUT' || hook === 'POSTROUTING') return 'src';
  return undefined;
}

export function isBuiltin(table: TableName, chain: string): boolean {
  return (BUILTIN_CHAINS[table] as readonly string[]).includes(chain);
}
