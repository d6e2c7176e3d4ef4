// `trace -o text`: one numbered line per step, the rule that acted beneath it, and the outcome.
import type { Headers, NftStepFact, Step, Trace } from '../model';
import { message } from './messages';

function endpoint(h: Headers): string {
  return h.proto === 'icmp' ? `${h.src} → ${h.dst} icmp` : `${h.src}:${h.sport} → ${h.dst}:${h.dport} ${h.proto}`;
}

function where(step: Step): string {
  const at = step.at;
  const place = [at.node, at.pod, at.element === 'netfilter' ? at.hook : at.element].filter(Boolean).join(' ');
  return place;
}

/** One kube-proxy lookup of nftables mode, in nft's own notation (`10.96.0.10 . udp . 53`). */
function nftFact(fact: NftStepFact): string {
  if (fact.kind === 'vmap') return message('nft.step.vmap', { key: fact.key.join(' . '), map: fact.map, verdict: fact.verdict });
  return message('nft.step.numgen', { mod: fact.mod, drawn: fact.drawn, verdict: fact.verdict });
}

export function formatTraceText(trace: Trace): string {
  const lines: string[] = [];
  for (const step of trace.steps) {
    const changed = endpoint(step.before) !== endpoint(step.after) ? `  ⇒ ${endpoint(step.after)}` : '';
    lines.push(`${String(step.index + 1).padStart(3)}. [${step.phase}] ${where(step)}: ${endpoint(step.before)}${changed}`);
    lines.push(`       ${message(step.explain.key, step.explain.params)}`);
    if (step.rule) lines.push(`       rule (${step.rule.table}, line ${step.rule.line}): ${step.rule.text}`);
    for (const fact of step.nft ?? []) lines.push(`       ${nftFact(fact)}`);
  }
  const o = trace.outcome;
  const facts = [
    `result: ${o.result}`,
    o.service && `service: ${o.service}`,
    o.endpoint && `endpoint: ${o.endpoint}`,
    o.pod && `pod: ${o.pod}`,
    o.node && `node: ${o.node}`,
    o.announcer && `announcer: ${o.announcer}`,
    o.http &&
      `http: ${o.http.status}${o.http.location ? ` → ${o.http.location}` : ''}${o.http.ingress ? ` (ingress ${o.http.ingress})` : ''}${
        o.http.gateway
          ? ` (gateway ${o.http.gateway}${o.http.route ? `, route ${o.http.route}` : ''}${o.http.backend ? ` → ${o.http.backend}` : ''})`
          : ''
      }`,
    o.dns &&
      `dns: ${o.dns.name} → ${o.dns.status}${o.dns.addresses.length ? ` ${o.dns.addresses.join(',')}` : ''} in ${o.dns.queries} queries`,
  ].filter(Boolean);
  lines.push('', facts.join('  '));
  if (o.reason) lines.push(message(o.reason.key, o.reason.params));
  return lines.join('\n') + '\n';
}
