// A scenario (or a learner's own paste) names the packet it is about in a comment line at
// its top, with the command line's own flags:
//   # packetwalk: --from pod/default/client --to hostnames:80
// so the app opens on that packet and `packetwalk trace -f FILE` walks it without flags.
// A flag that does not parse is a warning at its line and column, never a throw.

import type { DiagnosticCode } from '../diagnosticCodes';
import { diagnostic, positionOf, type Diagnostic, type SourcePos } from '../diagnostics';
import type { L4Proto } from '../netfilter/types';
import type { DeriveOptions, InputFile } from '../modelTypes';
import { parseHeaderArg, parseMethodArg } from '../http/request';
import type { TraceSource, TraceTarget } from './types';
import { parseSourceArg, parseTargetArg, protocols } from './walkArgs';

/** The what-ifs a walk may ask for, as `--down`, `--not-ready` and `--proxy-mode` do. */
export type WalkWhatIf = Pick<DeriveOptions, 'downNodes' | 'notReadyPods' | 'proxyMode'>;

export interface WalkFlags {
  from?: TraceSource;
  to?: TraceTarget;
  seed?: number;
  endpoint?: string;
  whatIf: WalkWhatIf;
}

export interface DeclaredWalk {
  flags: WalkFlags;
  /** The file that declares it. */
  file: string;
}

const flagNames = ['from', 'to', 'protocol', 'method', 'header', 'seed', 'endpoint', 'down', 'not-ready', 'proxy-mode'] as const;
type FlagName = (typeof flagNames)[number];
/** One flag's value where it was written; each flag its own member, so a switch on `flag` narrows it. */
type FlagValue = { [F in FlagName]: { flag: F; value: string; offset: number } }[FlagName];
/** `--down` takes any node name: every other flag's value can be wrong, each with its own message. */
type CheckedValue = Exclude<FlagValue, { flag: 'down' }>;

/** Where a warning about the text at `offset` points in the file, and where that text ends. */
type At = (offset: number, length: number) => { pos: SourcePos; end: number };

/** A word, or a value in single or double quotes as a shell would take it (`--header 'Host: a.test'`). */
const wordPattern = /'([^']*)'|"([^"]*)"|(\S+)/g;

/**
 * Reads the flags of one walk (`--from X --to Y --down NODE …`, `--flag=value` too).
 * `at` turns an offset in `text` into a place in the file, for the warnings.
 */
