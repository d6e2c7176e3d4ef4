// Targets that change nothing the model follows (LOG, CONNMARK) and REJECT.

import { saveString } from '../tokenize';
import type { IpFamily } from '../types';
import { issue, type TargetModule } from './module';
import { markOptions, parseMarkOption, saveXmark, type Xmark } from './xmark';

// libipt_REJECT: accepted names (and short aliases) -> the name iptables-save prints.
const REJECT_TYPES: Record<string, string> = {
  'icmp-net-unreachable': 'icmp-net-unreachable',
  'net-unreach': 'icmp-net-unreachable',
  'icmp-host-unreachable': 'icmp-host-unreachable',
  'host-unreach': 'icmp-host-unreachable',
  'icmp-proto-unreachable': 'icmp-proto-unreachable',
  'proto-unreach': 'icmp-proto-unreachable',
  'icmp-port-unreachable': 'icmp-port-unreachable',
  'port-unreach': 'icmp-port-unreachable',
  'icmp-net-prohibited': 'icmp-net-prohibited',
  'net-prohib': 'icmp-net-prohibited',
  'icmp-host-prohibited': 'icmp-host-prohibited',
  'host-prohib': 'icmp-host-prohibited',
  'tcp-reset': 'tcp-reset',
  'tcp-rst': 'tcp-reset',
  'icmp-admin-prohibited': 'icmp-admin-prohibited',
  'admin-prohib': 'icmp-admin-prohibited',
};

// libip6t_REJECT: the same for ip6tables.
const REJECT6_TYPES: Record<string, string> = {
  'icmp6-no-route': 'icmp6-no-route',
  'no-route': 'icmp6-no-route',
  'icmp6-adm-prohibited': 'icmp6-adm-prohibited',
  'adm-prohibited': 'icmp6-adm-prohibited',
  'icmp6-addr-unreachable': 'icmp6-addr-unreachable',
  'addr-unreach': 'icmp6-addr-unreachable',
  'icmp6-port-unreachable': 'icmp6-port-unreachable',
  'port-unreach': 'icmp6-port-unreachable',
  'tcp-reset': 'tcp-reset',
  'tcp-rst': 'tcp-reset',
};

export const rejectTarget: TargetModule<{ family: IpFamily; with: string }> = {
  name: 'REJECT',
  options: { 'reject-with': 1 },
  init: (family) => ({ family, with: family === 6 ? 'icmp6-port-unreachable' : 'icmp-port-unreachable' }),
  option(state, _name, values) {
    const type = (state.family === 6 ? REJECT6_TYPES : REJECT_TYPES)[values[0]];
    if (!type) return issue('netfilter.badValue', { option: '--reject-with', value: values[0] });
    state.with = type;
    return undefined;
  },
  finish: (state, header) =>
    state.with === 'tcp-reset' && (header.proto?.name !== 'tcp' || header.proto.invert)
      ? issue('netfilter.targetNeedsProtocol', { target: 'REJECT --reject-with tcp-reset', proto: 'tcp' })
      : undefined,
  save: (state) => ` --reject-with ${state.with}`,
  apply: (state) => ({ effect: { kind: 'reject', with: state.with }, verdict: 'REJECT' }),
};

const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug'];

export const logTarget: TargetModule<{ prefix?: string; level: number; flags: string[] }> = {
  name: 'LOG',
  options: { 'log-prefix': 1, 'log-level': 1, 'log-tcp-sequence': 0, 'log-tcp-options': 0, 'log-ip-options': 0, 'log-uid': 0 },
  init: () => ({ level: 4, flags: [] }),
  option(state, name, values) {
    if (name === 'log-prefix') {
      if (values[0].length > 29) return issue('netfilter.badValue', { option: '--log-prefix', value: values[0] });
      state.prefix = values[0];
    } else if (name === 'log-level') {
      const v = values[0] === 'warn' ? 4 : values[0] === 'panic' ? 0 : LOG_LEVELS.indexOf(values[0]);
      const level = v >= 0 ? v : /^[0-7]$/.test(values[0]) ? Number(values[0]) : -1;
      if (level < 0) return issue('netfilter.badValue', { option: '--log-level', value: values[0] });
      state.level = level;
    } else state.flags.push(name);
    return undefined;
  },
  save(state) {
    let out = state.prefix !== undefined ? ` --log-prefix ${saveString(state.prefix)}` : '';
    if (state.level !== 4) out += ` --log-level ${state.level}`;
    for (const f of ['log-tcp-sequence', 'log-tcp-options', 'log-ip-options', 'log-uid']) if (state.flags.includes(f)) out += ` --${f}`;
    return out;
  },
  apply: () => ({ effect: { kind: 'noop', target: 'LOG' } }),
};

/** CONNMARK sets the connection's mark, which the model does not follow. */
export const connmarkTarget: TargetModule<Partial<Xmark>> = {
  name: 'CONNMARK',
  options: markOptions,
  init: () => ({}),
  option: parseMarkOption,
  finish: (state) =>
    state.value === undefined ? issue('netfilter.missingOption', { module: 'CONNMARK', option: '--set-xmark' }) : undefined,
  save: saveXmark,
  apply: () => ({ effect: { kind: 'noop', target: 'CONNMARK' } }),
};
