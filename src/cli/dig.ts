// `packetwalk dig`: dig run in a pod, its words read as dig reads them (`NAME [TYPE] [+search]`,
// or `-x ADDRESS` for the reverse name), the reply printed as dig prints it or as JSON.
import { DIG_TYPES, dig, digJson, digText, dnsOptions, type DigType, type Model, type TraceSource } from '../model';
import { UsageError } from './errors';
import { oneOf } from './flags';
import { elide, say } from './messages';
import { checkIPv4, parseSource } from './specs';

export interface DigQuestion {
  from: Extract<TraceSource, { kind: 'pod' }>;
  name: string;
  type: DigType;
  search: boolean;
  /** The words as dig would echo them on its first line. */
  args: string;
}

/** dig's command line: the pod it runs in, then a name, a type and `+` options in any order after the name. */
export function digQuestion(fromText: string | undefined, reverse: string | undefined, words: readonly string[]): DigQuestion {
  const from = fromText === undefined ? undefined : parseSource(fromText);
  if (from?.kind !== 'pod') throw new UsageError(say('cli.usage.digFrom'));
  let search = false;
  const rest: string[] = [];
  for (const word of words) {
    if (word === '+search' || word === '+nosearch') search = word === '+search';
    else if (word.startsWith('+')) throw new UsageError(say('cli.usage.digOption', { value: elide(word) }));
    else rest.push(word);
  }
  let name: string | undefined;
  let type: DigType = 'A';
  if (reverse !== undefined) {
    // `dig -x ADDRESS` asks PTR for the address's name under in-addr.arpa.
    checkIPv4('-x', reverse);
    name = `${reverse.split('.').reverse().join('.')}.in-addr.arpa.`;
    type = 'PTR';
  } else {
    name = rest.shift();
    if (name === undefined) throw new UsageError(say('cli.usage.digName'));
  }
  const typed = rest.shift();
  if (typed !== undefined) type = oneOf('TYPE', typed.toUpperCase(), DIG_TYPES);
  if (rest.length) throw new UsageError(say('cli.usage.argument', { command: 'dig', value: elide(rest[0]!) }));
  if (search && (type === 'TXT' || type === 'NS')) throw new UsageError(say('cli.usage.digSearchType'));
  const args = [...(reverse !== undefined ? ['-x', reverse] : []), ...words].join(' ');
  return { from, name, type, search, args };
}

/** The reply, as dig's text or JSON; a part answered outside the model is said on stderr. */
export function runDig(model: Model, q: DigQuestion, output: 'text' | 'json', now: number, err: (text: string) => void): string {
  const pod = model.state.pods.find((p) => p.metadata.name === q.from.name && p.metadata.namespace === q.from.namespace)!;
  const reply = dig(model.state, pod, q.name, q.type, { ...dnsOptions(model), search: q.search, now });
  if (!reply) throw new UsageError(say('cli.usage.digBadName', { value: elide(q.name) }));
  const upstream = reply.upstream?.servers.join(', ') ?? '';
  if (reply.rcode === 'UNKNOWN') err(`packetwalk: ${say('cli.dig.unknown', { qname: elide(reply.qname), upstream })}\n`);
  else if (reply.upstream && !reply.upstream.modelled) {
    const target = reply.answer.findLast((rr) => rr.type === 'CNAME');
    err(
      `packetwalk: ${say('cli.dig.cnameUnknown', { target: elide(target?.type === 'CNAME' ? target.target : reply.qname), upstream })}\n`,
    );
  }
  if (output === 'json') return JSON.stringify(digJson(reply), null, 2) + '\n';
  return digText(reply, q.args, now);
}
