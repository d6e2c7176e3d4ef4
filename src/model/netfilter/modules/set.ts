// -m set --match-set NAME src|dst[,src|dst…]: membership in an ipset (kube-proxy's
// IPVS mode). Each flag picks the packet field a member's dimension is compared to:
// an address or CIDR, or a `proto:port` / bare port.

import { parseIPv4Sloppy } from '../../net';
import { addrMatches, parseAddrMatch } from '../addrMatch';
import type { Packet } from '../types';
import { issue, type MatchModule } from './module';

interface SetState {
  name?: string;
  flags: ('src' | 'dst')[];
  invert: boolean;
}

function dimensionMatches(member: string, flag: 'src' | 'dst', packet: Packet): boolean {
  const ip = flag === 'src' ? packet.src : packet.dst;
  const port = flag === 'src' ? packet.sport : packet.dport;
  const addr = member.split('/')[0];
  if (parseIPv4Sloppy(addr) !== undefined) {
    const m = parseAddrMatch(member, false);
    return m !== undefined && addrMatches(m, ip);
  }
  const [proto, num] = member.includes(':') ? member.split(':') : [packet.proto, member];
  return proto === packet.proto && Number(num) === port;
}

export const setMatch: MatchModule<SetState> = {
  name: 'set',
  options: { 'match-set': 2 },
  invertible: ['match-set'],
  init: () => ({ flags: [], invert: false }),
  option(state, _name, values, invert) {
    const flags = values[1].split(',');
    if (!flags.every((f) => f === 'src' || f === 'dst') || flags.length > 6)
      return issue('netfilter.badValue', { option: '--match-set', value: values.join(' ') });
    Object.assign(state, { name: values[0], flags, invert });
    return undefined;
  },
  finish: (state) => (state.name ? undefined : issue('netfilter.missingOption', { module: 'set', option: '--match-set' })),
  save: (state) => `${state.invert ? ' !' : ''} --match-set ${state.name} ${state.flags.join(',')}`,
  match(state, { packet, ctx }) {
    const set = ctx.ipsets?.[state.name!];
    if (!set) return undefined;
    const found = set.members.some((member) => {
      const dims = member.split(' ')[0].split(',');
      return dims.length >= state.flags.length && state.flags.every((f, i) => dimensionMatches(dims[i], f, packet));
    });
    return found !== state.invert;
  },
};
