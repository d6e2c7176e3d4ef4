// The two ways the programs PacketWalk imitates print an IPv6 address. Both write lower-case
// hex without leading zeros and shorten the first longest run of two or more zero groups to
// `::` (RFC 5952); they differ on the addresses whose last 32 bits they write as a dotted quad:
//
//   address        Go net/netip Addr.String()   glibc inet_ntop
//   ::ffff:a00:1   ::ffff:10.0.0.1              ::ffff:10.0.0.1   (IPv4-mapped: both dotted)
//   ::a00:1        ::a00:1                      ::10.0.0.1        (IPv4-compatible: glibc only)
//   ::1:0          ::1:0                        ::0.1.0.0         (any ::/96 but :: and ::1)
//
// kube-proxy, MetalLB, CoreDNS and the Kubernetes controllers print with Go; iptables-save,
// ipvsadm and conntrack print what the kernel holds through glibc.

import { formatIPv4 } from './ipv4';

const MAPPED_HIGH = 0xffffn; // the top 96 bits of ::ffff:0:0/96

function words(value: bigint): number[] {
  const out: number[] = [];
  for (let i = 7; i >= 0; i--) out.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  return out;
}

/** The first longest run of two or more zero words, as [start, length]; length 0 when none. */
function zeroRun(w: number[]): [number, number] {
  let best: [number, number] = [-1, 0];
  for (let i = 0; i < 8;) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i >= 2 && j - i > best[1]) best = [i, j - i];
    i = j;
  }
  return best;
}

function compressed(w: number[], [start, len]: [number, number]): string {
  const hex = (ws: number[]) => ws.map((x) => x.toString(16)).join(':');
  return len === 0 ? hex(w) : `${hex(w.slice(0, start))}::${hex(w.slice(start + len))}`;
}

const dottedTail = (value: bigint): string => formatIPv4(Number(value & 0xffffffffn));

/** Go's net/netip Addr.String() for a 16-byte address: only IPv4-mapped ones end in a dotted quad. */
export function formatIPv6Netip(value: bigint): string {
  if (value >> 32n === MAPPED_HIGH) return `::ffff:${dottedTail(value)}`;
  const w = words(value);
  return compressed(w, zeroRun(w));
}

/** glibc's inet_ntop(AF_INET6): IPv4-mapped and IPv4-compatible addresses end in a dotted quad. */
export function formatIPv6Ntop(value: bigint): string {
  const w = words(value);
  const run = zeroRun(w);
  if (run[0] === 0 && run[1] === 6) return `::${dottedTail(value)}`;
  if (run[0] === 0 && run[1] === 5 && w[5] === 0xffff) return `::ffff:${dottedTail(value)}`;
  return compressed(w, run);
}
