// Why the link the page was opened with could not be opened, in plain words, and that the
// learner's own manifests are as they were (the app opened them instead).

import { useApp, useAppStore } from '../../store/react';
import { useT } from '../useT';
import './link.css';

export function LinkAlert() {
  const t = useT();
  const problem = useApp((s) => s.linkProblem);
  const { setLinkProblem } = useAppStore().getState();
  if (!problem) return null;
  return (
    <div className="link-note problem" role="alert">
      <p>{t('ui.link.alert', { problem: t(`ui.link.problem.${problem}`) })}</p>
      <button type="button" className="ghost" onClick={() => setLinkProblem(null)}>
        {t('ui.link.dismiss')}
      </button>
    </div>
  );
}
