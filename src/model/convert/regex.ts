// ingress-nginx's regex paths and rewrite-target as ingress2gateway v1.1.0 converts them
// (regex.go, rewrite.go, the common emitter's applyPathRewrites). nginx treats every path of a
// host as a regex once one Ingress there sets `use-regex` or `rewrite-target`, matched as a
// case-insensitive prefix: each path of a route for such a host becomes `(?i)` + path + `.*`.

import { parseBool } from '../ingress/annotations';
import { annotation, type Conversion, noteAt } from './context';
import { mainIngress } from './mainIngress';

/** The hosts whose paths nginx reads as regexes (canary Ingresses do not count). */
function regexHosts(c: Conversion): Set<string> {
  const hosts = new Set<string>();
  for (const m of c.ingresses) {
    if (parseBool(annotation(m, 'canary'))) continue;
    if (!parseBool(annotation(m, 'use-regex')) && !annotation(m, 'rewrite-target')) continue;
    for (const r of m.object.spec.rules ?? []) if (r.host) hosts.add(r.host);
  }
  return hosts;
}

const forRegexHost = (hostnames: string[] | undefined, hosts: Set<string>) => (hostnames ?? []).some((h) => hosts.has(h));

export function regexFeature(c: Conversion): void {
  const hosts = regexHosts(c);
  for (const ctx of c.routes.values()) {
    if (!forRegexHost(ctx.route.spec.hostnames, hosts)) continue;
    for (const rule of ctx.route.spec.rules ?? []) {
      for (const match of rule.matches ?? []) {
        // A fresh object: ingress2gateway's canary header rules share the main rule's path, which
        // its regex step then rewrites twice ("(?i)(?i)/a.*.*"); PacketWalk rewrites each once.
        if (match.path) match.path = { type: 'RegularExpression', value: `(?i)${match.path.value ?? ''}.*` };
      }
    }
    const m = mainIngress(ctx.sources.find((s) => s.length));
    if (m)
      noteAt(c, m, 'metadata.annotations', 'info', 'convert.regex.caseInsensitive', {
        route: `${ctx.route.metadata.namespace}/${ctx.route.metadata.name}`,
      });
  }
}

/** Each rule's rewrite-target (from its main Ingress), kept to be applied after the redirects are built. */
export function rewriteTargets(c: Conversion): void {
  const hosts = regexHosts(c);
  for (const ctx of c.routes.values()) {
    const regex = forRegexHost(ctx.route.spec.hostnames, hosts);
    ctx.route.spec.rules!.forEach((_, i) => {
      const m = mainIngress(ctx.sources[i]);
      const target = m && annotation(m, 'rewrite-target');
      if (!m || !target) return;
      const route = `${ctx.route.metadata.namespace}/${ctx.route.metadata.name}`;
      // ingress2gateway looks for `\$` (an escaped group reference) and leaves such a rewrite out.
      if (regex && target.includes('\\$')) {
        noteAt(c, m, 'metadata.annotations', 'warning', 'convert.rewrite.captureGroups', { route, value: target });
        return;
      }
      // PacketWalk's own note: `$1` is nginx's first capture group, which Gateway API has no way to name.
      if (/\$\d/.test(target)) noteAt(c, m, 'metadata.annotations', 'warning', 'convert.rewrite.literalDollar', { route, value: target });
      const forwardedPrefix = annotation(m, 'x-forwarded-prefix');
      ctx.rewrites.set(i, { replaceFullPath: target, ...(forwardedPrefix ? { forwardedPrefix } : {}) });
    });
  }
}

/** The rewrites as URLRewrite filters (plus X-Forwarded-Prefix when asked), as the common emitter adds them. */
export function applyRewrites(c: Conversion): void {
  for (const ctx of c.routes.values()) {
    for (const [i, rw] of ctx.rewrites) {
      const rule = ctx.route.spec.rules![i]!;
      rule.filters = [
        ...(rule.filters ?? []),
        { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: rw.replaceFullPath } } },
      ];
      if (rw.forwardedPrefix)
        rule.filters.push({
          type: 'RequestHeaderModifier',
          requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value: rw.forwardedPrefix }] },
        });
      noteAt(c, mainIngress(ctx.sources[i])!, 'metadata.annotations', 'info', 'convert.made.rewrite', {
        route: `${ctx.route.metadata.namespace}/${ctx.route.metadata.name}`,
        value: rw.replaceFullPath,
      });
    }
  }
}
