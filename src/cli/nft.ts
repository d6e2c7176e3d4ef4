// `packetwalk nft`: the kube-proxy table kube-proxy in nftables mode (v1.34) loads on a node, as
// the transaction `nft -f -` takes (knftables' canonical dump, `--format dump`), or as
// `nft list table` shows it once loaded (`--format list`). The walk through these rules comes later.
import { nftablesDump, nftablesList, type Model } from '../model';
import { CliError, UsageError } from './errors';
import { oneOf } from './flags';
import type { CliIo } from './io';
import { elide, message } from './messages';
import { requireNode } from './names';

export interface NftFlags {
  node?: string;
  format?: string;
  family?: string;
  'proxy-mode'?: string;
}

/** The flags checked before any file is read; the returned function prints the dump. */
export function planNft(values: NftFlags, io: CliIo): (model: Model) => void {
  const format = oneOf('--format', values.format ?? 'dump', ['dump', 'list'] as const);
  const family = oneOf('--family', values.family ?? '4', ['4', '6'] as const);
  const mode = values['proxy-mode'];
  if (mode !== undefined && mode !== 'nftables') throw new UsageError(message('nft.cli.otherMode', { mode: elide(mode) }));
  return (model) => {
    const node = requireNode(model, values.node);
    if (family === '6' && !model.state.config.dualStack) throw new CliError(message('nft.cli.family6'));
    io.out((format === 'list' ? nftablesList : nftablesDump)(model.state, node, family === '6' ? 6 : 4));
  };
}
