// A diagnostic's fix as the model made it: its text to read or copy, and "Apply fix", which
// writes it into the editor as an edit Ctrl+Z takes back. The text is applied as given; nothing
// here works it out again. Apply waits while the text differs from the one the fix was made for.

import type { TextFix } from '../../model';
import { useApp } from '../../store/react';
import { fixApplies } from '../../store/slices/editor';
import { CopyField } from '../share/CopyField';
import '../share/share.css';
import { useT } from '../useT';

/** Lines shown before the field scrolls. */
const MOST_ROWS = 8;

export function FixBlock({ fix }: { fix: TextFix }) {
  const t = useT();
  const applies = useApp((s) => fixApplies(s, fix));
  const applyFix = useApp((s) => s.applyFix);
  const rows = Math.min(fix.insert.split('\n').length, MOST_ROWS);
  return (
    <div className="diag-fix">
      <CopyField label="ui.fix.text" value={fix.insert} copy="ui.fix.copy" copied="ui.fix.copied" multiline rows={rows}>
        <button type="button" className="share-action" disabled={!applies} onClick={() => applyFix(fix)}>
          {t('ui.fix.apply')}
        </button>
      </CopyField>
    </div>
  );
}
