// The one-line summary of a box the walk does not pass through: a button that unfolds the box
// (click, Enter or Space) over what lies below it, and folds it back.

import type { KeyboardEvent } from 'react';
import { fonts } from '../../layout/textWidth';
import type { Rect } from '../../layout/types';
import { useT } from '../useT';
import { FitText } from './FitText';

export function activateOnKey(action: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      action();
    }
  };
}

export function FoldSummary({ r, label, open, onToggle }: { r: Rect; label: string; open: boolean; onToggle: () => void }) {
  const t = useT();
  return (
    <g
      className={`fold${open ? ' open' : ''}`}
      role="button"
      tabIndex={0}
      aria-expanded={open}
      aria-label={label}
      onClick={onToggle}
      onKeyDown={activateOnKey(onToggle)}
    >
      <title>{`${label}\n${t(open ? 'ui.density.fold' : 'ui.density.unfold')}`}</title>
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={4} className="fold-box" />
      <FitText x={r.x + 8} y={r.y + 16} max={r.w - 16} font={fonts.label} text={`${open ? '▾' : '▸'} ${label}`} focusable={false} />
    </g>
  );
}
