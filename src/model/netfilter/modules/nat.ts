// DNAT, SNAT and MASQUERADE. The model picks the first address and port of a range
// (kube-proxy always writes a single IP:port) and keeps the source port on SNAT when
// it is free, as the kernel does without --random/--random-fully.

import { formatIPv4, parseIPv4 } from '../../ip';
import type { Endpoint, Packet } from '../types';
import { issue, type Header, type Issue, type TargetModule } from './module';
import { formatPortRange, parsePortRange, type PortRange } from './ports';

interface NatRange {
  lo: number;
  hi: number;
  ports?: PortRange;
}

interface NatState {
  range?: NatRange;
  random: boolean;
  randomFully: boolean;
  persistent: boolean;
}

const PORT_PROTOS = ['tcp', 'udp', 'sctp', 'dccp', 'udplite'];

function parseNatRange(text: string): NatRange | undefined {
  const colon = text.indexOf(':');
  const addrs = colon < 0 ? text : text.slice(0, colon);
  const [a, b, extra] = addrs.split('-');
  const lo = parseIPv4(a);
  const hi = b === undefined ? lo : parseIPv4(b);
  if (lo === undefined || hi === undefined || extra !== undefined || hi < lo) return undefined;
  if (colon < 0) return { lo, hi };
  const ports = parsePortRange(text.slice(colon + 1), '-');
  return ports && ports.lo > 0 ? { lo, hi, ports } : undefined;
}

function formatNatRange(r: NatRange): string {
  const addrs = r.lo === r.hi ? formatIPv4(r.lo) : `${formatIPv4(r.lo)}-${formatIPv4(r.hi)}`;
  return r.ports ? `${addrs}:${formatPortRange(r.ports, '-')}` : addrs;
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

const init = (): NatState => ({ random: false, randomFully: false, persistent: false });

function endpointOf(p: Packet, side: 'src' | 'dst'): Endpoint {
  return side === 'dst' ? { ip: p.dst, port: p.dport } : { ip: p.src, port: p.sport };
}

function translated(range: NatRange, current: Endpoint): Endpoint {
  return { ip: formatIPv4(range.lo), port: range.ports ? range.ports.lo : current.port };
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
      const range = parseNatRange(values[0]);
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
