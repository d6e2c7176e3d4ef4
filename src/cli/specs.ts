// Turning --from/--to/--endpoint text into a PacketSpec's parts (the model reads the same forms
// in a scenario's `# packetwalk:` line), more strictly than the model's reader: on a command line
// `999.1.1.1` is a mistyped address, not a DNS name, and a port out of range is named as such.
import {
  parseHeaderArg,
  parseIPv4Sloppy,
  parseMethodArg,
  parseSourceArg,
  parseTargetArg,
  type HttpHeader,
  type TraceSource,
  type TraceTarget,
} from '../model';
import { CliError, UsageError } from './errors';
import { oneOf } from './flags';
import { elide, message, say } from './messages';

const protocols = ['tcp', 'udp', 'sctp'] as const;

/** An address the way Go reads one: four numbers 0-255, no leading zeros (`010` is octal to some readers, decimal to others). */
export function checkIPv4(flag: string, ip: string): void {
  if (parseIPv4Sloppy(ip) === undefined || /(^|\.)0\d/.test(ip)) throw new UsageError(say('cli.usage.ipv4', { flag, value: elide(ip) }));
}

function checkPort(flag: string, port: string): void {
  const n = Number(port);
  if (!/^\d{1,5}$/.test(port) || n < 1 || n > 65535) throw new UsageError(say('cli.usage.port', { flag, value: elide(port) }));
}

/** HOST:PORT with an all-digits-and-dots HOST an address or an error. */
function checkHostPort(flag: string, text: string): void {
  const m = /^([^:/\s]+):([^:]*)$/.exec(text);
  if (!m) return;
  if (/^[\d.]+$/.test(m[1]!)) checkIPv4(flag, m[1]!);
  checkPort(flag, m[2]!);
}

export function parseSource(text: string): TraceSource {
  if (text.startsWith('client/')) checkIPv4('--from', text.slice('client/'.length));
  const from = parseSourceArg(text);
  if (!from) throw new UsageError(say('cli.usage.from', { value: elide(text) }));
  return from;
}

export function parseTarget(text: string, protocol: string): TraceTarget {
  const proto = oneOf('--protocol', protocol, protocols);
  if (/^https?:\/\//i.test(text)) {
    if (!URL.canParse(text) || !new URL(text).hostname) throw new UsageError(say('cli.usage.url', { value: elide(text) }));
  } else {
    checkHostPort('--to', text);
  }
  const to = parseTargetArg(text, proto);
  // `[ADDRESS]:PORT`, as IPv6 is written with a port: understood, but not walked.
  if (!to && /^\[[\da-f:.]+\]:\d{1,5}$/i.test(text)) throw new CliError(message('cli.to.ipv6', { value: elide(text) }));
  if (!to) throw new UsageError(say('cli.usage.to', { value: elide(text) }));
  return to;
}

/** `--endpoint IP:PORT`, as an EndpointSlice lists one. */
export function parseEndpoint(text: string): string {
  const m = /^([^:]*):([^:]*)$/.exec(text);
  if (!m) throw new UsageError(say('cli.usage.endpoint', { value: elide(text) }));
  checkIPv4('--endpoint', m[1]!);
  checkPort('--endpoint', m[2]!);
  return text;
}

/** `--method M`: a token, sent as written (methods are case-sensitive; GET unless given). */
export function parseMethod(text: string): string {
  const method = parseMethodArg(text);
  if (method === undefined) throw new UsageError(say('cli.usage.method', { value: elide(text) }));
  return method;
}

/** `--header 'Name: value'`, as curl -H takes one. */
export function parseHeader(text: string): HttpHeader {
  const header = parseHeaderArg(text);
  if (!header) throw new UsageError(say('cli.usage.header', { value: elide(text) }));
  return header;
}
