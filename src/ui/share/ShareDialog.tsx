// The Share dialog: a link that reopens this very step (with its QR code), the embed code for a
// page, and pictures to download. A modal <dialog>: the focus moves in, Esc or Close shut it,
// and the walk behind it stays where the link says.

import { useEffect, useMemo, useRef, useState } from 'react';
import { qrCode } from '../../export';
import type { Locale } from '../../i18n/i18n';
import { appUrl, encodeShare, shareStateOf } from '../../share';
import { scenarioTitle } from '../../store/gallery';
import { useAppStore } from '../../store/react';
import { themeOf } from '../theme';
import { useT } from '../useT';
import { CopyField } from './CopyField';
import { EmbedCode } from './EmbedCode';
import { ImageDownloads } from './ImageDownloads';
import { QrCode } from './QrCode';

/** Longer than this, some chat apps and sites cut a link short. */
const longLink = 2000;

interface Links {
  /** The fragment of this step, and of the same state from its first step. */
  fragment: string;
  fromStart: string;
}

/** The language a link carries: none for the test pseudo-locale. */
const linkLocale = (locale: Locale) => (locale === 'qps' ? undefined : locale);

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useAppStore();
  const dialog = useRef<HTMLDialogElement>(null);
  // A click on the backdrop closes; a text selection dragged out of the dialog does not.
  const pressedOnBackdrop = useRef(false);
  // What is shared is the state when the dialog opened (Share paused the walk; the modal keeps it still).
  const [state] = useState(() => store.getState());
  const [links, setLinks] = useState<Links | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const step = state.trace && state.selectedStep >= 0 ? state.selectedStep + 1 : 0;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    const share = shareStateOf(state);
    // Without a step the state opens on its first one.
    Promise.all([encodeShare(share), encodeShare({ ...share, step: undefined })])
      .then(([fragment, fromStart]) => live && setLinks({ fragment, fromStart }))
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [state]);

  // The page's theme, if it was asked for, travels with the link and is the embed's first choice.
  const [theme] = useState(() => themeOf(location.search));
  const link = links && appUrl(links.fragment, { lang: linkLocale(state.locale), ...(theme ? { theme } : {}) });
  const qr = useMemo(() => (link ? qrCode(link) : null), [link]);
  const entry = state.gallery.find((e) => e.id === state.scenario);

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby="share-heading"
      onClose={onClose}
      // The app's keys (Space, ←, →) would move the walk behind the modal.
      onKeyDown={(e) => e.stopPropagation()}
      // The dialog's own box is only its backdrop: its content sits in .share-body.
      onPointerDown={(e) => (pressedOnBackdrop.current = e.target === e.currentTarget)}
      onClick={(e) => pressedOnBackdrop.current && e.target === e.currentTarget && e.currentTarget.close()}
    >
      <div className="share-body">
        <header className="share-head">
          <h2 id="share-heading">{t('ui.share.heading')}</h2>
          <button type="button" className="share-action" onClick={() => dialog.current?.close()}>
            {t('ui.share.close')}
          </button>
        </header>
        <p className="muted share-intro">{t('ui.share.intro')}</p>
        {failure && (
          <p className="share-error" role="alert">
            {t('ui.share.failed', { reason: failure })}
          </p>
        )}
        {!links && !failure && <p role="status">{t('ui.share.preparing')}</p>}
        {links && link && (
          <>
            <section className="share-link" aria-labelledby="share-link-heading">
              <h3 id="share-link-heading">{t('ui.share.link.heading')}</h3>
              <div className="share-link-body">
                <CopyField
                  label="ui.share.link.label"
                  value={link}
                  copy="ui.share.link.copy"
                  copied="ui.share.link.copied"
                  note={link.length > longLink && <p className="share-note">{t('ui.share.link.long', { length: link.length })}</p>}
                />
                <QrCode qr={qr} />
              </div>
            </section>
            <section aria-labelledby="share-embed-heading">
              <h3 id="share-embed-heading">{t('ui.share.embed.heading')}</h3>
              <EmbedCode
                fragment={links.fragment}
                fromStart={links.fromStart}
                step={step}
                locale={state.locale}
                theme={theme ?? 'light'}
                titleIn={(l) => (entry ? scenarioTitle(entry, l) : null)}
              />
            </section>
            <section aria-labelledby="share-images-heading">
              <h3 id="share-images-heading">{t('ui.share.images.heading')}</h3>
              <p className="muted">{t('ui.share.images.intro')}</p>
              <ImageDownloads link={qr ? link : null} step={step} scenario={state.scenario} />
            </section>
          </>
        )}
      </div>
    </dialog>
  );
}
