// -m multiport --dports/--sports/--ports: up to 15 ports, a range counting as two.

import { issue, not, type MatchModule } from './module';
import { formatPortRange, inRange, parsePortRange, type PortRange } from './ports';

interface MultiportState {
  dir?: 'dports' | 'sports' | 'ports';
  ports: PortRange[];
  invert: boolean;
}

const DIRS: Record<string, MultiportState['dir']> = {
  dports: 'dports',
  'destination-ports': 'dports',
  sports: 'sports',
  'source-ports': 'sports',
  ports: 'ports',
};

export const multiportMatch: MatchModule<MultiportState> = {
  name: 'multiport',
  options: { dports: 1, 'destination-ports': 1, sports: 1, 'source-ports': 1, ports: 1 },
  invertible: Object.keys(DIRS),
  init: () => ({ ports: [], invert: false }),
  option(state, name, values, invert) {
    if (state.dir) return issue('netfilter.duplicateOption', { option: '--ports' });
    const ports = values[0].split(',').map((p) => parsePortRange(p));
    const slots = ports.reduce((n, p) => n + (p && p.lo !== p.hi ? 2 : 1), 0);
    if (ports.some((p) => !p) || slots > 15) return issue('netfilter.badValue', { option: `--${name}`, value: values[0] });
    state.dir = DIRS[name];
    state.ports = ports as PortRange[];
    state.invert = invert;
    return undefined;
  },
  finish: (state, header) => {
    if (!state.dir) return issue('netfilter.missingOption', { module: 'multiport', option: '--dports' });
    const p = header.proto;
    return p && !p.invert && ['tcp', 'udp', 'sctp', 'udplite', 'dccp'].includes(p.name)
      ? undefined
      : issue('netfilter.matchNeedsProtocol', { module: 'multiport', proto: 'tcp/udp/sctp' });
  },
  save: (state) => `${not(state.invert)} --${state.dir} ${state.ports.map((p) => formatPortRange(p)).join(',')}`,
  match(state, { packet }) {
    const hit = (port: number) => state.ports.some((r) => inRange(r, port));
    const found =
      state.dir === 'dports' ? hit(packet.dport) : state.dir === 'sports' ? hit(packet.sport) : hit(packet.sport) || hit(packet.dport);
    return found !== state.invert;
  },
};
