// Reads iptables-restore input and iptables-save output (or the ip6tables ones) (`*table`, `:CHAIN POLICY [p:b]`,
// `-A/-I/-N/-X/-F/-P …`, `COMMIT`, `#` comments) into a Ruleset. Bad lines become
// errors with their line number; everything else is still read.

import { addChain, findChain } from './chainIndex';
import { compileRule } from './compileRule';
import { BUILTIN_CHAINS, isBuiltin } from './hooks';
import { tokenize } from './tokenize';
import type { Chain, IpFamily, Rule, Ruleset, RulesetError, Table, TableName } from './types';

const TABLES: readonly string[] = ['raw', 'mangle', 'nat', 'filter'];

export interface ParsedRuleset {
  ruleset: Ruleset;
  errors: RulesetError[];
}

/** `family` 6 reads the text as ip6tables-restore does. */
export function parseRuleset(text: string, family: IpFamily = 4): ParsedRuleset {
  const ruleset: Ruleset = family === 6 ? { tables: {}, family } : { tables: {} };
  const errors: RulesetError[] = [];
  let table: Table | undefined;
  let skipping = false; // inside an unknown table: read until its COMMIT
  const lines = text.split('\n');

  const fail = (line: number, message: string, params: RulesetError['params'] = {}) => errors.push({ line, message, params });

  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('*')) {
      if (table || skipping) fail(lineNo, 'netfilter.commitExpected', { table: table?.name ?? '' });
      const name = line.slice(1).trim();
      skipping = !TABLES.includes(name);
      table = skipping ? undefined : newTable(name as TableName);
      if (skipping) fail(lineNo, 'netfilter.unknownTable', { table: name });
      else ruleset.tables[name as TableName] = table;
      return;
    }
    if (line === 'COMMIT') {
      if (!table && !skipping) fail(lineNo, 'netfilter.noTable');
      table = undefined;
      skipping = false;
      return;
    }
    if (skipping) return;
    if (!table) {
      fail(lineNo, 'netfilter.noTable');
      return;
    }
    if (line.startsWith(':')) {
      declareChain(table, line, lineNo, fail);
      return;
    }
    const { tokens, unterminated } = tokenize(line);
    if (unterminated) fail(lineNo, 'netfilter.unterminatedQuote');
    runCommand(table, tokens, line, lineNo, fail, family);
  });
  if (table || skipping) fail(lines.length, 'netfilter.commitExpected', { table: table?.name ?? '' });
  return { ruleset, errors };
}

type Fail = (line: number, message: string, params?: RulesetError['params']) => void;

function newTable(name: TableName): Table {
  return { name, chains: BUILTIN_CHAINS[name].map((c) => ({ name: c, builtin: true, policy: 'ACCEPT', rules: [] })) };
}

function declareChain(table: Table, line: string, lineNo: number, fail: Fail): void {
  const [name, policy = '-'] = line.slice(1).split(/\s+/);
  if (!/^[^\s!-][^\s]{0,28}$/.test(name)) return fail(lineNo, 'netfilter.badChainName', { chain: name });
  const existing = findChain(table, name);
  if (isBuiltin(table.name, name)) {
    if (policy !== 'ACCEPT' && policy !== 'DROP') return fail(lineNo, 'netfilter.badPolicy', { chain: name, policy });
    existing!.policy = policy;
    existing!.rules = [];
    return;
  }
  if (policy !== '-') fail(lineNo, 'netfilter.policyOnUserChain', { chain: name });
  // A declared chain starts empty (restore flushes it), as kube-proxy relies on.
  if (existing) existing.rules = [];
  else addChain(table, { name, builtin: false, policy: '-', rules: [] });
}

