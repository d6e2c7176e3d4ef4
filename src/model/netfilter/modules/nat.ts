// DNAT, SNAT and MASQUERADE. The model picks the first address and port of a range
// (kube-proxy always writes a single IP:port) and keeps the source port on SNAT when
// it is free, as the kernel does without --random/--random-fully.

import { formatIPv4, formatIPv6Ntop, parseIPv4Sloppy, parseIPv6Sloppy } from '../../net';
import type { Endpoint, IpFamily, Packet } from '../types';
import { issue, type Header, type Issue, type TargetModule } from './module';
import { formatPortRange, parsePortRange, type PortRange } from './ports';

interface NatRange {
  family: IpFamily;
  /** First and last address, as numbers of the family's width. */
  lo: bigint;
  hi: bigint;
  ports?: PortRange;
}

interface NatState {
  family: IpFamily;
  range?: NatRange;
  random: boolean;
  randomFully: boolean;
  persistent: boolean;
}

const PORT_PROTOS = ['tcp', 'udp', 'sctp', 'dccp', 'udplite'];

function parseAddr(text: string | undefined, family: IpFamily): bigint | undefined {
  if (text === undefined) return undefined;
  if (family === 6) return parseIPv6Sloppy(text);
  const v = parseIPv4Sloppy(text);
  return v === undefined ? undefined : BigInt(v);
}

function formatAddr(value: bigint, family: IpFamily): string {
  return family === 6 ? formatIPv6Ntop(value) : formatIPv4(Number(value));
}

/** `1.2.3.4[-1.2.3.9][:80[-90]]`; for IPv6 the port needs brackets: `[fd00::1]:80`, `fd00::1-fd00::9`. */
function parseNatRange(text: string, family: IpFamily): NatRange | undefined {
  let addrs = text;
  let portText: string | undefined;
  if (family === 6 && text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || (close + 1 < text.length && text[close + 1] !== ':')) return undefined;
    addrs = text.slice(1, close);
    if (close + 1 < text.length) portText = text.slice(close + 2);
  } else if (family === 4 && text.includes(':')) {
    addrs = text.slice(0, text.indexOf(':'));
    portText = text.slice(text.indexOf(':') + 1);
  }
  const [a, b, extra] = addrs.split('-');
  const lo = parseAddr(a, family);
  const hi = b === undefined ? lo : parseAddr(b, family);
  if (lo === undefined || hi === undefined || extra !== undefined || hi < lo) return undefined;
  if (portText === undefined) return { family, lo, hi };
  const ports = parsePortRange(portText, '-');
  return ports && ports.lo > 0 ? { family, lo, hi, ports } : undefined;
}

function formatNatRange(r: NatRange): string {
  const addrs = r.lo === r.hi ? formatAddr(r.lo, r.family) : `${formatAddr(r.lo, r.family)}-${formatAddr(r.hi, r.family)}`;
  if (!r.ports) return addrs;
  return `${r.family === 6 ? `[${addrs}]` : addrs}:${formatPortRange(r.ports, '-')}`;
}

function needsPortProto(hasPorts: boolean, header: Header, target: string): Issue | undefined {
  if (!hasPorts) return undefined;
  const p = header.proto;
  return p && !p.invert && PORT_PROTOS.includes(p.name)
    ? undefined
    : issue('netfilter.targetNeedsProtocol', { target, proto: 'tcp/udp/sctp' });
}

function flags(state: NatState, names: ('random' | 'randomFully' | 'persistent')[]): string {
  const text = { random: ' --random', randomFully: ' --random-fully', persistent: ' --persistent' };
  return names
    .filter((n) => state[n])
    .map((n) => text[n])
    .join('');
}

function setFlag(state: NatState, name: string): undefined {
  if (name === 'random') state.random = true;
  else if (name === 'random-fully') state.randomFully = true;
  else state.persistent = true;
  return undefined;
}

const init = (family: IpFamily): NatState => ({ family, random: false, randomFully: false, persistent: false });

function endpointOf(p: Packet, side: 'src' | 'dst'): Endpoint {
  return side === 'dst' ? { ip: p.dst, port: p.dport } : { ip: p.src, port: p.sport };
}

function translated(range: NatRange, current: Endpoint): Endpoint {
  return { ip: formatAddr(range.lo, range.family), port: range.ports ? range.ports.lo : current.port };
}

function natTarget(name: 'DNAT' | 'SNAT', option: 'to-destination' | 'to-source'): TargetModule<NatState> {
  const side = name === 'DNAT' ? 'dst' : 'src';
  return {
    name,
    options: { [option]: 1, random: 0, 'random-fully': 0, persistent: 0 },
    init,
    option(state, opt, values) {
      if (opt !== option) return setFlag(state, opt);
      if (state.range) return issue('netfilter.duplicateOption', { option: `--${option}` });
      const range = parseNatRange(values[0], state.family);
      if (!range) return issue('netfilter.badValue', { option: `--${option}`, value: values[0] });
      state.range = range;
      return undefined;
    },
    finish: (state, header) =>
      state.range
        ? needsPortProto(!!state.range.ports, header, name)
        : issue('netfilter.missingOption', { module: name, option: `--${option}` }),
    save: (state) => ` --${option} ${formatNatRange(state.range!)}${flags(state, ['random', 'randomFully', 'persistent'])}`,
    apply(state, { packet }) {
      const from = endpointOf(packet, side);
      const to = translated(state.range!, from);
      const after = side === 'dst' ? { ...packet, dst: to.ip, dport: to.port } : { ...packet, src: to.ip, sport: to.port };
      const effect = name === 'DNAT' ? { kind: 'dnat' as const, from, to } : { kind: 'snat' as const, from, to, masquerade: false };
      return { effect, packet: after, verdict: 'ACCEPT' };
    },
  };
}

export const dnatTarget = natTarget('DNAT', 'to-destination');
export const snatTarget = natTarget('SNAT', 'to-source');

export const masqueradeTarget: TargetModule<NatState & { ports?: PortRange }> = {
  name: 'MASQUERADE',
  options: { 'to-ports': 1, random: 0, 'random-fully': 0 },
  init,
  option(state, opt, values) {
    if (opt !== 'to-ports') return setFlag(state, opt);
    const ports = parsePortRange(values[0], '-');
    if (!ports) return issue('netfilter.badValue', { option: '--to-ports', value: values[0] });
    state.ports = ports;
    return undefined;
  },
  finish: (state, header) => needsPortProto(!!state.ports, header, 'MASQUERADE'),
  save: (state) => `${state.ports ? ` --to-ports ${formatPortRange(state.ports, '-')}` : ''}${flags(state, ['random', 'randomFully'])}`,
  apply(state, { packet, ctx }) {
    const from = endpointOf(packet, 'src');
    const to = { ip: ctx.outAddress(packet.outIface ?? ''), port: state.ports ? state.ports.lo : from.port };
    return { effect: { kind: 'snat', from, to, masquerade: true }, packet: { ...packet, src: to.ip, sport: to.port }, verdict: 'ACCEPT' };
  },
};
