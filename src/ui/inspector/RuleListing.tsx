// The node's whole `iptables-save`, with the rule that acted highlighted and the rules the
// packet walked past marked.

import { memo, useMemo } from 'react';
import type { Step } from '../../model';
import { useT } from '../useT';
import { Listing } from './Listing';

interface Props {
  listing: string;
  node: string;
  rule?: Step['rule'];
  visited?: Step['rulesVisited'];
}

export const RuleListing = memo(function RuleListing({ listing, node, rule, visited }: Props) {
  const t = useT();
  const lines = useMemo(() => listing.replace(/\n$/, '').split('\n'), [listing]);
  const marks = useMemo(() => {
    const out = new Map<number, string>();
    for (const v of visited ?? []) if (v.rule.node === node) out.set(v.rule.line, v.matched ? 'passed' : 'visited');
    return out;
  }, [visited, node]);
  const highlight = rule?.node === node ? rule.line : undefined;
  const focus = highlight ?? visited?.findLast((v) => v.matched && v.rule.node === node)?.rule.line;
  return (
    <Listing
      lines={lines}
      highlight={highlight}
      marks={marks}
      focus={focus}
      caption={
        <>
          {t('ui.inspector.rulesOf', { node })}
          {visited && visited.length > 0 && <span className="muted"> · {t('ui.inspector.visited', { count: visited.length })}</span>}
        </>
      }
    />
  );
});