function runCommand(table: Table, tokens: string[], text: string, lineNo: number, fail: Fail, family: IpFamily): void {
  const [command, chainName, ...rest] = tokens;
  const chain = findChain(table, chainName);
  const needChain = (): Chain | undefined => {
    if (chainName === undefined) fail(lineNo, 'netfilter.missingValue', { option: command });
    else if (!chain) fail(lineNo, 'netfilter.unknownChain', { chain: chainName, table: table.name });
    return chain;
  };
  switch (command) {
    case '-A':
    case '--append':
    case '-I':
    case '--insert': {
      const chain = needChain();
      if (!chain) return;
      const insert = command === '-I' || command === '--insert';
      let position = insert ? 0 : chain.rules.length;
      let args = rest;
      if (insert && /^\d+$/.test(rest[0] ?? '')) {
        position = Math.min(Number(rest[0]) - 1, chain.rules.length);
        args = rest.slice(1);
      }
      const rule: Rule = { table: table.name, chain: chain.name, index: 0, text, line: lineNo, args };
      if (family === 6) rule.family = family;
      checkRule(table, rule, fail);
      if (position >= chain.rules.length) {
        rule.index = chain.rules.length;
        chain.rules.push(rule);
      } else {
        chain.rules.splice(Math.max(position, 0), 0, rule);
        chain.rules.forEach((r, i) => (r.index = i));
      }
      return;
    }
    case '-N':
    case '--new-chain':
      if (chainName === undefined) return fail(lineNo, 'netfilter.missingValue', { option: command });
      if (chain) return fail(lineNo, 'netfilter.chainExists', { chain: chainName });
      addChain(table, { name: chainName, builtin: false, policy: '-', rules: [] });
      return;
    case '-X':
    case '--delete-chain':
      return deleteChains(table, chainName, lineNo, fail);
    case '-F':
    case '--flush':
      if (chainName === undefined) table.chains.forEach((c) => (c.rules = []));
      else needChain()?.rules.splice(0);
      return;
    case '-P':
    case '--policy': {
      const chain = needChain();
      if (!chain) return;
      if (!chain.builtin) return fail(lineNo, 'netfilter.policyOnUserChain', { chain: chain.name });
      if (rest[0] !== 'ACCEPT' && rest[0] !== 'DROP')
        return fail(lineNo, 'netfilter.badPolicy', { chain: chain.name, policy: rest[0] ?? '' });
      chain.policy = rest[0];
      return;
    }
    default:
      fail(lineNo, 'netfilter.unsupportedCommand', { command: command ?? '' });
  }
}

function checkRule(table: Table, rule: Rule, fail: Fail): void {
  const compiled = compileRule(rule);
  for (const problem of compiled.issues) fail(rule.line, problem.message, problem.params);
  const target = compiled.target;
  if (target?.kind === 'chain' && !(findChain(table, target.chain)?.builtin === false))
    fail(rule.line, 'netfilter.unknownChain', { chain: target.chain, table: table.name });
}

function deleteChains(table: Table, name: string | undefined, lineNo: number, fail: Fail): void {
  const victims = new Set(table.chains.filter((c) => !c.builtin && (name === undefined || c.name === name)));
  if (name !== undefined && victims.size === 0) {
    return fail(lineNo, isBuiltin(table.name, name) ? 'netfilter.builtinChain' : 'netfilter.unknownChain', {
      chain: name,
      table: table.name,
    });
  }
  // The first chain (in declaration order) that jumps to each chain: one pass over the rules, not one per victim.
  const jumpedFrom = new Map<string, string>();
  for (const c of table.chains)
    for (const r of c.rules) {
      const t = compileRule(r).target;
      if (t?.kind === 'chain' && !jumpedFrom.has(t.chain)) jumpedFrom.set(t.chain, c.name);
    }
  for (const victim of victims) {
    if (victim.rules.length > 0) return fail(lineNo, 'netfilter.chainNotEmpty', { chain: victim.name });
    const user = jumpedFrom.get(victim.name);
    if (user !== undefined) return fail(lineNo, 'netfilter.chainInUse', { chain: victim.name, by: user });
  }
  table.chains = table.chains.filter((c) => !victims.has(c));
}
