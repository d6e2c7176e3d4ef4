// The node's whole `iptables-save` (or, in nftables mode, kube-proxy's nftables rules), with the
// rule that acted highlighted and the rules the packet walked past marked.

import { memo, useMemo } from 'react';
import type { Step } from '../../model';
import { useT } from '../useT';
import { Listing } from './Listing';

interface Props {
  listing: string;
  node: string;
  rule?: Step['rule'];
  visited?: Step['rulesVisited'];
  /** In nftables mode: kube-proxy's chains, and whether `listing` is its table (else the node's iptables, without them). */
  nft?: { chains: string[]; listed: boolean };
}

export const RuleListing = memo(function RuleListing({ listing, node, rule, visited, nft }: Props) {
  const t = useT();
  const lines = useMemo(() => listing.replace(/\n$/, '').split('\n'), [listing]);
  // In nftables mode a hook runs flannel's iptables rules and kube-proxy's nftables rules: each listing shows its own.
  const here = useMemo(() => {
    const chains = new Set(nft?.chains);
    const listed = nft?.listed ?? false;
    return (r: NonNullable<Step['rule']>) => r.node === node && chains.has(r.chain) === listed;
  }, [node, nft]);
  const ours = useMemo(() => visited?.filter((v) => here(v.rule)), [visited, here]);
  const marks = useMemo(() => {
    const out = new Map<number, string>();
    for (const v of ours ?? []) out.set(v.rule.line, v.matched ? 'passed' : 'visited');
    return out;
  }, [ours]);
  const highlight = rule && here(rule) ? rule.line : undefined;
  const focus = highlight ?? ours?.findLast((v) => v.matched)?.rule.line;
  return (
    <Listing
      lines={lines}
      highlight={highlight}
      marks={marks}
      focus={focus}
      caption={
        <>
          {t(nft?.listed ? 'ui.inspector.nftOf' : 'ui.inspector.rulesOf', { node })}
          {ours && ours.length > 0 && <span className="muted"> · {t('ui.inspector.visited', { count: ours.length })}</span>}
        </>
      }
    />
  );
});
