// A dig reply as BIND 9.18's dig prints it (bin/dig/dig.c printmessage, lib/dns/message.c and
// masterdump.c with dig's default style), and as JSON for scripts.

import type { DigRecord, DigReply } from './dig';

/** dig's default style: TTL, class, type and data start at columns 24, 32, 40 and 48, tabs 8 wide. */
const COLUMNS = { ttl: 24, class: 32, type: 40, data: 48 };
const TAB = 8;

/** masterdump.c indent(): tabs to the stop at or before `to`, spaces after it; at least one blank. */
function padTo(column: number, to: number): string {
  const target = Math.max(to, column + 1);
  const tabs = Math.floor(target / TAB) - Math.floor(column / TAB);
  return tabs > 0 ? '\t'.repeat(tabs) + ' '.repeat(target - Math.floor(target / TAB) * TAB) : ' '.repeat(target - column);
}

/** Fields laid out from column 0, each starting at its column (or one blank after the one before). */
function columns(fields: [string, number | undefined][]): string {
  let line = '';
  let column = 0;
  for (const [text, at] of fields) {
    if (at !== undefined) {
      const pad = padTo(column, at);
      line += pad;
      column = Math.max(at, column + 1);
    }
    line += text;
    column += text.length;
  }
  return line;
}

/** The record's data as dig prints it. */
export function rdataText(rr: DigRecord): string {
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return rr.address;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return rr.target;
    case 'SRV':
      return `${rr.priority} ${rr.weight} ${rr.port} ${rr.target}`;
    case 'TXT':
      return `"${rr.text}"`;
    case 'SOA':
      return `${rr.mname} ${rr.rname} ${rr.serial} ${rr.refresh} ${rr.retry} ${rr.expire} ${rr.minimum}`;
  }
}

function recordLine(rr: DigRecord): string {
  return columns([
    [rr.name, undefined],
    [String(rr.ttl), COLUMNS.ttl],
    ['IN', COLUMNS.class],
    [rr.type, COLUMNS.type],
    [rdataText(rr), COLUMNS.data],
  ]);
}

function section(title: string, records: DigRecord[]): string {
  return records.length ? `;; ${title} SECTION:\n${records.map((rr) => recordLine(rr) + '\n').join('')}\n` : '';
}

/** `Thu Dec 03 07:30:00 UTC 2026`, strftime's "%a %b %d %H:%M:%S %Z %Y" in UTC. */
function when(seconds: number): string {
  const d = new Date(seconds * 1000);
  const [day, month] = [d.toUTCString().slice(0, 3), d.toUTCString().slice(8, 11)];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * What dig prints for `reply`; `args` is its command line as typed, `now` (seconds since 1970)
 * the moment it ran. A reply nobody in the model gives (rcode UNKNOWN) prints nothing.
 */
export function digText(reply: DigReply, args: string, now: number): string {
  if (reply.rcode === 'UNKNOWN') return '';
  const additional = reply.additional.length + 1; // the OPT record
  const local = reply.qname === 'local.' || reply.qname.endsWith('.local.');
  return [
    `\n; <<>> DiG 9.18-PacketWalk <<>> ${args}\n`,
    ';; global options: +cmd\n',
    ';; Got answer:\n',
    local
      ? ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n'
      : '',
    `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${reply.id}\n`,
    `;; flags: ${reply.flags.join(' ')}; QUERY: 1, ANSWER: ${reply.answer.length}, AUTHORITY: ${reply.authority.length}, ADDITIONAL: ${additional}\n`,
    reply.flags.includes('ra') ? '' : ';; WARNING: recursion requested but not available\n',
    '\n;; OPT PSEUDOSECTION:\n',
    '; EDNS: version: 0, flags:; udp: 1232\n',
    `; COOKIE: ${reply.cookie} (echoed)\n`,
    ';; QUESTION SECTION:\n',
    // The question's ';' is written before its columns are counted.
    ';' +
      columns([
        [reply.qname, undefined],
        ['IN', COLUMNS.class],
        [reply.qtype, COLUMNS.type],
      ]) +
      '\n\n',
    section('ANSWER', reply.answer),
    section('AUTHORITY', reply.authority),
    section('ADDITIONAL', reply.additional),
    // The model keeps no clock: an answer from CoreDNS's memory takes under a millisecond, which dig prints as 0.
    ';; Query time: 0 msec\n',
    `;; SERVER: ${reply.server}#53(${reply.server}) (UDP)\n`,
    `;; WHEN: ${when(now)}\n`,
    `;; MSG SIZE  rcvd: ${reply.size}\n\n`,
  ].join('');
}

/** The reply for scripts: the status and each section's records with dig's data text. */
export function digJson(reply: DigReply): object {
  const records = (rrs: DigRecord[]) => rrs.map((rr) => ({ name: rr.name, ttl: rr.ttl, class: 'IN', type: rr.type, data: rdataText(rr) }));
  return {
    status: reply.rcode,
    flags: reply.flags,
    question: { name: reply.qname, type: reply.qtype },
    server: reply.server,
    answer: records(reply.answer),
    authority: records(reply.authority),
    additional: records(reply.additional),
    ...(reply.upstream ? { upstream: reply.upstream } : {}),
  };
}
