// A port of sortIPTablesRules from kube-proxy's proxier_test.go: upstream's expected
// outputs are written in this canonical order (kube-proxy itself visits Services in Go
// map order), so goldens copied from there are compared after sorting ours the same way.

import { compareStrings } from './endpoints';

interface DumpChain {
  name: string;
  rules: string[];
}

function commentOf(rule: string): string | null {
  const m = / --comment (?:"([^"]*)"|(\S+))/.exec(rule);
  return m ? (m[1] ?? m[2]) : null;
}

function serviceNameOf(rule: string): string | null {
  const c = commentOf(rule);
  if (c === null) return null;
  const i = c.search(/[ :]/);
  return i === -1 ? c : c.slice(0, i);
}

/** orderByCommentServiceName, as a stable-sort comparator. */
function byServiceName(a: string, b: string): number {
  const na = serviceNameOf(a);
  const nb = serviceNameOf(b);
  if (na === null || nb === null) return 0;
  return compareStrings(na, nb);
}

function chainOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === 'KUBE-NODEPORTS' ? 0 : n === 'KUBE-SERVICES' ? 1 : n.startsWith('KUBE-') ? 2 : 3);
  return rank(a) - rank(b) || compareStrings(a, b);
}

export function sortLikeUpstreamTest(restore: string): string {
  const tables: { name: string; chains: DumpChain[] }[] = [];
  for (const line of restore.split('\n')) {
    if (line.startsWith('*')) tables.push({ name: line.slice(1), chains: [] });
    else if (line.startsWith(':')) tables[tables.length - 1].chains.push({ name: line.slice(1).split(' ')[0], rules: [] });
    else if (line.startsWith('-A ')) {
      const chain = line.split(' ')[1];
      tables[tables.length - 1].chains.find((c) => c.name === chain)?.rules.push(line);
    }
  }
  tables.sort((a, b) => compareStrings(a.name, b.name));
  let out = '';
  for (const table of tables) {
    table.chains.sort((a, b) => chainOrder(a.name, b.name));
    for (const chain of table.chains) {
      if (chain.name === 'KUBE-NODEPORTS') chain.rules.sort(byServiceName);
      if (chain.name === 'KUBE-SERVICES') {
        const isLast = (r: string): boolean => (commentOf(r) ?? '').includes('must be the last rule');
        chain.rules.sort((a, b) => (table.name === 'nat' ? Number(isLast(a)) - Number(isLast(b)) : 0) || byServiceName(a, b));
      }
    }
    out += `*${table.name}\n`;
    out += table.chains.map((c) => `:${c.name} - [0:0]\n`).join('');
    out += table.chains.flatMap((c) => c.rules.map((r) => r + '\n')).join('');
    out += 'COMMIT\n';
  }
  return out;
}

/** A golden file without its `#` provenance header. */
export function goldenBody(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}
