// The text forms of a packet's ends, as `--from` and `--to` spell them on the command line and
// in a scenario's `# packetwalk:` line: undefined when the text is none of the forms.

import { parseIPv4Sloppy } from '../net';
import type { L4Proto } from '../netfilter/types';
import type { TraceSource, TraceTarget } from './types';

/** `pod/NS/NAME` (or `pod/NAME` in default), `node/NAME`, `client` or `client/IP`. */
export function parseSourceArg(text: string): TraceSource | undefined {
  const parts = text.split('/');
  if (parts[0] === 'pod' && parts.length === 3 && parts[1] && parts[2]) return { kind: 'pod', namespace: parts[1], name: parts[2] };
  if (parts[0] === 'pod' && parts.length === 2 && parts[1]) return { kind: 'pod', namespace: 'default', name: parts[1] };
  if (parts[0] === 'node' && parts.length === 2 && parts[1]) return { kind: 'node', name: parts[1] };
  if (parts[0] === 'client' && parts.length === 1) return { kind: 'client' };
  if (parts[0] === 'client' && parts.length === 2 && parseIPv4Sloppy(parts[1] ?? '') !== undefined)
    return { kind: 'client', ip: parts[1]! };
  return undefined;
}

export const protocols: readonly L4Proto[] = ['tcp', 'udp', 'sctp'];

/** `IP:PORT`, `NAME:PORT` (resolved by the source pod) or an `http(s)://` URL (through ingress-nginx). */
export function parseTargetArg(text: string, proto: L4Proto = 'tcp'): TraceTarget | undefined {
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'url', url: text };
  const m = /^([^:/\s]+):(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const host = m[1]!;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return parseIPv4Sloppy(host) !== undefined ? { kind: 'ip', ip: host, port, proto } : { kind: 'name', name: host, port, proto };
}

/** The inverse of the two parsers: the flags that name this packet. */
export function formatSourceArg(from: TraceSource): string {
  if (from.kind === 'pod') return `pod/${from.namespace}/${from.name}`;
  if (from.kind === 'node') return `node/${from.name}`;
  return from.ip ? `client/${from.ip}` : 'client';
}

export function formatTargetArg(to: TraceTarget): string {
  if (to.kind === 'url') return to.url;
  return `${to.kind === 'ip' ? to.ip : to.name}:${to.port}`;
}
