// Turns a rule's words (after `-A CHAIN`) into what iptables would load: the IP-header
// part, the matches in the order they were loaded, and the target. The option rules
// follow iptables v1.8.9: an option belongs to the most recently loaded extension that
// knows it; an option nobody knows loads the -p protocol's match (`-p tcp --dport 80`
// becomes `-p tcp -m tcp --dport 80`); `!` inverts the option that follows.

import { parseAddrMatch } from './addrMatch';
import { issue, type Header, type Issue, type MatchModule, type TargetModule } from './modules/module';
import { isUnknownMatch, unknownMatch, type RawWords } from './modules/passive';
import { MATCHES, TARGETS } from './modules/registry';
import type { IpFamily, Rule } from './types';

export interface LoadedMatch {
  module: MatchModule<unknown>;
  state: unknown;
}

export type CompiledTarget =
  | { kind: 'verdict'; verdict: 'ACCEPT' | 'DROP' | 'RETURN' }
  | { kind: 'chain'; chain: string; goto: boolean }
  | { kind: 'module'; module: TargetModule<unknown>; state: unknown };

export interface CompiledRule {
  header: Header;
  matches: LoadedMatch[];
  target?: CompiledTarget;
  issues: Issue[];
}

// /etc/protocols names iptables prints for -p (by number); `all` (0) is not printed.
// prettier-ignore
const PROTO_NAMES: Record<string, string> = {
  '1': 'icmp', '2': 'igmp', '4': 'ipencap', '6': 'tcp', '17': 'udp', '41': 'ipv6', '47': 'gre', '50': 'esp', '51': 'ah',
  '58': 'ipv6-icmp', '94': 'ipip', '112': 'vrrp', '132': 'sctp', '136': 'udplite',
};
const PROTO_NUMBERS = Object.fromEntries(Object.entries(PROTO_NAMES).map(([n, name]) => [name, n]));
/** Protocols whose match iptables loads implicitly for an unknown option. */
const IMPLICIT = new Set(['tcp', 'udp', 'sctp']);

// prettier-ignore
const HEADER_OPTS: Record<string, 'src' | 'dst' | 'in' | 'out' | 'proto' | 'match' | 'jump' | 'goto'> = {
  '-s': 'src', '--source': 'src', '--src': 'src',
  '-d': 'dst', '--destination': 'dst', '--dst': 'dst',
  '-i': 'in', '--in-interface': 'in',
  '-o': 'out', '--out-interface': 'out',
  '-p': 'proto', '--protocol': 'proto',
  '-m': 'match', '--match': 'match',
  '-j': 'jump', '--jump': 'jump',
  '-g': 'goto', '--goto': 'goto',
};

const VERDICTS = new Set(['ACCEPT', 'DROP', 'RETURN']);

function protoName(text: string): string | undefined {
  const t = text.toLowerCase();
  if (t === 'all' || t === '0') return 'all';
  if (PROTO_NUMBERS[t]) return t;
  if (/^\d+$/.test(t) && Number(t) < 256) return PROTO_NAMES[t] ?? t;
  return undefined;
}

