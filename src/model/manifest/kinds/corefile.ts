// CoreDNS's Corefile as the ConfigMap kube-system/coredns carries it (`data.Corefile`): the
// caddyfile syntax CoreDNS v1.12 reads (server blocks of zones, directives with arguments and
// nested blocks) and the plugins PacketWalk answers with — kubernetes, hosts, rewrite name and
// forward. It lives beside the ConfigMap's decoder so that its problems are reported at offsets in
// that text, shown where they are written in the file; src/model/dns answers with what it returns.

import type { DiagnosticCode, DiagnosticParams, Severity } from '../../diagnostics';
import { parseIPv4Go, parseIPv6Go } from '../../net';
import type { Reports } from '../decode';
import type { ConfigMap } from '../types';

export const COREFILE_KEY = 'Corefile';

export const isCorednsConfigMap = (cm: ConfigMap): boolean =>
  cm.metadata?.namespace === 'kube-system' && cm.metadata?.name === 'coredns' && cm.data?.[COREFILE_KEY] !== undefined;

/** Where a plugin is written: its line in the Corefile (1-based), for the walk to name. */
interface Written {
  line: number;
}

/** `fallthrough [ZONES…]`: absent means never, an empty list means for every name. */
type Fallthrough = string[] | undefined;

export interface KubernetesPlugin extends Written {
  zones: string[];
  fallthrough: Fallthrough;
  ttl: number;
  /** `pods disabled|insecure|verified`; the plugin's default is disabled. */
  pods: string;
}

export interface HostsPlugin extends Written {
  zones: string[];
  /** The inline entries, in order: an address and its names (lower-case, absolute). */
  entries: { ip: string; names: string[] }[];
  fallthrough: Fallthrough;
  ttl: number;
}

export interface NameRewrite extends Written {
  mode: 'stop' | 'continue';
  match: 'exact' | 'prefix' | 'suffix' | 'substring' | 'regex';
  from: string;
  to: string;
  /** `answer auto` (always for exact): the answer carries the name that was asked, not the rewritten one. */
  auto: boolean;
}

export interface ForwardPlugin extends Written {
  /** The zone it forwards (`.` for everything), absolute. */
  from: string;
  /** Upstreams as written: addresses, `dns://`/`tls://` addresses, or a resolv.conf path. */
  to: string[];
  except: string[];
}

export interface CorefileServer extends Written {
  /** The block's keys as written (`.:53`) and as zones (`.`) on a port. */
  keys: { text: string; zone: string; port: number }[];
  kubernetes?: KubernetesPlugin;
  hosts?: HostsPlugin;
  rewrites: NameRewrite[];
  forward?: ForwardPlugin;
}

export interface Corefile {
  servers: CorefileServer[];
}

/** Every plugin CoreDNS v1.12.1 is built with (plugin.cfg); any other directive stops it starting. */
const KNOWN_PLUGINS = new Set(
  (
    'root metadata geoip cancel tls timeouts multisocket reload nsid bufsize bind debug trace ready health pprof prometheus ' +
    'errors log dnstap local dns64 acl any chaos loadbalance tsig cache rewrite header dnssec autopath minimal template ' +
    'transfer hosts route53 azure clouddns k8s_external kubernetes file auto secondary etcd loop forward grpc erratic whoami ' +
    'on sign view'
  ).split(' '),
);
/** Plugins that only observe or tune (logging, health, caching, shuffling): nothing they do changes which answer comes back. */
const NEUTRAL_PLUGINS = new Set(
  'errors health ready prometheus loop reload loadbalance cache log debug pprof bind bufsize timeouts cancel metadata nsid any'.split(' '),
);
const MAX_UPSTREAMS = 15;

interface Token {
  text: string;
  offset: number;
  line: number;
  end: number;
}

interface Directive {
  name: Token;
  args: Token[];
  /** The lines of its `{ … }` block, each a list of tokens. */
  block: Token[][];
}

/** lower-case and absolute, as plugin.Name(…).Normalize() does. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/** The caddyfile lexer: words split by white space, `"…"` quoting, `#` comments at a word's start. */
function tokenize(text: string, problem: (code: DiagnosticCode, params: DiagnosticParams, at: number) => void): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    const startLine = line;
    let value = '';
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && text[i + 1] === '"') i++;
        if (text[i] === '\n') line++;
        value += text[i++];
      }
      if (i >= text.length) problem('corefile.syntax.unterminatedQuote', {}, start);
      i++;
    } else {
      while (i < text.length && !/\s/.test(text[i]!)) value += text[i++];
    }
    tokens.push({ text: value, offset: start, line: startLine, end: i });
  }
  return tokens;
}

