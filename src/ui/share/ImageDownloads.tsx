// Pictures for where a live player cannot go: this step as SVG or PNG, the whole walk as a GIF.
// The renderer, its fonts and the GIF encoder load only when a download is asked for (src/export
// imports them on first use).

import { useState } from 'react';
import { downloadFile, renderStepSvg, renderWalkGif, svgToPng } from '../../export';
import { useAppStore } from '../../store/react';
import { useT } from '../useT';

type Format = 'SVG' | 'PNG' | 'GIF';

type Work = { kind: 'idle' } | { kind: 'drawing'; format: Format; done?: number; of?: number } | { kind: 'saved'; file: string };

interface Props {
  /** The share link, drawn as a QR code in a corner when asked for; null when it is too long for a QR code. */
  link: string | null;
  /** 1-based; 0 when there is no walk to draw. */
  step: number;
  /** The scenario's id, or null for the learner's own manifests. */
  scenario: string | null;
}

export function ImageDownloads({ link, step, scenario }: Props) {
  const t = useT();
  const store = useAppStore();
  const [caption, setCaption] = useState(true);
  const [qr, setQr] = useState(false);
  const [work, setWork] = useState<Work>({ kind: 'idle' });
  const [error, setError] = useState<{ format: Format; reason: string } | null>(null);
  const base = `packetwalk-${scenario ?? 'manifests'}`;
  const busy = work.kind === 'drawing';

  const download = async (format: Format) => {
    setError(null);
    setWork({ kind: 'drawing', format });
    try {
      const state = store.getState();
      let file: string;
      if (format === 'GIF') {
        file = `${base}-walk.gif`;
        const gif = await renderWalkGif(state, { caption, onProgress: (done, of) => setWork({ kind: 'drawing', format, done, of }) });
        downloadFile(file, gif);
      } else {
        file = `${base}-step-${step}.${format.toLowerCase()}`;
        const svg = await renderStepSvg(state, { step, caption, link: qr && link ? link : undefined });
        if (format === 'SVG') downloadFile(file, svg, 'image/svg+xml');
        else downloadFile(file, await svgToPng(svg));
      }
      setWork({ kind: 'saved', file });
    } catch (e) {
      setWork({ kind: 'idle' });
      setError({ format, reason: e instanceof Error ? e.message : String(e) });
    }
  };

  if (step === 0) return <p className="muted">{t('ui.share.images.noWalk')}</p>;
  return (
    <>
      <div className="image-options">
        <label className="check">
          <input type="checkbox" checked={caption} onChange={(e) => setCaption(e.target.checked)} />
          {t('ui.share.images.caption')}
        </label>
        {link && (
          <label className="check">
            <input type="checkbox" checked={qr} onChange={(e) => setQr(e.target.checked)} />
            {t('ui.share.images.qr')}
          </label>
        )}
      </div>
      <div className="image-buttons">
        {(['SVG', 'PNG', 'GIF'] as const).map((format) => (
          <button key={format} type="button" className="share-action" disabled={busy} onClick={() => download(format)}>
            {t(`ui.share.images.${format.toLowerCase() as 'svg' | 'png' | 'gif'}`)}
          </button>
        ))}
      </div>
      {/* The live region says what is happening once; the frame count beside it is not read out at every frame. */}
      <div className="image-status">
        <span role="status">
          {work.kind === 'drawing' && t('ui.share.images.drawing', { format: work.format })}
          {work.kind === 'saved' && t('ui.share.images.saved', { file: work.file })}
        </span>
        {work.kind === 'drawing' && work.of !== undefined && (
          <span className="gif-progress">
            <progress
              max={work.of}
              value={work.done}
              aria-label={t('ui.share.images.gifProgress', { done: work.done ?? 0, of: work.of })}
            />
            <span aria-hidden="true">{t('ui.share.images.gifProgress', { done: work.done ?? 0, of: work.of })}</span>
          </span>
        )}
      </div>
      {error && (
        <p className="share-error" role="alert">
          {t('ui.share.images.failed', error)}
        </p>
      )}
    </>
  );
}
