// -m recent: kube-proxy's ClientIP session affinity. A list (--name) of addresses
// with the times they were seen; --set records, --rcheck/--update look up (within
// --seconds, at least --hitcount times), --remove forgets; --reap drops stale times.
// Matches xt_recent (Linux 6.x): a list keeps at most 20 times per address.

import { formatIPv4, formatIPv6Ntop, parseIPv4Sloppy, parseIPv6Sloppy, prefixMask6 } from '../../net';
import type { IpFamily } from '../types';
import { issue, type MatchModule } from './module';

const MAX_STAMPS = 20;
type Command = 'set' | 'rcheck' | 'update' | 'remove';

interface RecentOptions {
  name: string;
  command?: Command;
  invert: boolean;
  seconds: number;
  hitcount: number;
  reap: boolean;
  rttl: boolean;
  family: IpFamily;
  /** 32-bit for IPv4, 128-bit for IPv6. */
  mask: number | bigint;
  side: 'rsource' | 'rdest';
}

/** The list key of an address: the address under --mask, in the family's text form. */
function maskedKey(state: RecentOptions, ip: string): string {
  if (state.family === 6) return formatIPv6Ntop((parseIPv6Sloppy(ip) ?? 0n) & (state.mask as bigint));
  return formatIPv4(((parseIPv4Sloppy(ip) ?? 0) & (state.mask as number)) >>> 0);
}

const formatMask = (state: RecentOptions) => (state.family === 6 ? formatIPv6Ntop(state.mask as bigint) : formatIPv4(state.mask as number));

export const recentMatch: MatchModule<RecentOptions> = {
  name: 'recent',
  options: { name: 1, set: 0, rcheck: 0, update: 0, remove: 0, seconds: 1, hitcount: 1, reap: 0, rttl: 0, mask: 1, rsource: 0, rdest: 0 },
  invertible: ['set', 'rcheck', 'update', 'remove'],
  init: (family) => ({
    name: 'DEFAULT',
    invert: false,
    seconds: 0,
    hitcount: 0,
    reap: false,
    rttl: false,
    family,
    mask: family === 6 ? prefixMask6(128) : 0xffffffff,
    side: 'rsource',
  }),
  option(state, name, values, invert) {
    const v = values[0];
    switch (name) {
      case 'set':
      case 'rcheck':
      case 'update':
      case 'remove':
        if (state.command) return issue('netfilter.conflictingOptions', { a: `--${state.command}`, b: `--${name}` });
        state.command = name;
        state.invert = invert;
        return undefined;
      case 'name':
        if (!/^[\w.-]{1,200}$/.test(v)) return issue('netfilter.badValue', { option: '--name', value: v });
        state.name = v;
        return undefined;
      case 'seconds':
      case 'hitcount':
        if (!/^\d+$/.test(v) || (name === 'hitcount' && Number(v) > MAX_STAMPS))
          return issue('netfilter.badValue', { option: `--${name}`, value: v });
        state[name] = Number(v);
        return undefined;
      case 'mask': {
        const mask = state.family === 6 ? parseIPv6Sloppy(v) : parseIPv4Sloppy(v);
        if (mask === undefined) return issue('netfilter.badValue', { option: '--mask', value: v });
        state.mask = mask;
        return undefined;
      }
      case 'reap':
      case 'rttl':
        state[name] = true;
        return undefined;
      default:
        state.side = name as RecentOptions['side'];
        return undefined;
    }
  },
  finish(state) {
    if (!state.command) return issue('netfilter.missingOption', { module: 'recent', option: '--set/--rcheck/--update/--remove' });
    if (state.reap && !state.seconds) return issue('netfilter.missingOption', { module: 'recent', option: '--seconds' });
    return undefined;
  },
  save(state) {
    let out = `${state.invert ? ' !' : ''} --${state.command}`;
    if (state.seconds) out += ` --seconds ${state.seconds}`;
    if (state.reap) out += ' --reap';
    if (state.hitcount) out += ` --hitcount ${state.hitcount}`;
    if (state.rttl) out += ' --rttl';
    return `${out} --name ${state.name} --mask ${formatMask(state)} --${state.side}`;
  },
  match(state, { packet, recent, now }) {
    const key = maskedKey(state, state.side === 'rsource' ? packet.src : packet.dst);
    const list = (recent[state.name] ??= {});
    const stamps = list[key];
    if (state.command === 'set') {
      list[key] = [...(stamps ?? []), now].slice(-MAX_STAMPS);
      return !state.invert;
    }
    if (!stamps) return state.invert;
    if (state.command === 'remove') {
      delete list[key];
      return !state.invert;
    }
    let hit = true;
    if (state.seconds || state.hitcount) {
      const fresh = stamps.filter((t) => !state.seconds || t >= now - state.seconds);
      hit = fresh.length >= Math.max(state.hitcount, 1);
      if (state.reap) list[key] = fresh;
    }
    if (hit && state.command === 'update') list[key] = [...list[key], now].slice(-MAX_STAMPS);
    return hit !== state.invert;
  },
};