export function compileArgs(args: readonly string[], family: IpFamily = 4): CompiledRule {
  const header: Header = {};
  const matches: LoadedMatch[] = [];
  const issues: Issue[] = [];
  let target: CompiledTarget | undefined;
  // Extensions whose options are searched, most recent last.
  const loaded: { module: MatchModule<unknown> | TargetModule<unknown>; state: unknown }[] = [];
  let invert = false;
  let protoLoaded = false;

  const loadMatch = (module: MatchModule<unknown>) => {
    const entry = { module, state: module.init(family) };
    matches.push(entry);
    loaded.push(entry);
    return entry;
  };

  let i = 0;
  while (i < args.length) {
    const word = args[i];
    if (word === '!') {
      if (invert) issues.push(issue('netfilter.doubleInvert'));
      invert = true;
      i++;
      continue;
    }
    const headerOpt = HEADER_OPTS[word];
    if (headerOpt) {
      const value = args[i + 1];
      i += 2;
      if (value === undefined) {
        issues.push(issue('netfilter.missingValue', { option: word }));
        break;
      }
      const inv = invert;
      invert = false;
      const canInvert = headerOpt !== 'match' && headerOpt !== 'jump' && headerOpt !== 'goto';
      if (inv && !canInvert) issues.push(issue('netfilter.cannotInvert', { option: word }));
      switch (headerOpt) {
        case 'src':
        case 'dst': {
          if (header[headerOpt]) issues.push(issue('netfilter.duplicateOption', { option: word }));
          const m = parseAddrMatch(value, inv, family);
          if (m) header[headerOpt] = m;
          else issues.push(issue('netfilter.badValue', { option: word, value }));
          break;
        }
        case 'in':
        case 'out': {
          const key = headerOpt === 'in' ? 'inIface' : 'outIface';
          if (header[key]) issues.push(issue('netfilter.duplicateOption', { option: word }));
          if (value.length > 15) issues.push(issue('netfilter.badValue', { option: word, value }));
          else header[key] = { name: value, invert: inv };
          break;
        }
        case 'proto': {
          if (header.proto) issues.push(issue('netfilter.duplicateOption', { option: word }));
          const name = protoName(value);
          if (name) header.proto = { name, invert: inv };
          else issues.push(issue('netfilter.badValue', { option: word, value }));
          break;
        }
        case 'match': {
          const known = MATCHES[value];
          if (!known) issues.push(issue('netfilter.unknownMatch', { module: value }));
          loadMatch(known ?? unknownMatch(value));
          if (value === header.proto?.name) protoLoaded = true;
          break;
        }
        default: {
          if (target) issues.push(issue('netfilter.duplicateOption', { option: '-j' }));
          const goto = headerOpt === 'goto';
          const module = goto ? undefined : TARGETS[value];
          if (module) {
            const entry = { module, state: module.init(family) };
            target = { kind: 'module', ...entry };
            loaded.push(entry);
          } else if (!goto && VERDICTS.has(value)) target = { kind: 'verdict', verdict: value as 'ACCEPT' | 'DROP' | 'RETURN' };
          else target = { kind: 'chain', chain: value, goto };
        }
      }
      continue;
    }
    if (!word.startsWith('--')) {
      const last = loaded[loaded.length - 1];
      if (last && isUnknownMatch(last.module)) (last.state as RawWords).words.push(...(invert ? ['!', word] : [word]));
      else issues.push(issue('netfilter.badArgument', { value: word }));
      invert = false;
      i++;
      continue;
    }
    const name = word.slice(2);
    let owner = [...loaded].reverse().find((e) => Object.prototype.hasOwnProperty.call(e.module.options, name));
    if (!owner && header.proto && !header.proto.invert && IMPLICIT.has(header.proto.name) && !protoLoaded) {
      protoLoaded = true;
      const implicit = loadMatch(MATCHES[header.proto.name]);
      if (Object.prototype.hasOwnProperty.call(implicit.module.options, name)) owner = implicit;
    }
    if (!owner) {
      const last = loaded[loaded.length - 1];
      if (last && isUnknownMatch(last.module)) {
        // Keep the words of an extension the model does not know, to print them back.
        const words = (last.state as RawWords).words;
        if (invert) words.push('!');
        words.push(word);
        i++;
        while (i < args.length && !args[i].startsWith('-') && args[i] !== '!') words.push(args[i++]);
      } else {
        issues.push(issue('netfilter.unknownOption', { option: word }));
        i++;
        while (i < args.length && !args[i].startsWith('-') && args[i] !== '!') i++; // its values
      }
      invert = false;
      continue;
    }
    const n = owner.module.options[name];
    const values = args.slice(i + 1, i + 1 + n);
    i += 1 + n;
    if (values.length < n) {
      issues.push(issue('netfilter.missingValue', { option: word }));
      break;
    }
    if (invert && !owner.module.invertible?.includes(name)) issues.push(issue('netfilter.cannotInvert', { option: word }));
    const problem = owner.module.option(owner.state, name, values, invert);
    if (problem) issues.push(problem);
    invert = false;
  }
  if (invert) issues.push(issue('netfilter.missingValue', { option: '!' }));

  for (const m of matches) {
    const need = (m.module as MatchModule<unknown>).proto;
    if (need && (header.proto?.name !== need || header.proto.invert))
      issues.push(issue('netfilter.matchNeedsProtocol', { module: m.module.name, proto: need }));
    const problem = m.module.finish?.(m.state, header);
    if (problem) issues.push(problem);
  }
  if (target?.kind === 'module') {
    const problem = target.module.finish?.(target.state, header);
    if (problem) issues.push(problem);
  }
  return { header, matches, target, issues };
}

const cache = new WeakMap<Rule, { args: readonly string[]; compiled: CompiledRule }>();

/** The compiled form of a rule, computed once per Rule object (and again if its args are replaced). */
export function compileRule(rule: Rule): CompiledRule {
  const hit = cache.get(rule);
  if (hit && hit.args === rule.args) return hit.compiled;
  const compiled = compileArgs(rule.args, rule.family ?? 4);
  cache.set(rule, { args: rule.args, compiled });
  return compiled;
}
