// The destinations a learner can type: IP:PORT, NAME:PORT (the pod resolves it first) or
// an http(s) URL (through the Ingress controller); and the ones we suggest, read from the model.

import { declaredWalk, formatTargetArg, parseIPv4Sloppy, type L4Proto, type Service, type TraceSource, type TraceTarget } from '../model';
import type { ViewState } from './view';

export type SuggestionKind = 'hint' | 'clusterIP' | 'name' | 'nodePort' | 'loadBalancer';

export interface TargetSuggestion {
  value: string;
  kind: SuggestionKind;
  /** `namespace/name` of the Service it reaches, when there is one. */
  service?: string;
  proto?: L4Proto;
}

const dnsName = /^(?=.*[a-z_])[a-z0-9_]([-a-z0-9_]*[a-z0-9])?(\.[a-z0-9_]([-a-z0-9_]*[a-z0-9])?)*\.?$/i;
const url = /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i;

const nsOf = (s: { metadata: { namespace?: string } }) => s.metadata.namespace ?? 'default';

/** The Service a name like `svc`, `svc.ns` or `svc.ns.svc.cluster.local.` names, seen from namespace `home`. */
function serviceByName(state: ViewState, name: string, home: string): Service | undefined {
  const labels = name.replace(/\.$/, '').split('.');
  const ns = labels[1] && labels[1] !== 'svc' ? labels[1] : home;
  return state.services.find((s) => s.metadata.name === labels[0] && nsOf(s) === ns);
}

function protoOf(service: Service | undefined, port: number): L4Proto | undefined {
  return service?.spec.ports.find((p) => p.port === port)?.protocol.toLowerCase() as L4Proto | undefined;
}

/** Parses what the learner typed; undefined when it is none of the three shapes. */
export function parseTarget(text: string, state: ViewState | null, home = 'default'): TraceTarget | undefined {
  const value = text.trim();
  if (url.test(value)) return { kind: 'url', url: value };
  const colon = value.lastIndexOf(':');
  if (colon < 1) return undefined;
  const host = value.slice(0, colon);
  const portText = value.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  if (port < 1 || port > 65535) return undefined;
  if (parseIPv4Sloppy(host) !== undefined) {
    const known = state ? suggestionsFor(state, null).find((s) => s.value === value && s.proto) : undefined;
    return { kind: 'ip', ip: host, port, proto: known?.proto ?? 'tcp' };
  }
  if (!dnsName.test(host) || host.length > 254) return undefined;
  return { kind: 'name', name: host, port, proto: (state && protoOf(serviceByName(state, host, home), port)) ?? 'tcp' };
}

export { formatTargetArg as formatTarget } from '../model';

const maxSuggestions = 400;

/**
 * What the To box offers: the scenario's own hints, every Service's ClusterIP:port, its
 * names (short from the source pod's namespace, and `svc.ns`), its NodePort on each node's
 * address and its load-balancer addresses.
 */
export function suggestionsFor(state: ViewState, from: TraceSource | null, hints: string[] = []): TargetSuggestion[] {
  const out: TargetSuggestion[] = hints.map((value) => ({ value, kind: 'hint' }));
  const home = from?.kind === 'pod' ? from.namespace : 'default';
  const nodeIPs = Object.values(state.hosts).map((h) => h.nic.ip);
  for (const s of state.services) {
    const service = `${nsOf(s)}/${s.metadata.name}`;
    const ip = s.spec.clusterIP && s.spec.clusterIP !== 'None' ? s.spec.clusterIP : undefined;
    for (const p of s.spec.ports) {
      const proto = p.protocol.toLowerCase() as L4Proto;
      const add = (value: string, kind: SuggestionKind) => out.push({ value, kind, service, proto });
      if (ip) add(`${ip}:${p.port}`, 'clusterIP');
      if (nsOf(s) === home) add(`${s.metadata.name}:${p.port}`, 'name');
      add(`${s.metadata.name}.${nsOf(s)}:${p.port}`, 'name');
      for (const ingress of s.status?.loadBalancer?.ingress ?? []) if (ingress.ip) add(`${ingress.ip}:${p.port}`, 'loadBalancer');
      if (p.nodePort) for (const nodeIP of nodeIPs) add(`${nodeIP}:${p.nodePort}`, 'nodePort');
    }
    if (out.length >= maxSuggestions) break;
  }
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.value) && (seen.add(s.value), true)).slice(0, maxSuggestions);
}

/** The comment lines a text starts with (cheap to compare, so views can depend on it instead of the whole text). */
export function leadingComment(text: string): string {
  const end = text.search(/^(?!#)/m);
  return end < 0 ? text : text.slice(0, end);
}

/** The destination a text's `# packetwalk:` line declares, offered first in the To box. */
export function scenarioHints(text: string): string[] {
  const to = declaredWalk([{ name: '', text }]).walk?.flags.to;
  return to ? [formatTargetArg(to)] : [];
}
