// Turning --from/--to text into a PacketSpec's source and target (the model reads the same forms
// in a scenario's `# packetwalk:` line); a text that is none of them is a usage error.
import { parseSourceArg, parseTargetArg, type TraceSource, type TraceTarget } from '../model';
import { UsageError } from './usageError';

export function parseSource(text: string): TraceSource {
  const from = parseSourceArg(text);
  if (!from) throw new UsageError(`--from must be pod/NS/NAME, node/NAME or client[/IP], not "${text}"`);
  return from;
}

export function parseTarget(text: string, protocol: string): TraceTarget {
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    throw new UsageError(`--protocol must be tcp, udp or sctp`);
  }
  const to = parseTargetArg(text, protocol);
  if (!to) throw new UsageError(`--to must be IP:PORT, NAME:PORT or an http(s):// URL, not "${text}"`);
  return to;
}
