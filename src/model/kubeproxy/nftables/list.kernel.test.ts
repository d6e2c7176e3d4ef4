// `--format list` against the real kernel: every gallery scenario × node × family, and every
// Service shape of testCluster.ts, loaded with `nft -f -` into a fresh network namespace; what
// `nft list table` prints must equal nftablesListing byte for byte, except the order of the
// elements inside each `elements = { … }` (the kernel's hash order is seeded at random per set).
// Root only; skipped with the reason otherwise.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../cluster/types';
import { deriveModel } from '../../index';
import { kernelSkipReason, withNetns } from '../../netfilter/kernel/harness';
import { nftablesListing } from './list';
import { nftablesTable } from './sync';
import type { NftTable } from './table';
import { featureCluster } from './testCluster';

const skip = kernelSkipReason(['nft']);
const scenarioDir = new URL('../../../../public/scenarios/', import.meta.url);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, model: deriveModel([{ name: file, text: readFileSync(new URL(file, scenarioDir), 'utf8') }]) }));

/** Each `elements = { … }` as one line with its elements sorted; the rest untouched. */
function sortElements(listing: string): string {
  return listing.replace(/elements = \{ ([^}]*) \}/g, (_, body: string) => `elements = { ${body.split(/,\s+/).sort().join(', ')} }`);
}

function expectListedAsKernel(table: NftTable): void {
  withNetns(['nft'], (ns) => {
    const load = ns.exec('nft', ['-f', '-'], table.dump());
    expect(load.stderr).toBe('');
    const listed = ns.exec('nft', ['list', 'table', table.family, table.name]);
    expect(listed.code).toBe(0);
    expect(sortElements(nftablesListing(table))).toBe(sortElements(listed.stdout));
  });
}

describe.skipIf(skip)(`--format list is what the kernel lists${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const { file, model } of scenarios) {
    const families = model.state.config.dualStack ? ([4, 6] as const) : ([4] as const);
    for (const node of model.dataplane.nodeNames)
      for (const family of families)
        it(`${file} ${node} IPv${family}`, () => expectListedAsKernel(nftablesTable(model.state, node, family)));
  }
  const variants: [string, Partial<ProxyConfig>][] = [
    ['every Service shape', {}],
    ['every Service shape, masqueradeAll', { masqueradeAll: true }],
    ['every Service shape, NodePorts on 192.168.1.0/24 only', { nodePortAddresses: ['192.168.1.0/24', 'fd00::/8'] }],
  ];
  for (const [what, proxy] of variants)
    for (const [node, family] of [
      ['worker-1', 4],
      ['worker-2', 4],
      ['worker-1', 6],
    ] as const)
      it(`${what}, ${node} IPv${family}`, () => expectListedAsKernel(nftablesTable(featureCluster(proxy), node, family)));
});
