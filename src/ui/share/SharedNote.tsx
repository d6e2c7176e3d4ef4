// While the editor holds a text opened from a link: a note that the learner's own manifests are
// kept apart, with the way back to them.

import { useState } from 'react';
import { useApp, useAppStore } from '../../store/react';
import { useT } from '../useT';
import './link.css';

export function SharedNote() {
  const t = useT();
  const shared = useApp((s) => s.shared);
  const hasMine = useApp((s) => !!s.mine?.trim());
  const problem = useApp((s) => s.linkProblem);
  const { backToMine } = useAppStore().getState();
  const [dismissed, setDismissed] = useState(false);
  // Leaving the shared text resets the note for the next link.
  if (!shared && dismissed) setDismissed(false);
  if (!shared || dismissed || problem) return null;
  return (
    <div className="link-note" role="status">
      <p>{t('ui.link.shared')}</p>
      {hasMine && (
        <button type="button" className="ghost" onClick={backToMine}>
          {t('ui.gallery.back')}
        </button>
      )}
      <button type="button" className="ghost" onClick={() => setDismissed(true)}>
        {t('ui.link.dismiss')}
      </button>
    </div>
  );
}
