// The node's netfilter box, opened at a hook: the chains the packet went through, the random
// endpoints passed over, the rule that acted — real chain names, as the listing has them.
// Drawn above the netfilter box it belongs to; a click on a rule shows it in the listing.

import type { Rect } from '../../layout/types';
import { elide, fonts } from '../../layout/textWidth';
import type { Step } from '../../model';
import { useApp } from '../../store/react';
import { useT } from '../useT';
import { activateOnKey } from './Fold';
import { endpointOf, ladderLines, takenText, type LadderLine } from './ladderRows';

const lineH = 16;
const headH = 22;
const indent = 12;
const font = fonts.mono;

/** The ladder's box: as wide as the netfilter box, standing on its top edge. */
export function ladderRect(netfilter: Rect, step: Pick<Step, 'ladder' | 'rule'>): Rect | undefined {
  const { lines, more } = ladderLines(step);
  if (lines.length === 0) return undefined;
  const h = headH + (lines.length + (more ? 1 : 0)) * lineH + 8;
  return { x: netfilter.x, y: netfilter.y - h + 4, w: netfilter.w, h };
}

function lineText(line: LadderLine, t: ReturnType<typeof useT>): string {
  if (line.kind === 'chain') return line.chain;
  const p = line.rule.probability ? `${t('ui.ladder.probability', { p: Number(line.rule.probability).toFixed(3) })} ` : '';
  if (line.kind === 'passed') return `✗ ${p}${endpointOf(line.rule) ?? line.rule.short}`;
  return `✓ ${p}${takenText(line.rule)}`;
}

export function ChainLadder({ step, rect }: { step: Step; rect: Rect }) {
  const t = useT();
  const pick = useApp((s) => s.pickRule);
  const picked = useApp((s) => (s.pickedRule?.step === step.index ? s.pickedRule : undefined));
  const { lines, more } = ladderLines(step);
  const x0 = rect.x + 8;
  return (
    <g className="ladder" data-hook={step.at.hook}>
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={6} className="ladder-box" />
      <text x={x0} y={rect.y + 16} className="ladder-title">
        {t('ui.ladder.title', { hook: step.at.hook ?? '', node: step.at.node ?? '' })}
      </text>
      {lines.map((line, i) => {
        const y = rect.y + headH + (i + 1) * lineH - 4;
        const x = x0 + line.depth * indent + (line.kind === 'chain' ? 0 : indent / 2);
        const text = elide(lineText(line, t), font, rect.x + rect.w - 8 - x);
        const rule = line.kind === 'chain' ? undefined : line.rule;
        const label = line.kind === 'taken' ? t('ui.ladder.taken') : line.kind === 'passed' ? t('ui.ladder.passedOver') : undefined;
        const content = (
          <text x={x} y={y} className={`mono ladder-${line.kind}`} data-raw>
            {text}
            {line.kind === 'chain' && line.table && (
              <tspan className="ladder-table">{`  ${t('ui.ladder.table', { table: line.table })}`}</tspan>
            )}
          </text>
        );
        if (!rule) return <g key={i}>{content}</g>;
        return (
          <g
            key={i}
            className={`ladder-rule${picked?.line === rule.line && picked.chain === line.chain ? ' picked' : ''}`}
            role="button"
            tabIndex={0}
            aria-label={`${label}: ${rule.short}. ${t('ui.ladder.pick')}`}
            onClick={() => pick(step.index, line.chain, rule.line)}
            onKeyDown={activateOnKey(() => pick(step.index, line.chain, rule.line))}
          >
            <title>{`${rule.short}${rule.comment ? `\n/* ${rule.comment} */` : ''}`}</title>
            <rect x={rect.x + 4} y={y - lineH + 4} width={rect.w - 8} height={lineH} className="ladder-hit" />
            {content}
          </g>
        );
      })}
      {more > 0 && (
        <text x={x0} y={rect.y + headH + (lines.length + 1) * lineH - 4} className="ladder-more">
          {t('ui.ladder.more', { count: more })}
        </text>
      )}
    </g>
  );
}
