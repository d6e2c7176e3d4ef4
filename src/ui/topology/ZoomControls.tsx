// The camera's buttons: follow the packet, zoom in and out, fit the whole cluster. The keys
// + − 0 do the same outside text fields.

import { useEffect } from 'react';
import type { Rect } from '../../layout/types';
import { typingIn } from '../useKeyboard';
import { useT } from '../useT';
import type { CameraControls } from './useCamera';

const step = 1.25;

export function ZoomControls({ camera, whole }: { camera: CameraControls; whole: Rect }) {
  const t = useT();
  const { zoomBy, fitRect } = camera;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      if (e.key === '+' || e.key === '=') zoomBy(step);
      else if (e.key === '-' || e.key === '−') zoomBy(1 / step);
      else if (e.key === '0') fitRect(whole);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomBy, fitRect, whole]);
  return (
    <div className="zoom-controls" role="group">
      <button type="button" className="ghost" aria-pressed={camera.following} onClick={camera.follow} title={t('ui.camera.followHint')}>
        {t('ui.camera.follow')}
      </button>
      <button
        type="button"
        className="ghost icon-text"
        onClick={() => zoomBy(step)}
        aria-label={t('ui.camera.zoomIn')}
        title={t('ui.camera.zoomIn')}
      >
        +
      </button>
      <button
        type="button"
        className="ghost icon-text"
        onClick={() => zoomBy(1 / step)}
        aria-label={t('ui.camera.zoomOut')}
        title={t('ui.camera.zoomOut')}
      >
        −
      </button>
      <button type="button" className="ghost" onClick={() => fitRect(whole)} title={t('ui.camera.fitAllHint')}>
        {t('ui.camera.fitAll')}
      </button>
    </div>
  );
}
