// CoreDNS's `rewrite name` (plugin/rewrite/name.go, v1.12.1): the question's name as the rule turns
// it, matched against the lower-case absolute name CoreDNS works with.

import { jsRegex, type NameRewrite } from '../manifest/kinds/corefile';

/** The rewritten name, or undefined when the rule does not match. */
export function rewriteName(rule: NameRewrite, qname: string): string | undefined {
  switch (rule.match) {
    case 'exact':
      return qname === rule.from ? rule.to : undefined;
    case 'prefix':
      return qname.startsWith(rule.from) ? rule.to + qname.slice(rule.from.length) : undefined;
    case 'suffix':
      return qname.endsWith(rule.from) ? qname.slice(0, qname.length - rule.from.length) + rule.to : undefined;
    case 'substring':
      return qname.includes(rule.from) ? qname.split(rule.from).join(rule.to) : undefined;
    case 'regex': {
      const groups = jsRegex(rule.from)?.exec(qname);
      if (!groups) return undefined;
      // {0}, {1}, … stand for the match and its groups.
      return groups.reduce<string>((to, value, i) => to.split(`{${i}}`).join(value ?? ''), rule.to);
    }
  }
}
