// Domain-name arithmetic: absolute names, label checks, dashed and reverse forms of IPv4 addresses.

import { parseIPv4Go } from '../net';

/** Lower-case and absolute (trailing dot): DNS compares names case-insensitively. */
export function absolute(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/** The labels of a name, without the root. */
export function labels(name: string): string[] {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  return trimmed ? trimmed.split('.') : [];
}

/** Whether `name` is `zone` or below it; both absolute. */
export function inZone(name: string, zone: string): boolean {
  return zone === '.' || name === zone || name.endsWith(`.${zone}`);
}

/** The labels left of `zone` (both absolute, `name` in the zone). */
export function labelsBelow(name: string, zone: string): string[] {
  return name === zone ? [] : labels(name.slice(0, name.length - zone.length - 1));
}

/** RFC 1035 limits the resolver checks before sending: labels of 1-63 octets, 253 characters in all. */
export function isValidQueryName(name: string): boolean {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (!trimmed || trimmed.length > 253) return false;
  return trimmed.split('.').every((l) => l.length > 0 && l.length <= 63);
}

/** A dotted quad as Go's net.ParseIP accepts it (no leading zeros), or undefined. */
export function strictIPv4(text: string): string | undefined {
  return parseIPv4Go(text) === undefined ? undefined : text;
}

/** `10.244.1.5` -> `10-244-1-5`, the name CoreDNS gives an endpoint without a hostname. */
export function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

/** `10.96.0.10` -> `10.0.96.10.in-addr.arpa.` */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** The IPv4 address a reverse name stands for, when it names a whole address. */
export function addressFromReverse(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa\.$/.exec(name);
  return m ? strictIPv4([m[4], m[3], m[2], m[1]].join('.')) : undefined;
}
