// One nftables table as kube-proxy builds it in a transaction, and its canonical text: what
// knftables' Fake.Dump prints (sigs.k8s.io/knftables fake.go and objects.go, v0.0.18+), which
// is also a transaction `nft -f -` loads into an empty table.

import { compareStrings } from '../endpoints';

export type NftFamily = 'ip' | 'ip6';

export interface BaseChainHook {
  type: 'filter' | 'nat';
  hook: 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
  /** Numeric: knftables writes `dstnat-10` as -110 for older nft binaries. */
  priority: number;
}

export interface NftRule {
  rule: string;
  comment?: string;
}

export interface NftChain {
  name: string;
  base?: BaseChainHook;
  comment?: string;
  rules: NftRule[];
}

export interface NftElement {
  key: string[];
  value?: string[];
  comment?: string;
}

export interface NftSet {
  name: string;
  /** `ipv4_addr`, or for a map `ipv4_addr . inet_proto . inet_service : verdict`. */
  type: string;
  flags?: string[];
  timeoutSeconds?: number;
  comment?: string;
  elements: NftElement[];
}

/** Where each element key sits in its set's list: a sync adds tens of thousands of elements. */
type KeyIndex = Map<string, number>;

/** A kube-proxy table: its objects by name, elements in the order they were added. */
export class NftTable {
  readonly chains = new Map<string, NftChain>();
  readonly sets = new Map<string, NftSet>();
  readonly maps = new Map<string, NftSet>();
  private readonly keys = new Map<string, KeyIndex>();

  constructor(
    readonly family: NftFamily,
    readonly name: string,
    readonly comment: string,
  ) {}

  /** `add chain`: a chain that exists already is left as it is. */
  chain(name: string, base?: BaseChainHook, comment?: string): NftChain {
    let chain = this.chains.get(name);
    if (!chain) {
      chain = { name, rules: [], ...(base ? { base } : {}), ...(comment ? { comment } : {}) };
      this.chains.set(name, chain);
    }
    return chain;
  }

  rule(chain: string, rule: string, comment?: string): void {
    this.chain(chain).rules.push(comment === undefined ? { rule } : { rule, comment });
  }

  set(set: Omit<NftSet, 'elements'>): void {
    if (!this.sets.has(set.name)) this.sets.set(set.name, { ...set, elements: [] });
  }

  map(map: Omit<NftSet, 'elements'>): void {
    if (!this.maps.has(map.name)) this.maps.set(map.name, { ...map, elements: [] });
  }

  /** `add element`: an element with the same key is replaced in place, as the kernel does. */
  element(container: string, element: NftElement): void {
    const target = this.sets.get(container) ?? this.maps.get(container);
    if (!target) throw new Error(`no set or map ${container}`);
    let index = this.keys.get(container);
    if (!index) this.keys.set(container, (index = new Map()));
    const key = element.key.join(' . ');
    const i = index.get(key);
    if (i === undefined) index.set(key, target.elements.push(element) - 1);
    else target.elements[i] = element;
  }

  /** Fake.Dump: the table, then chains, sets and maps by name, then rules by chain, then elements. */
  dump(): string {
    const head = `${this.family} ${this.name}`;
    const byName = <T>(m: Map<string, T>): T[] => [...m.keys()].sort(compareStrings).map((k) => m.get(k)!);
    const chains = byName(this.chains);
    const sets = byName(this.sets);
    const maps = byName(this.maps);
    const lines = [`add table ${head} { comment ${quote(this.comment)} ; }`];
    for (const c of chains) lines.push(`add chain ${head} ${c.name}${chainSpec(c)}`);
    for (const s of sets) lines.push(`add set ${head} ${s.name}${setSpec(s)}`);
    for (const m of maps) lines.push(`add map ${head} ${m.name}${setSpec(m)}`);
    for (const c of chains) {
      for (const r of c.rules)
        lines.push(`add rule ${head} ${c.name} ${r.rule}${r.comment === undefined ? '' : ` comment ${quote(r.comment)}`}`);
    }
    for (const s of [...sets, ...maps]) {
      for (const e of s.elements) lines.push(`add element ${head} ${s.name} ${elementText(e)}`);
    }
    return lines.join('\n') + '\n';
  }
}

/** Go's %q for the printable ASCII kube-proxy writes (names, CIDRs, fixed phrases). */
function quote(text: string): string {
  return JSON.stringify(text);
}

function chainSpec(c: NftChain): string {
  if (!c.base && c.comment === undefined) return '';
  const base = c.base ? ` type ${c.base.type} hook ${c.base.hook} priority ${c.base.priority} ;` : '';
  const comment = c.comment === undefined ? '' : ` comment ${quote(c.comment)} ;`;
  return ` {${base}${comment} }`;
}

function setSpec(s: NftSet): string {
  const flags = s.flags?.length ? ` flags ${s.flags.join(',')} ;` : '';
  const timeout = s.timeoutSeconds === undefined ? '' : ` timeout ${s.timeoutSeconds}s ;`;
  const comment = s.comment === undefined ? '' : ` comment ${quote(s.comment)} ;`;
  return ` { type ${s.type} ;${flags}${timeout}${comment} }`;
}

function elementText(e: NftElement): string {
  const comment = e.comment === undefined ? '' : ` comment ${quote(e.comment)}`;
  const value = e.value?.length ? ` : ${e.value.join(' . ')}` : '';
  return `{ ${e.key.join(' . ')}${comment}${value} }`;
}
