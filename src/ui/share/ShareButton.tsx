// The header's Share button. The dialog (and the link and picture code behind it) loads on the
// first click, so the app's first load stays small; closing it gives the focus back here.
// What is shared is the step on screen at the click: playback stops there, so the learner also
// finds it again on closing.

import { lazy, Suspense, useRef, useState } from 'react';
import { useAppStore } from '../../store/react';
import { useT } from '../useT';
import './share.css';

const ShareDialog = lazy(() => import('./ShareDialog'));

export function ShareButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const store = useAppStore();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="share-button"
        aria-haspopup="dialog"
        onClick={() => {
          store.getState().pause();
          setOpen(true);
        }}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 1.5 4.75 4.75l1.06 1.06L7.25 4.37V10h1.5V4.37l1.44 1.44 1.06-1.06z M3 7.5h1.5v6h7v-6H13V15H3z" />
        </svg>
        {t('ui.share.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
