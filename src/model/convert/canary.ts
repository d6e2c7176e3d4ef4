// ingress-nginx's canary Ingresses (canary.go in ingress2gateway v1.1.0): a canary's backend and
// the main one share a rule; by weight they get `canary-weight` and the rest of
// `canary-weight-total`; by header the canary gets a rule of its own matching the header's value
// (or "always", with a "never" rule for the main backend when no value is given).

import type { HTTPBackendRef, HTTPRouteRule, Ingress, Manifest } from '../manifest/types';
import { annotation, type Conversion, noteAt } from './context';

interface CanaryConfig {
  isHeader: boolean;
  header: string;
  headerValue: string;
  isWeight: boolean;
  weight: number;
  weightTotal: number;
}

/** Go's strconv.ParseInt(s, 10, 32). */
function parseInt32(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

function parseCanaryConfig(c: Conversion, m: Manifest<Ingress>): CanaryConfig {
  const at = 'metadata.annotations';
  for (const name of ['canary-by-header-pattern', 'canary-by-cookie']) {
    if (annotation(m, name)) noteAt(c, m, at, 'warning', 'convert.canary.unsupported', { name: `nginx.ingress.kubernetes.io/${name}` });
  }
  const header = annotation(m, 'canary-by-header') ?? '';
  const config: CanaryConfig = {
    isHeader: header !== '',
    header,
    headerValue: annotation(m, 'canary-by-header-value') ?? '',
    isWeight: false,
    weight: 0,
    weightTotal: 100,
  };
  const weight = annotation(m, 'canary-weight') ?? '';
  if (weight !== '') {
    const w = parseInt32(weight);
    if (w === undefined) noteAt(c, m, at, 'error', 'convert.canary.badWeight', { value: weight });
    else if (w < 0) noteAt(c, m, at, 'error', 'convert.canary.negativeWeight', { weight: w });
    else Object.assign(config, { isWeight: true, weight: w });
  }
  const total = annotation(m, 'canary-weight-total') ?? '';
  if (total !== '') {
    const t = parseInt32(total);
    if (t === undefined) noteAt(c, m, at, 'error', 'convert.canary.badTotal', { value: total });
    else if (t <= 0) noteAt(c, m, at, 'error', 'convert.canary.nonPositiveTotal', { total: t });
    else config.weightTotal = t;
  }
  if (config.weight > config.weightTotal) {
    noteAt(c, m, at, 'error', 'convert.canary.capped', { weight: config.weight, total: config.weightTotal });
    config.weight = config.weightTotal;
  }
  return config;
}

/** Which backend of a rule is the canary and which the main one; undefined when the rule has no canary or cannot have one. */
function canaryOf(c: Conversion, sources: Manifest<Ingress>[], route: string, rule: number) {
  let canary = -1;
  let main = -1;
  let config: CanaryConfig | undefined;
  sources.forEach((m, i) => {
    // ingress2gateway compares the annotation with "true" here, not as a boolean.
    if (annotation(m, 'canary') === 'true') {
      if (canary !== -1) return noteAt(c, m, 'metadata.annotations', 'error', 'convert.canary.twoCanaries', { route, rule });
      canary = i;
      config = parseCanaryConfig(c, m);
    } else {
      if (main !== -1) return noteAt(c, m, 'metadata.name', 'error', 'convert.canary.twoMains', { route, rule });
      main = i;
    }
  });
  if (canary === -1) return undefined;
  if (main === -1) {
    noteAt(c, sources[canary]!, 'metadata.annotations', 'error', 'convert.canary.noMain', { route, rule });
    return undefined;
  }
  return { canary, main, config: config! };
}

function headerRule(header: string, value: string, like: HTTPRouteRule, backend: HTTPBackendRef): HTTPRouteRule {
  const path = like.matches?.[0]?.path;
  return { matches: [{ headers: [{ name: header, value }], ...(path ? { path: { ...path } } : {}) }], backendRefs: [backend] };
}

export function canaryFeature(c: Conversion): void {
  for (const ctx of c.routes.values()) {
    if (ctx.defaultBackend) continue;
    const rules = ctx.route.spec.rules!;
    const added: HTTPRouteRule[] = [];
    const addedSources: Manifest<Ingress>[][] = [];
    const ruleCount = rules.length;
    for (let i = 0; i < ruleCount; i++) {
      const sources = ctx.sources[i] ?? [];
      const found = canaryOf(c, sources, ctx.route.metadata.name, i);
      if (!found) continue;
      const { canary, main, config } = found;
      const refs = rules[i]!.backendRefs!;
      if (config.isWeight || !config.isHeader) {
        refs[canary] = { ...refs[canary]!, weight: config.weight };
        refs[main] = { ...refs[main]!, weight: config.weightTotal - config.weight };
        noteAt(c, sources[canary]!, 'metadata.annotations', 'info', 'convert.made.canary', {
          route: ctx.route.metadata.name,
          canary: refs[canary]!.name,
          main: refs[main]!.name,
          weight: config.weight,
          total: config.weightTotal,
        });
      }
      if (!config.isHeader) continue;
      const canaryRef = { ...refs[canary]! };
      const mainRef = { ...refs[main]! };
      delete canaryRef.weight;
      delete mainRef.weight;
      added.push(headerRule(config.header, config.headerValue || 'always', rules[i]!, canaryRef));
      addedSources.push([sources[canary]!, sources[main]!]);
      if (config.headerValue === '') {
        added.push(headerRule(config.header, 'never', rules[i]!, mainRef));
        addedSources.push([sources[main]!]);
      }
      noteAt(c, sources[canary]!, 'metadata.annotations', 'info', 'convert.made.canaryHeader', {
        route: ctx.route.metadata.name,
        header: config.header,
        value: config.headerValue || 'always',
      });
      if (!config.isWeight) {
        rules[i]!.backendRefs = refs.filter((_, j) => j !== canary);
        ctx.sources[i] = sources.filter((_, j) => j !== canary);
      }
    }
    rules.push(...added);
    ctx.sources.push(...addedSources);
  }
}
