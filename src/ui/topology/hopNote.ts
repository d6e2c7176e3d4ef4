// What opens beside a hop that is not a netfilter hook: the IPVS virtual server and the real
// server it scheduled, the ARP exchange on the LAN, the router's ECMP choice, the node a load
// balancer outside the model picked, ingress-nginx's location. Lines of cluster data (addresses, names), read from the step and the trace.

import type { Step, Trace } from '../../model';

export interface HopNote {
  /** A message key for the note's title, with its parameters. */
  title: {
    key: 'ui.ladder.ipvs' | 'ui.ladder.http' | 'ui.ladder.envoy' | 'ui.ladder.router' | 'ui.ladder.arp' | 'ui.ladder.externalLb';
    params: Record<string, string>;
  };
  lines: string[];
}

export function hopNote(step: Step, trace: Trace): HopNote | undefined {
  if (step.ipvs) {
    const v = step.ipvs;
    return { title: { key: 'ui.ladder.ipvs', params: { node: v.node } }, lines: [v.virtualServer, `  -> ${v.realServer}`] };
  }
  const hop = step.nextHop;
  if (hop) {
    return {
      title: { key: 'ui.ladder.router', params: { prefix: hop.prefix, via: hop.via } },
      lines: hop.hops.map((h) => `${h === hop.via ? '✓' : ' '} nexthop via ${h}`),
    };
  }
  const lb = step.externalLb;
  if (lb?.node) {
    // The nodes that pass the outside load balancer's health check, the one it picked ticked.
    return {
      title: { key: 'ui.ladder.externalLb', params: { node: lb.node } },
      lines: [`${lb.service} ${lb.ip ?? ''}`, ...lb.nodes.map((n) => `${n === lb.node ? '✓' : ' '} ${n}`)],
    };
  }
  const arp = step.arp;
  if (arp?.answeredBy?.mac) {
    // As tcpdump prints an ARP exchange (a gratuitous one is a reply nobody asked for).
    return {
      title: { key: 'ui.ladder.arp', params: { ip: arp.ip } },
      lines: [...(arp.askedBy ? [`Request who-has ${arp.ip} tell ${arp.askedBy}`] : []), `Reply ${arp.ip} is-at ${arp.answeredBy.mac}`],
    };
  }
  const http = trace.outcome.http;
  if (step.stage?.kind === 'http' && http?.gateway) {
    return {
      title: { key: 'ui.ladder.envoy', params: {} },
      lines: [
        `${http.host}${http.path} → ${http.status}`,
        ...(http.route ? [`route ${http.route}`] : []),
        ...(http.backend ? [`backend ${http.backend}`] : []),
        ...(http.location ? [`location ${http.location}`] : []),
      ],
    };
  }
  if (step.stage?.kind === 'http' && http) {
    return {
      title: { key: 'ui.ladder.http', params: {} },
      lines: [`${http.host}${http.path} → ${http.status}`, ...(http.location ? [`location ${http.location}`] : [])],
    };
  }
  return undefined;
}
