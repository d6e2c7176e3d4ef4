// -m addrtype --src-type/--dst-type TYPE[,TYPE] [--limit-iface-in|out]: the routing
// type of an address. The model knows LOCAL (the node's own), BROADCAST, MULTICAST and UNICAST.

import { parseIPv4Sloppy } from '../../net';
import type { Packet } from '../types';
import { issue, type EvalEnv, type MatchModule } from './module';

// iptables prints the types in this order (libxt_addrtype rtn_names).
const TYPES = [
  'UNSPEC',
  'UNICAST',
  'LOCAL',
  'BROADCAST',
  'ANYCAST',
  'MULTICAST',
  'BLACKHOLE',
  'UNREACHABLE',
  'PROHIBIT',
  'THROW',
  'NAT',
  'XRESOLVE',
];

interface TypeSel {
  types: string[];
  invert: boolean;
}

interface AddrtypeState {
  src?: TypeSel;
  dst?: TypeSel;
  limitIn: boolean;
  limitOut: boolean;
}

function typeOf(ip: string, iface: string | undefined, env: EvalEnv): string {
  const { ctx } = env;
  const local = iface !== undefined && ctx.isLocalOn ? ctx.isLocalOn(ip, iface) : ctx.isLocal(ip);
  if (local) return 'LOCAL';
  const v = parseIPv4Sloppy(ip) ?? 0;
  if (v === 0xffffffff) return 'BROADCAST';
  if (v >>> 28 === 0xe) return 'MULTICAST';
  return 'UNICAST';
}

function sideMatches(sel: TypeSel | undefined, ip: string, iface: string | undefined, env: EvalEnv): boolean {
  return !sel || sel.types.includes(typeOf(ip, iface, env)) !== sel.invert;
}

export const addrtypeMatch: MatchModule<AddrtypeState> = {
  name: 'addrtype',
  options: { 'src-type': 1, 'dst-type': 1, 'limit-iface-in': 0, 'limit-iface-out': 0 },
  invertible: ['src-type', 'dst-type'],
  init: () => ({ limitIn: false, limitOut: false }),
  option(state, name, values, invert) {
    if (name === 'limit-iface-in') state.limitIn = true;
    else if (name === 'limit-iface-out') state.limitOut = true;
    else {
      const names = values[0].split(',');
      if (!names.every((n) => TYPES.includes(n))) return issue('netfilter.badValue', { option: `--${name}`, value: values[0] });
      const key = name === 'src-type' ? 'src' : 'dst';
      if (state[key]) return issue('netfilter.duplicateOption', { option: `--${name}` });
      state[key] = { types: TYPES.filter((t) => names.includes(t)), invert };
    }
    return undefined;
  },
  finish: (state) =>
    state.limitIn && state.limitOut ? issue('netfilter.conflictingOptions', { a: '--limit-iface-in', b: '--limit-iface-out' }) : undefined,
  save(state) {
    let out = '';
    if (state.src) out += `${state.src.invert ? ' !' : ''} --src-type ${state.src.types.join(',')}`;
    if (state.dst) out += `${state.dst.invert ? ' !' : ''} --dst-type ${state.dst.types.join(',')}`;
    if (state.limitIn) out += ' --limit-iface-in';
    if (state.limitOut) out += ' --limit-iface-out';
    return out;
  },
  match(state, env) {
    const p: Packet = env.packet;
    const iface = state.limitIn ? p.inIface : state.limitOut ? p.outIface : undefined;
    return sideMatches(state.src, p.src, iface, env) && sideMatches(state.dst, p.dst, iface, env);
  },
};
