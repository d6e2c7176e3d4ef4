// `ipset list` for kube-proxy's sets, as ipset 7.x prints them on a 6.x kernel. kube-proxy
// creates the sets with the defaults of pkg/proxy/ipvs/ipset (hashsize 1024, maxelem 65536,
// bitmap range 0-65535, no comment extension), so the headers are fixed; what the kernel
// decides on its own is approximated as said below.

import type { IpSet } from '../../netfilter/types';
import type { Family } from '../../net';
import { familySetName, IPSET_INFO, type IpsetType } from './ipsets';

/** Set revisions of the kernel's ip_set_* modules (measured on Linux 6.18). */
const REVISION: Record<IpsetType, number> = {
  'hash:ip': 6,
  'hash:ip,port': 7,
  'hash:ip,port,ip': 6,
  'hash:ip,port,net': 8,
  'bitmap:port': 3,
};

/**
 * "Size in memory" (Linux 6.18, x86-64): an empty set's size plus a fixed amount per entry.
 * Exact while entries land in distinct hash buckets; a collision can add one bucket's worth.
 */
const MEMORY: Record<Family, Record<IpsetType, [number, number]>> = {
  4: {
    'hash:ip': [216, 40],
    'hash:ip,port': [216, 48],
    'hash:ip,port,ip': [208, 56],
    'hash:ip,port,net': [464, 56],
    'bitmap:port': [8264, 0],
  },
  6: {
    'hash:ip': [224, 64],
    'hash:ip,port': [232, 72],
    'hash:ip,port,ip': [232, 104],
    'hash:ip,port,net': [1256, 104],
    'bitmap:port': [8264, 0],
  },
};

/** A set as kube-proxy left it after a sync, with the number of iptables rules that use it. */
export interface KubeIpset extends IpSet {
  type: IpsetType;
  family: Family;
  references: number;
}

/**
 * Members in the order `ipset list` shows them: ascending ports for bitmap:port; for hash
 * types the order kube-proxy adds them in (sorted strings). The kernel lists a hash set by
 * bucket, and its buckets depend on a random initval, so no fixed order is "the" real one.
 */
export function listedMembers(type: IpsetType, entries: Iterable<string>): string[] {
  const members = [...entries];
  if (type === 'bitmap:port') return members.sort((a, b) => Number(a) - Number(b));
  return members.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function kubeIpsets(family: Family, entries: Map<string, Set<string>>, references: (setName: string) => number): KubeIpset[] {
  return IPSET_INFO.map((info) => {
    const name = familySetName(info.name, family);
    return {
      name,
      type: info.type,
      family,
      members: listedMembers(info.type, entries.get(info.name) ?? []),
      references: references(name),
    };
  });
}

/** FNV-1a: a stable stand-in for the random hash seed the kernel picks per set. */
function initval(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return '0x' + h.toString(16).padStart(8, '0');
}

function header(set: KubeIpset, nodeName: string): string {
  if (set.type === 'bitmap:port') return 'range 0-65535';
  const family = set.family === 6 ? 'inet6' : 'inet';
  return `family ${family} hashsize 1024 maxelem 65536 bucketsize 12 initval ${initval(`${nodeName}/${set.name}`)}`;
}

function block(set: KubeIpset, nodeName: string): string {
  const [base, perEntry] = MEMORY[set.family][set.type];
  return [
    `Name: ${set.name}`,
    `Type: ${set.type}`,
    `Revision: ${REVISION[set.type]}`,
    `Header: ${header(set, nodeName)}`,
    `Size in memory: ${base + perEntry * set.members.length}`,
    `References: ${set.references}`,
    `Number of entries: ${set.members.length}`,
    'Members:',
    ...set.members,
  ].join('\n');
}

/** The whole `ipset list` text: each set's block, separated by an empty line. */
export function formatIpsetList(sets: readonly KubeIpset[], nodeName: string): string {
  return sets.map((s) => block(s, nodeName) + '\n').join('\n');
}