/** Reads the Corefile; its problems go to `reports` at offsets in `text`. */
export function parseCorefile(text: string, reports: Reports): Corefile {
  const report = (severity: Severity, code: DiagnosticCode, params: DiagnosticParams, at: Token | number) =>
    typeof at === 'number' ? reports.report(severity, code, params, at) : reports.report(severity, code, params, at.offset, at.end);
  const tokens = tokenize(text, (code, params, at) => report('error', code, params, at));
  const servers: CorefileServer[] = [];
  let i = 0;

  /** The words after a directive's name on its line, up to a brace. */
  const argsOn = (line: number): Token[] => {
    const out: Token[] = [];
    while (i < tokens.length && tokens[i]!.line === line && tokens[i]!.text !== '{' && tokens[i]!.text !== '}') out.push(tokens[i++]!);
    return out;
  };

  /** A `{ … }` block whose opening brace was just read: its lines of words (nested braces only counted). */
  const readBlock = (open: Token): Token[][] => {
    const lines: Token[][] = [];
    let depth = 1;
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if (t.text === '{') depth++;
      else if (t.text === '}') {
        if (--depth === 0) return lines;
      } else {
        const last = lines[lines.length - 1];
        if (last && last[last.length - 1]!.line === t.line) last.push(t);
        else lines.push([t]);
      }
    }
    report('error', 'corefile.syntax.unclosed', {}, open);
    return lines;
  };

  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.text === '}') {
      report('error', 'corefile.syntax.strayBrace', {}, first);
      i++;
      continue;
    }
    // Keys: zones (`example.org:53`, `.:53`), separated by spaces or commas, then `{`.
    const keyTokens: Token[] = [];
    while (i < tokens.length && tokens[i]!.text !== '{' && tokens[i]!.text !== '}') keyTokens.push(tokens[i++]!);
    const open = tokens[i];
    if (open?.text !== '{') {
      report('error', 'corefile.syntax.noBrace', {}, keyTokens[keyTokens.length - 1] ?? first);
      break;
    }
    i++;
    const server: CorefileServer = { line: first.line, keys: [], rewrites: [] };
    for (const k of keyTokens) {
      for (const text of k.text.split(',').filter(Boolean)) {
        const key = parseKey(text);
        if (key) server.keys.push(key);
        else report('error', 'corefile.badKey', { key: text }, k);
      }
    }
    const directives: Directive[] = [];
    let closed = false;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (t.text === '}') {
        i++;
        closed = true;
        break;
      }
      i++;
      if (t.text === '{') {
        report('error', 'corefile.syntax.braceAlone', {}, t);
        readBlock(t);
        continue;
      }
      const args = argsOn(t.line);
      const brace = tokens[i];
      const opens = brace?.text === '{' && brace.line === (args[args.length - 1] ?? t).line;
      if (opens) i++;
      directives.push({ name: t, args, block: opens ? readBlock(brace) : [] });
    }
    if (!closed) report('error', 'corefile.syntax.unclosed', {}, open);
    for (const d of directives) readDirective(server, d, report);
    servers.push(server);
  }
  return { servers };
}

/** `[dns://]zone[:port]`: the zone absolute and lower-case, the port 53 unless given. */
function parseKey(text: string): CorefileServer['keys'][number] | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^:/]*)(?::(\d+))?$/i.exec(text);
  if (!m || (m[1] && m[1].toLowerCase() !== 'dns')) return undefined;
  const port = m[3] === undefined ? 53 : Number(m[3]);
  if (port > 65535) return undefined;
  return { text, zone: normalizeName(m[2] || '.'), port };
}

type Report = (severity: Severity, code: DiagnosticCode, params: DiagnosticParams, at: Token) => void;

const zonesOf = (args: Token[], server: CorefileServer) =>
  args.length ? args.map((a) => normalizeName(a.text)) : server.keys.map((k) => k.zone);

function ttlOf(line: Token[], fallback: number, report: Report): number {
  const value = line[1];
  const ttl = value && /^\d+$/.test(value.text) ? Number(value.text) : NaN;
  if (Number.isInteger(ttl) && ttl >= 0 && ttl <= 3600) return ttl;
  report('error', 'corefile.badArgument', { plugin: 'ttl', value: value?.text ?? '', expected: '0-3600' }, value ?? line[0]!);
  return fallback;
}

