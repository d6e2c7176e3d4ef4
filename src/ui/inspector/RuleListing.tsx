// The node's whole `iptables-save`, with the rule that acted highlighted and the
// rules the packet walked past marked; the highlighted line is scrolled into view.

import { memo, useLayoutEffect, useRef } from 'react';
import type { Step } from '../../model/trace/types';
import { useT } from '../useT';

interface Props {
  listing: string;
  node: string;
  rule?: Step['rule'];
  visited?: Step['rulesVisited'];
}

export const RuleListing = memo(function RuleListing({ listing, node, rule, visited }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const lines = listing.replace(/\n$/, '').split('\n');
  const marks = new Map<number, 'visited' | 'passed'>();
  for (const v of visited ?? []) if (v.rule.node === node) marks.set(v.rule.line, v.matched ? 'passed' : 'visited');
  const focus = rule?.node === node ? rule.line : visited?.findLast((v) => v.matched && v.rule.node === node)?.rule.line;

  useLayoutEffect(() => {
    const container = box.current;
    const target = container?.querySelector<HTMLElement>('[data-focus]');
    // Scroll only the listing, never the page.
    if (container && target) container.scrollTop = target.offsetTop - container.clientHeight / 3;
  }, [listing, focus]);

  return (
    <figure className="rules">
      <figcaption>
        {t('ui.inspector.rulesOf', { node })}
        {visited && visited.length > 0 && <span className="muted"> · {t('ui.inspector.visited', { count: visited.length })}</span>}
      </figcaption>
      <div className="listing" ref={box} tabIndex={0} data-raw>
        <ol>
          {lines.map((text, i) => {
            const n = i + 1;
            const matched = rule?.node === node && rule.line === n;
            return (
              <li
                key={n}
                className={matched ? 'matched' : marks.get(n)}
                data-focus={n === focus ? '' : undefined}
                aria-current={matched ? 'true' : undefined}
              >
                <span className="ln">{n}</span>
                <code>{text}</code>
              </li>
            );
          })}
        </ol>
      </div>
    </figure>
  );
});
