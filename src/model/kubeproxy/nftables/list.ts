// What `nft list table ip kube-proxy` prints once the kernel has loaded the table's dump
// (nftables v1.0.6: src/rule.c table_print/set_print/chain_print, src/expression.c for the
// element lists). The kernel keeps sets and chains in the order the transaction created them —
// the dump's, by name — but lists a hash set's elements in an order seeded at random per set;
// here they come in the dump's order (the order kube-proxy added them).

import { listRule } from './listRule';
import type { BaseChainHook, NftChain, NftElement, NftSet, NftTable } from './table';

export function nftablesListing(table: NftTable): string {
  const byName = <T>(m: Map<string, T>): T[] => [...m.keys()].sort().map((k) => m.get(k)!);
  const updated = new Set(
    [...table.chains.values()].flatMap((c) => c.rules.flatMap((r) => [...r.rule.matchAll(/\bupdate @(\S+)/g)].map((m) => m[1]!))),
  );
  const blocks = [
    ...byName(table.sets).map((s) => setBlock('set', s, updated.has(s.name))),
    ...byName(table.maps).map((m) => setBlock('map', m, updated.has(m.name))),
    ...byName(table.chains).map(chainBlock),
  ];
  return `table ${table.family} ${table.name} {\n\tcomment "${table.comment}"\n${blocks.join('\n')}}\n`;
}

function setBlock(kind: 'set' | 'map', s: NftSet, updatedByRule: boolean): string {
  const lines = [`\t${kind} ${s.name} {`, `\t\ttype ${s.type}`];
  // A set a rule adds to gets the kernel's default size when none was given (nft_dynset).
  if (updatedByRule) lines.push('\t\tsize 65535');
  if (s.flags?.length) lines.push(`\t\tflags ${s.flags.join(',')}`);
  if (s.timeoutSeconds !== undefined) lines.push(`\t\ttimeout ${duration(s.timeoutSeconds)}`);
  if (s.comment !== undefined) lines.push(`\t\tcomment "${s.comment}"`);
  if (s.elements.length) lines.push(`\t\telements = { ${elementList(s)} }`);
  return `${lines.join('\n')}\n\t}\n`;
}

/** How many elements nft puts on one line, by key type (calculate_delim); concatenations get one each. */
const PER_LINE: Record<string, number> = { ipv4_addr: 2, inet_proto: 16, inet_service: 16, mark: 16 };

function elementList(s: NftSet): string {
  const perLine = PER_LINE[s.type.split(' : ')[0]!] ?? 1;
  return s.elements
    .map((e, i) => elementText(e) + (i === s.elements.length - 1 ? '' : (i + 1) % perLine === 0 ? ',\n\t\t\t     ' : ', '))
    .join('');
}

function elementText(e: NftElement): string {
  const comment = e.comment === undefined ? '' : ` comment "${e.comment}"`;
  return `${e.key.join(' . ')}${comment}${e.value?.length ? ` : ${e.value.join(' . ')}` : ''}`;
}

/** nft's time_print: days, hours, minutes, seconds, each only when not zero. */
function duration(seconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(seconds / 86400), 'd'],
    [Math.floor(seconds / 3600) % 24, 'h'],
    [Math.floor(seconds / 60) % 60, 'm'],
    [seconds % 60, 's'],
  ];
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, unit]) => `${n}${unit}`)
      .join('') || '0s'
  );
}

function chainBlock(c: NftChain): string {
  const lines = [`\tchain ${c.name} {`];
  if (c.comment !== undefined) lines.push(`\t\tcomment "${c.comment}"`);
  if (c.base) lines.push(`\t\ttype ${c.base.type} hook ${c.base.hook} priority ${priorityText(c.base)}; policy accept;`);
  for (const r of c.rules) lines.push(`\t\t${listRule(r.rule)}${r.comment === undefined ? '' : ` comment "${r.comment}"`}`);
  return `${lines.join('\n')}\n\t}\n`;
}

/** nft's standard priority names, in the order prio2str tries them. */
const STANDARD: [number, string][] = [
  [-300, 'raw'],
  [-150, 'mangle'],
  [-100, 'dstnat'],
  [0, 'filter'],
  [50, 'security'],
  [100, 'srcnat'],
];

/**
 * prio2str (ip and ip6 tables): the first standard priority within 10 of the number names it (`dstnat - 10`), but
 * dstnat only on prerouting and srcnat only on postrouting; otherwise the number.
 */
function priorityText({ hook, priority }: BaseChainHook): string {
  const near = STANDARD.find(([value]) => Math.abs(priority - value) <= 10);
  if (!near) return String(priority);
  const [value, name] = near;
  const fits = name === 'dstnat' ? hook === 'prerouting' : name === 'srcnat' ? hook === 'postrouting' : true;
  if (!fits) return String(priority);
  const offset = priority - value;
  return offset === 0 ? name : `${name} ${offset > 0 ? '+' : '-'} ${Math.abs(offset)}`;
}