function readDirective(server: CorefileServer, d: Directive, report: Report): void {
  const name = d.name.text;
  const line = d.name.line;
  if (!KNOWN_PLUGINS.has(name)) {
    report('error', 'corefile.unknownDirective', { name }, d.name);
    return;
  }
  switch (name) {
    case 'kubernetes': {
      const k: KubernetesPlugin = { line, zones: zonesOf(d.args, server), fallthrough: undefined, ttl: 5, pods: 'disabled' };
      for (const l of d.block) {
        const option = l[0]!.text;
        if (option === 'fallthrough') k.fallthrough = l.slice(1).map((z) => normalizeName(z.text));
        else if (option === 'ttl') k.ttl = ttlOf(l, k.ttl, report);
        else if (option === 'pods') k.pods = l[1]?.text ?? 'disabled';
      }
      server.kubernetes ??= k;
      return;
    }
    case 'hosts': {
      const h: HostsPlugin = { line, zones: zonesOf(d.args.slice(1), server), entries: [], fallthrough: undefined, ttl: 3600 };
      for (const l of d.block) {
        const option = l[0]!.text;
        if (option === 'fallthrough') h.fallthrough = l.slice(1).map((z) => normalizeName(z.text));
        else if (option === 'ttl') h.ttl = ttlOf(l, h.ttl, report);
        else if (option === 'no_reverse' || option === 'reload') continue;
        else if (parseIPv4Go(option) !== undefined || parseIPv6Go(option) !== undefined)
          h.entries.push({ ip: option, names: l.slice(1).map((n) => normalizeName(n.text)) });
        // CoreDNS takes any other line as a hosts-file line and skips it for not starting with an address.
        else report('warning', 'corefile.hostsLineIgnored', { text: option }, l[0]!);
      }
      server.hosts ??= h;
      return;
    }
    case 'rewrite': {
      // One rule on the line, or one per line of a block.
      for (const rule of d.args.length ? [d.args] : d.block) {
        const r = nameRewrite(rule, line, report);
        if (r) server.rewrites.push(r);
      }
      return;
    }
    case 'forward': {
      const [from, ...to] = d.args;
      if (!from || to.length === 0) {
        report('error', 'corefile.badArgument', { plugin: 'forward', value: from?.text ?? '', expected: 'FROM TO…' }, from ?? d.name);
        return;
      }
      if (to.length > MAX_UPSTREAMS)
        report(
          'error',
          'corefile.badArgument',
          { plugin: 'forward', value: to.length, expected: `1-${MAX_UPSTREAMS}` },
          to[MAX_UPSTREAMS]!,
        );
      const upstreams = to.slice(0, MAX_UPSTREAMS).filter((t) => {
        if (isUpstream(t.text)) return true;
        report('error', 'corefile.badArgument', { plugin: 'forward', value: t.text, expected: 'an IP address or a file' }, t);
        return false;
      });
      const except = d.block.filter((l) => l[0]!.text === 'except').flatMap((l) => l.slice(1).map((z) => normalizeName(z.text)));
      if (upstreams.length) server.forward ??= { line, from: normalizeName(from.text), to: upstreams.map((t) => t.text), except };
      return;
    }
    default:
      if (!NEUTRAL_PLUGINS.has(name)) report('info', 'corefile.notModelled', { name }, d.name);
  }
}

/** parse.HostPortOrFile: an address with an optional port and dns:// or tls://, or a file path. */
function isUpstream(text: string): boolean {
  if (text.startsWith('/')) return true;
  const hostPort = text.replace(/^(dns|tls):\/\//, '');
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(hostPort) ?? /^([^:]+)(?::\d+)?$/.exec(hostPort);
  const host = m?.[1] ?? hostPort;
  return parseIPv4Go(host) !== undefined || parseIPv6Go(host) !== undefined;
}

/** rewrite [continue|stop] name [exact|prefix|suffix|substring|regex] FROM TO [answer auto]. */
function nameRewrite(args: Token[], line: number, report: Report): NameRewrite | undefined {
  let rest = args;
  let mode: NameRewrite['mode'] = 'stop';
  const first = rest[0]?.text.toLowerCase();
  if (first === 'continue' || first === 'stop') {
    mode = first;
    rest = rest.slice(1);
  }
  const field = rest[0];
  if (field?.text.toLowerCase() !== 'name') {
    if (field) report('info', 'corefile.notModelled', { name: `rewrite ${field.text}` }, field);
    return undefined;
  }
  rest = rest.slice(1);
  const matches = ['exact', 'prefix', 'suffix', 'substring', 'regex'] as const;
  let match: NameRewrite['match'] = 'exact';
  if (rest.length >= 3) {
    const m = matches.find((x) => x === rest[0]!.text.toLowerCase());
    if (!m) {
      report('error', 'corefile.badArgument', { plugin: 'rewrite name', value: rest[0]!.text, expected: matches.join('|') }, rest[0]!);
      return undefined;
    }
    match = m;
    rest = rest.slice(1);
  }
  const [from, to, ...options] = rest;
  if (!from || !to) {
    report('error', 'corefile.badArgument', { plugin: 'rewrite name', value: from?.text ?? '', expected: 'FROM TO' }, from ?? field);
    return undefined;
  }
  if (match === 'regex' && !jsRegex(from.text)) {
    report('error', 'corefile.badArgument', { plugin: 'rewrite name regex', value: from.text, expected: 'a regular expression' }, from);
    return undefined;
  }
  const auto = match === 'exact' || (options[0]?.text === 'answer' && options[1]?.text === 'auto');
  if (options.length && !(options[0]?.text === 'answer' && options[1]?.text === 'auto' && options.length === 2)) {
    report('info', 'corefile.notModelled', { name: options.map((o) => o.text).join(' ') }, options[0]!);
  }
  // Every name is normalized (lower-case, absolute) but a regex's pattern.
  return { line, mode, match, from: match === 'regex' ? from.text : normalizeName(from.text), to: normalizeName(to.text), auto };
}

/** Go's RE2 pattern as a JavaScript one (named groups are written `(?P<…>` in Go), if it compiles. */
export function jsRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'));
  } catch {
    return undefined;
  }
}
