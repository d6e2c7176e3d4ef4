// Turning --from/--to text into a PacketSpec's source and target.
import type { TraceSource, TraceTarget } from '../model';
import { isIPv4 } from '../model/ip';
import { UsageError } from './usageError';

export function parseSource(text: string): TraceSource {
  const parts = text.split('/');
  if (parts[0] === 'pod' && parts.length === 3 && parts[1] && parts[2]) {
    return { kind: 'pod', namespace: parts[1], name: parts[2] };
  }
  if (parts[0] === 'pod' && parts.length === 2 && parts[1]) return { kind: 'pod', namespace: 'default', name: parts[1] };
  if (parts[0] === 'node' && parts.length === 2 && parts[1]) return { kind: 'node', name: parts[1] };
  if (parts[0] === 'client' && parts.length === 1) return { kind: 'client' };
  if (parts[0] === 'client' && parts.length === 2 && isIPv4(parts[1] ?? '')) return { kind: 'client', ip: parts[1]! };
  throw new UsageError(`--from must be pod/NS/NAME, node/NAME or client[/IP], not "${text}"`);
}

export function parseTarget(text: string, protocol: string): TraceTarget {
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    throw new UsageError(`--protocol must be tcp, udp or sctp`);
  }
  if (/^https?:\/\//i.test(text)) return { kind: 'url', url: text };
  const m = /^([^:/\s]+):(\d{1,5})$/.exec(text);
  if (!m) throw new UsageError(`--to must be IP:PORT, NAME:PORT or an http(s):// URL, not "${text}"`);
  const [, host, port] = m;
  return isIPv4(host!)
    ? { kind: 'ip', ip: host!, port: Number(port), proto: protocol }
    : { kind: 'name', name: host!, port: Number(port), proto: protocol };
}
