// An iptables extension (`-m NAME` match or `-j NAME` target): how it reads its
// options, how iptables-save prints it back, and what it does to a packet.
// Methods (not function properties) keep a MatchModule<S> assignable to MatchModule<unknown>.

import type { AddrMatch } from '../addrMatch';
import type { CtInfo, EvalContext, IpFamily, Packet, RecentState, Rule, TargetEffect } from '../types';

/** A parse problem: a message key (`netfilter.*`) with its parameters. */
export interface Issue {
  message: string;
  params: Record<string, string | number>;
}

export function issue(message: string, params: Record<string, string | number> = {}): Issue {
  return { message, params };
}

/** The rule's IP-header part, which some extensions check (ports need -p tcp/udp/sctp). */
export interface Header {
  src?: AddrMatch;
  dst?: AddrMatch;
  inIface?: { name: string; invert: boolean };
  outIface?: { name: string; invert: boolean };
  /** Canonical protocol name (`tcp`, `udp`, …) or a number as text. */
  proto?: { name: string; invert: boolean };
}

export interface ModuleBase<S> {
  readonly name: string;
  /** Long option names (without `--`) and how many values each takes. */
  readonly options: Readonly<Record<string, number>>;
  /** Options that accept a preceding `!`. */
  readonly invertible?: readonly string[];
  /** The options' defaults; some differ for ip6tables (REJECT's ICMPv6 type, recent's mask). */
  init(family: IpFamily): S;
  option(state: S, name: string, values: string[], invert: boolean): Issue | undefined;
  /** Checks once all options are read (required options, protocol). */
  finish?(state: S, header: Header): Issue | undefined;
  /** What iptables-save prints after `-m NAME` / `-j NAME`, with a leading space, or ''. */
  save(state: S): string;
}

/** What a match or target may read (and, for -m recent, update) while the packet is evaluated. */
export interface EvalEnv {
  packet: Packet;
  rule: Rule;
  ctx: EvalContext;
  ct: CtInfo;
  /** Mutable copy owned by this evaluation. */
  recent: RecentState;
  now: number;
}

export interface MatchModule<S> extends ModuleBase<S> {
  /** Protocol the kernel requires in -p (`tcp` for -m tcp). */
  readonly proto?: string;
  /** Does the packet match? `undefined` when the module cannot be evaluated here. */
  match(state: S, env: EvalEnv): boolean | undefined;
}

export interface TargetOutcome {
  effect: TargetEffect;
  /** The packet after the target, when it changed it. */
  packet?: Packet;
  /** Terminal targets end the table (ACCEPT after NAT) or the packet (DROP/REJECT). */
  verdict?: 'ACCEPT' | 'DROP' | 'REJECT';
}

export interface TargetModule<S> extends ModuleBase<S> {
  apply(state: S, env: EvalEnv): TargetOutcome;
}

/** Parses a number the way iptables' strtoul(…, 0) does: decimal, 0x hex or 0 octal. */
export function parseUint(text: string, max = 0xffffffff): number | undefined {
  let v: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) v = parseInt(text.slice(2), 16);
  else if (/^0[0-7]+$/.test(text)) v = parseInt(text.slice(1), 8);
  else if (/^\d+$/.test(text)) v = Number(text);
  else return undefined;
  return v <= max ? v : undefined;
}

export function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

export function not(invert: boolean): string {
  return invert ? ' !' : '';
}
