// Sizes of DNS messages on the wire (RFC 1035 §4), for the UDP packets the walk shows.

import { labels } from './names';
import type { ResourceRecord } from './types';

const HEADER = 12;
const QUESTION_FIXED = 4; // QTYPE + QCLASS
const RR_FIXED = 10; // TYPE, CLASS, TTL, RDLENGTH

/** Counts bytes as a message is written, compressing names to earlier suffixes (§4.1.4) as miekg/dns does. */
class MessageLength {
  bytes = HEADER;
  private readonly seen = new Set<string>();

  name(name: string, compress = true): void {
    const parts = labels(name.toLowerCase());
    for (let i = 0; i < parts.length; i++) {
      const suffix = parts.slice(i).join('.');
      if (compress && this.seen.has(suffix)) {
        this.bytes += 2;
        return;
      }
      this.seen.add(suffix);
      this.bytes += 1 + parts[i]!.length;
    }
    this.bytes += 1;
  }

  record(rr: ResourceRecord): void {
    this.name(rr.name);
    this.bytes += RR_FIXED;
    switch (rr.type) {
      case 'A':
        this.bytes += 4;
        break;
      case 'AAAA':
        this.bytes += 16;
        break;
      case 'CNAME':
      case 'PTR':
        this.name(rr.target);
        break;
      case 'SRV':
        // RFC 2782: the SRV target is never compressed.
        this.bytes += 6;
        this.name(rr.target, false);
        break;
    }
  }
}

export function querySize(qname: string): number {
  const m = new MessageLength();
  m.name(qname);
  return m.bytes + QUESTION_FIXED;
}

/** A reply: the question again, the answers, the authority SOA of a negative answer (`soaZone`), the glue. */
export function responseSize(qname: string, answers: ResourceRecord[], additional: ResourceRecord[], soaZone?: string): number {
  const m = new MessageLength();
  m.name(qname);
  m.bytes += QUESTION_FIXED;
  answers.forEach((rr) => m.record(rr));
  if (soaZone) {
    // CoreDNS's SOA: ns.dns.<zone> hostmaster.<zone> serial refresh retry expire minttl.
    m.name(soaZone);
    m.bytes += RR_FIXED;
    m.name(`ns.dns.${soaZone}`);
    m.name(`hostmaster.${soaZone}`);
    m.bytes += 20;
  }
  additional.forEach((rr) => m.record(rr));
  return m.bytes;
}
