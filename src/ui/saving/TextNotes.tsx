// What became of the learner's text, when it is not simply saved: storage refused it (the text is
// only in this tab; download it), or another tab saved a different version of it (the learner
// chooses which to keep). Both stay until resolved; neither blocks the page.

import { downloadFile } from '../../export/download';
import { useApp, useAppStore } from '../../store/react';
import { useT } from '../useT';
import '../share/link.css';

const yaml = 'application/yaml';

/** `manifests.yaml` → `manifests-other-tab.yaml`. */
const otherTabs = (name: string) => name.replace(/(\.ya?ml)?$/, '-other-tab$1');

export function TextNotes() {
  const t = useT();
  const failed = useApp((s) => s.saveFailed);
  const theirs = useApp((s) => s.theirs);
  const fileName = useApp((s) => s.fileName);
  const store = useAppStore();
  const { keepMine, takeTheirs } = store.getState();
  // Read on click: the text changes with every keystroke, this component need not.
  const downloadMine = () => downloadFile(fileName, store.getState().text, yaml);
  return (
    <>
      {theirs && (
        <div className="link-note problem" role="alert">
          <p>{t('ui.saving.theirs')}</p>
          <button type="button" className="ghost" onClick={keepMine}>
            {t('ui.saving.keepMine')}
          </button>
          <button type="button" className="ghost" onClick={takeTheirs}>
            {t('ui.saving.takeTheirs')}
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              downloadFile(otherTabs(fileName), theirs.text, yaml);
              keepMine();
            }}
          >
            {t('ui.saving.keepBoth')}
          </button>
        </div>
      )}
      {failed && !theirs && (
        <div className="link-note problem" role="alert">
          <p>{t('ui.saving.failed')}</p>
          <button type="button" className="ghost" onClick={downloadMine}>
            {t('ui.saving.download')}
          </button>
        </div>
      )}
    </>
  );
}
