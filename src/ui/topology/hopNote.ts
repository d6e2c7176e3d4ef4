// What opens beside a hop that is not a netfilter hook: the IPVS virtual server and the real
// server it scheduled, the ARP exchange on the LAN, the router's ECMP choice, ingress-nginx's
// location. Lines of cluster data (addresses, names), read from the step and the trace.

import type { Step, Trace } from '../../model';

export interface HopNote {
  /** A message key for the note's title, with its parameters. */
  title: { key: 'ui.ladder.ipvs' | 'ui.ladder.http' | 'ui.ladder.router' | 'ui.ladder.arp'; params: Record<string, string> };
  lines: string[];
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function hopNote(step: Step, trace: Trace): HopNote | undefined {
  if (step.ipvs) {
    const v = step.ipvs;
    return { title: { key: 'ui.ladder.ipvs', params: { node: v.node } }, lines: [v.virtualServer, `  -> ${v.realServer}`] };
  }
  const p = step.explain.params;
  if (step.at.element === 'router' && p.via) {
    return {
      title: { key: 'ui.ladder.router', params: { prefix: str(p.prefix), via: str(p.via) } },
      lines: str(p.hops)
        .split(', ')
        .filter(Boolean)
        .map((hop) => `${hop === str(p.via) ? '✓' : ' '} nexthop via ${hop}`),
    };
  }
  if (/^explain\.arp\.(reply|metallb|gratuitous)$/.test(step.explain.key) && p.ip && p.mac) {
    // As tcpdump prints an ARP exchange.
    const gratuitous = step.explain.key === 'explain.arp.gratuitous';
    return {
      title: { key: 'ui.ladder.arp', params: { ip: str(p.ip) } },
      lines: [...(gratuitous ? [] : [`Request who-has ${str(p.ip)} tell ${str(p.client)}`]), `Reply ${str(p.ip)} is-at ${str(p.mac)}`],
    };
  }
  const http = trace.outcome.http;
  if (step.stage?.kind === 'http' && http) {
    return {
      title: { key: 'ui.ladder.http', params: {} },
      lines: [`${http.host}${http.path} → ${http.status}`, ...(http.location ? [`location ${http.location}`] : [])],
    };
  }
  return undefined;
}
