// The real kernel takes what we generate: every gallery scenario's kube-proxy table, for every
// node (and the IPv6 table of a dual-stack scenario), and a cluster with every Service shape
// (affinity sets, source ranges, SCTP, no endpoints, IPv6), loaded with `nft -f -` into a fresh
// network namespace, then listed back. Root only; skipped with the reason otherwise.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../cluster/types';
import { deriveModel } from '../../index';
import { kernelSkipReason, withNetns } from '../../netfilter/kernel/harness';
import { nftablesTable } from './sync';
import type { NftTable } from './table';
import { featureCluster } from './testCluster';

const skip = kernelSkipReason(['nft']);
const scenarioDir = new URL('../../../../public/scenarios/', import.meta.url);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, model: deriveModel([{ name: file, text: readFileSync(new URL(file, scenarioDir), 'utf8') }]) }));

/** `chain NAME {` lines of `nft list table`, the names as nft prints them. */
const listedChains = (listing: string): string[] => [...listing.matchAll(/^\tchain (\S+) \{$/gm)].map((m) => m[1]!).sort();

/** Loads the table's dump into an empty namespace; what `nft list table` then shows must name every object. */
function expectKernelTakes(table: NftTable): void {
  withNetns(['nft'], (ns) => {
    const load = ns.exec('nft', ['-f', '-'], table.dump());
    expect(load.stderr).toBe('');
    expect(load.code).toBe(0);
    const listed = ns.exec('nft', ['list', 'table', table.family, table.name]);
    expect(listed.code).toBe(0);
    expect(listedChains(listed.stdout)).toEqual([...table.chains.keys()].sort());
    for (const name of [...table.sets.keys(), ...table.maps.keys()]) {
      expect(listed.stdout).toMatch(new RegExp(`^\\t(set|map) ${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\{$`, 'm'));
    }
  });
}

describe.skipIf(skip)(`every Service shape through the real kernel${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const variants: [string, Partial<ProxyConfig>][] = [
    ['defaults', {}],
    ['masqueradeAll', { masqueradeAll: true }],
    ['NodePorts on 192.168.1.0/24 only', { nodePortAddresses: ['192.168.1.0/24', 'fd00::/8'] }],
  ];
  for (const [what, proxy] of variants)
    for (const [node, family] of [
      ['worker-1', 4],
      ['worker-2', 4],
      ['worker-1', 6],
    ] as const) {
      it(`${what}, ${node} IPv${family}: nft -f loads it`, () => expectKernelTakes(nftablesTable(featureCluster(proxy), node, family)));
    }
});

describe.skipIf(skip)(`gallery nftables through the real kernel${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const { file, model } of scenarios) {
    const families = model.state.config.dualStack ? ([4, 6] as const) : ([4] as const);
    for (const node of model.dataplane.nodeNames)
      for (const family of families) {
        it(`${file} ${node} IPv${family}: nft -f loads the dump and nft list table shows every chain, set and map`, () => {
          expectKernelTakes(nftablesTable(model.state, node, family));
        });
      }
  }
});
