// -m tcp / -m udp / -m sctp: --sport/--dport (and tcp's --tcp-flags/--syn).
// iptables-save prints --sport before --dport whatever the input order.

import type { L4Proto } from '../types';
import { issue, not, type MatchModule } from './module';
import { formatPortRange, inRange, parsePortRange, type PortRange } from './ports';

interface PortSel {
  range: PortRange;
  invert: boolean;
}

interface L4State {
  sport?: PortSel;
  dport?: PortSel;
  flags?: { mask: string[]; comp: string[]; invert: boolean };
}

const TCP_FLAGS = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG'];

function parseFlags(text: string): string[] | undefined {
  if (text === 'ALL') return [...TCP_FLAGS];
  if (text === 'NONE') return [];
  const names = text.split(',').map((f) => f.toUpperCase());
  return names.every((f) => TCP_FLAGS.includes(f)) ? TCP_FLAGS.filter((f) => names.includes(f)) : undefined;
}

function formatFlags(flags: string[]): string {
  if (flags.length === 0) return 'NONE';
  return flags.length === TCP_FLAGS.length ? 'ALL' : flags.join(',');
}

function l4Module(proto: L4Proto): MatchModule<L4State> {
  const tcp = proto === 'tcp';
  const options: Record<string, number> = { sport: 1, 'source-port': 1, dport: 1, 'destination-port': 1 };
  if (tcp) Object.assign(options, { 'tcp-flags': 2, syn: 0 });
  return {
    name: proto,
    proto,
    options,
    invertible: ['sport', 'source-port', 'dport', 'destination-port', 'tcp-flags', 'syn'],
    init: () => ({}),
    option(state, name, values, invert) {
      if (name === 'tcp-flags' || name === 'syn') {
        if (state.flags) return issue('netfilter.duplicateOption', { option: `--${name}` });
        const mask = name === 'syn' ? ['FIN', 'SYN', 'RST', 'ACK'] : parseFlags(values[0]);
        const comp = name === 'syn' ? ['SYN'] : parseFlags(values[1]);
        if (!mask || !comp) return issue('netfilter.badValue', { option: `--${name}`, value: values.join(' ') });
        state.flags = { mask, comp, invert };
        return undefined;
      }
      const key = name === 'sport' || name === 'source-port' ? 'sport' : 'dport';
      if (state[key]) return issue('netfilter.duplicateOption', { option: `--${key}` });
      const range = parsePortRange(values[0]);
      if (!range) return issue('netfilter.badValue', { option: `--${name}`, value: values[0] });
      state[key] = { range, invert };
      return undefined;
    },
    save(state) {
      let out = '';
      if (state.sport) out += `${not(state.sport.invert)} --sport ${formatPortRange(state.sport.range)}`;
      if (state.dport) out += `${not(state.dport.invert)} --dport ${formatPortRange(state.dport.range)}`;
      if (state.flags) out += `${not(state.flags.invert)} --tcp-flags ${formatFlags(state.flags.mask)} ${formatFlags(state.flags.comp)}`;
      return out;
    },
    match(state, { packet }) {
      if (packet.proto !== proto) return false;
      const ok = (sel: PortSel | undefined, port: number) => !sel || inRange(sel.range, port) !== sel.invert;
      if (!ok(state.sport, packet.sport) || !ok(state.dport, packet.dport)) return false;
      if (state.flags) {
        const set = new Set(packet.tcpFlags ?? []);
        const hit = state.flags.mask.every((f) => set.has(f) === state.flags!.comp.includes(f));
        if (hit === state.flags.invert) return false;
      }
      return true;
    },
  };
}

export const tcpMatch = l4Module('tcp');
export const udpMatch = l4Module('udp');
export const sctpMatch = l4Module('sctp');