export function parseWalkFlags(text: string, at: At = noPlace): { flags: WalkFlags; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: DiagnosticCode, params: Record<string, string>, offset: number, length: number) => {
    const { pos, end } = at(offset, length);
    diagnostics.push(diagnostic('warning', code, params, pos, end));
  };
  const values: FlagValue[] = [];
  // Each word as it means (quotes taken off), where it was written, and whether it was quoted.
  const tokens = [...text.matchAll(wordPattern)].map((m) => ({
    0: m[1] ?? m[2] ?? m[3]!,
    index: m[3] === undefined ? m.index + 1 : m.index,
    quoted: m[3] === undefined,
  }));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]![0];
    const offset = tokens[i]!.index;
    if (tokens[i]!.quoted) {
      warn('walk.flag.stray', { flag: token }, offset, token.length);
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(token);
    const flag = m && (flagNames as readonly string[]).includes(m[1]!) ? (m[1] as FlagName) : undefined;
    if (!flag) {
      warn(token.startsWith('--') ? 'walk.flag.unknown' : 'walk.flag.stray', { flag: token }, offset, token.length);
      continue;
    }
    if (m![2] !== undefined) {
      values.push({ flag, value: m![2], offset: offset + flag.length + 3 });
      continue;
    }
    const next = tokens[i + 1];
    if (!next || (!next.quoted && next[0].startsWith('--'))) {
      warn('walk.flag.missing', { flag: `--${flag}` }, offset, token.length);
      continue;
    }
    values.push({ flag, value: next[0], offset: next.index });
    i++;
  }

  const flags: WalkFlags = { whatIf: {} };
  const bad = (v: CheckedValue) => warn(`walk.value.${v.flag}`, { value: v.value }, v.offset, v.value.length);
  const proto = values
    .filter((v) => v.flag === 'protocol')
    .reduce<L4Proto>((p, v) => {
      if ((protocols as readonly string[]).includes(v.value)) return v.value as L4Proto;
      bad(v);
      return p;
    }, 'tcp');
  const http: Extract<FlagValue, { flag: 'method' | 'header' }>[] = [];
  for (const v of values) {
    switch (v.flag) {
      case 'from': {
        const from = parseSourceArg(v.value);
        if (from) flags.from = from;
        else bad(v);
        break;
      }
      case 'to': {
        const to = parseTargetArg(v.value, proto);
        if (to) flags.to = to;
        else bad(v);
        break;
      }
      case 'method':
      case 'header':
        http.push(v);
        break;
      case 'seed':
        if (/^\d{1,9}$/.test(v.value)) flags.seed = Number(v.value);
        else bad(v);
        break;
      case 'endpoint':
        if (parseTargetArg(v.value)?.kind === 'ip') flags.endpoint = v.value;
        else bad(v);
        break;
      case 'down':
        flags.whatIf.downNodes = [...(flags.whatIf.downNodes ?? []), v.value];
        break;
      case 'not-ready':
        if (/^[^/\s]+\/[^/\s]+$/.test(v.value)) flags.whatIf.notReadyPods = [...(flags.whatIf.notReadyPods ?? []), v.value];
        else bad(v);
        break;
      case 'proxy-mode':
        if (v.value === 'iptables' || v.value === 'ipvs' || v.value === 'nftables') flags.whatIf.proxyMode = v.value;
        else bad(v);
        break;
      case 'protocol':
        break;
    }
  }
  // --method and --header shape the request to an http(s):// URL, wherever --to is written.
  const to = flags.to?.kind === 'url' ? flags.to : undefined;
  for (const v of http) {
    const method = v.flag === 'method' ? parseMethodArg(v.value) : undefined;
    const header = v.flag === 'header' ? parseHeaderArg(v.value) : undefined;
    if (to && method) to.method = method;
    else if (to && header) to.headers = [...(to.headers ?? []), header];
    else bad(v);
  }
  return { flags, diagnostics };
}

function noPlace(offset: number, length: number) {
  return { pos: { file: '', offset, line: 1, col: offset + 1 }, end: offset + length };
}

const directive = /^#\s*packetwalk:/i;

/**
 * The walk the first file with a `# packetwalk:` line declares, with warnings for what does
 * not parse. Only the comment lines a file starts with are read: the directive belongs at the top.
 */
export function declaredWalk(files: readonly InputFile[]): { walk: DeclaredWalk | null; diagnostics: Diagnostic[] } {
  let walk: DeclaredWalk | null = null;
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    // Line by line while they are comments: a large paste is not split whole.
    for (let lineStart = 0; file.text.startsWith('#', lineStart);) {
      const lineEnd = file.text.indexOf('\n', lineStart);
      const line = file.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      const m = directive.exec(line);
      if (m) {
        const start = lineStart + m[0].length;
        const at: At = (offset, length) => ({ pos: positionOf(file.name, file.text, start + offset), end: start + offset + length });
        if (walk) {
          diagnostics.push(diagnostic('warning', 'walk.duplicate', { file: walk.file }, positionOf(file.name, file.text, lineStart)));
        } else {
          const parsed = parseWalkFlags(line.slice(m[0].length).replace(/\r$/, ''), at);
          walk = { flags: parsed.flags, file: file.name };
          diagnostics.push(...parsed.diagnostics);
        }
      }
      if (lineEnd < 0) break;
      lineStart = lineEnd + 1;
    }
  }
  return { walk, diagnostics };
}
