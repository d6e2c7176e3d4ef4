// Safe mode: the editor's text is kept but not computed, because an earlier visit stopped
// responding while computing it, it took longer than the time budget, or computing it failed.
// The learner can change the text (an edit is computed as usual) or ask for it to be computed again.

import { useApp } from '../../store/react';
import { useT } from '../useT';
import '../share/link.css';

export function SafeMode({ budgetSeconds }: { budgetSeconds: number }) {
  const t = useT();
  const why = useApp((s) => s.notComputed);
  const tryAgain = useApp((s) => s.tryAgain);
  if (!why) return null;
  return (
    <div className="link-note problem" role="alert">
      <p>{t(`ui.saving.notComputed.${why}`, { seconds: budgetSeconds })}</p>
      <button type="button" className="ghost" onClick={tryAgain}>
        {t('ui.saving.tryAgain')}
      </button>
    </div>
  );
}
