// `ipvsadm -Ln` as ipvsadm 1.31 prints it (ipvsadm.c list_all / print_service_entry,
// libipvs ipvs_cmp_services / ipvs_cmp_dests), for a table of virtual servers.

import { formatIPv6Ntop, parseAddrSloppy } from '../../net';
import type { Protocol } from '../../manifest/types';
import type { RealServer, VirtualServer } from './types';

/** The kernel's IPVS version and connection-table size (CONFIG_IP_VS_TAB_BITS=12). */
const HEADER = 'IP Virtual Server version 1.2.1 (size=4096)';
const TITLE = 'Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn';

const IPPROTO: Record<Protocol, number> = { TCP: 6, UDP: 17, SCTP: 132 };
const AF_INET = 2;
const AF_INET6 = 10;

/** The address as the 32-bit words libipvs compares (ntohl of each s6_addr32). */
function words(address: string): number[] {
  const a = parseAddrSloppy(address);
  const n = a === undefined ? 0 : a.family === 4 ? 1 : 4;
  return Array.from({ length: n }, (_, i) => Number((a!.value >> BigInt(32 * (n - 1 - i))) & 0xffffffffn));
}

/**
 * libipvs computes `int r = ntohl(a) - ntohl(b)`: unsigned subtraction read as a signed int.
 * Addresses more than 2^31 apart compare the "wrong" way (192.168.1.11 sorts before 10.96.0.1).
 */
function cmpAddress(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  let r = 0;
  for (let i = 0; r === 0 && i < Math.min(wa.length, wb.length); i++) r = (wa[i] - wb[i]) | 0;
  return r;
}

function cmpServices(a: VirtualServer, b: VirtualServer): number {
  const af = (v: VirtualServer): number => (v.family === 6 ? AF_INET6 : AF_INET);
  return af(a) - af(b) || IPPROTO[a.protocol] - IPPROTO[b.protocol] || cmpAddress(a.address, b.address) || a.port - b.port;
}

function cmpDests(a: RealServer, b: RealServer): number {
  return cmpAddress(a.address, b.address) || a.port - b.port;
}

/**
 * glibc's qsort is a merge sort (msort_with_tmp): halves of n/2 and n - n/2, and the left
 * element wins ties. The comparator above is not transitive, so the algorithm decides the order.
 */
export function glibcMergeSort<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return [...items];
  const n1 = Math.floor(items.length / 2);
  const left = glibcMergeSort(items.slice(0, n1), cmp);
  const right = glibcMergeSort(items.slice(n1), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(cmp(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
  return out.concat(left.slice(i), right.slice(j));
}

// ipvsadm prints what the kernel holds through inet_ntop, not kube-proxy's text.
const hostPort = (v: { address: string; port: number }, family: number): string => {
  const a = family === 6 ? parseAddrSloppy(v.address) : undefined;
  return a?.family === 6 ? `[${formatIPv6Ntop(a.value)}]:${v.port}` : `${v.address}:${v.port}`;
};

function serviceLine(vs: VirtualServer): string {
  // `%-4s %s`; IPv4 names are cut at 33 characters, which no numeric address reaches.
  let line = `${vs.protocol.padEnd(4)} ${hostPort(vs, vs.family)} ${vs.scheduler}`;
  if (vs.schedulerPortFlag) {
    const flag = vs.scheduler === 'sh' ? 'sh-port' : vs.scheduler === 'mh' ? 'mh-port' : 'flag-2';
    line += ` (${flag})`;
  }
  if (vs.persistentTimeout !== undefined) line += ` persistent ${vs.persistentTimeout}`;
  return line;
}

function destLine(rs: RealServer, family: number): string {
  // `  -> %-28s %-7s %-6d %-10u %-10u`: kube-proxy's table has no live connections.
  return `  -> ${hostPort(rs, family).padEnd(28)} ${rs.forward.padEnd(7)} ${String(rs.weight).padEnd(6)} ${'0'.padEnd(10)} ${'0'.padEnd(10)}`;
}

/**
 * The text `ipvsadm -Ln` prints for these virtual servers (sorted as ipvsadm sorts them). The
 * kernel hands ipvsadm its services in hash-table order (keyed with a per-namespace pointer);
 * that order only shows when the comparator has a cycle (e.g. 10.x < 127.x < 172.x < 10.x),
 * and then the order given here, kube-proxy's creation order, stands in for it.
 */
export function formatIpvsadm(virtualServers: readonly VirtualServer[]): string {
  const lines = [HEADER, TITLE];
  for (const vs of glibcMergeSort(virtualServers, cmpServices)) {
    lines.push(serviceLine(vs));
    for (const rs of glibcMergeSort(vs.realServers, cmpDests)) lines.push(destLine(rs, vs.family));
  }
  return lines.join('\n') + '\n';
}
