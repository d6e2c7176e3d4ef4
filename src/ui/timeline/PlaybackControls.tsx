// Play/Pause, Step back, Step forward, the scrubber and the speed.

import { useApp, useAppStore } from '../../store/react';
import { useEffect, useRef } from 'react';
import { selectPlaying, selectSpeed, selectStepCount, selectStepIndex } from '../../store/selectors';
import type { AppState } from '../../store/types';
import './scrubber.css';
import { speeds } from '../../store/slices/playhead';
import { useT } from '../useT';

/**
 * The scrubber moves by steps, so its value changes once a step, not once a frame; the bar under
 * it follows the playhead smoothly through a store subscription that writes one CSS transform.
 */
function Scrubber() {
  const t = useT();
  const store = useAppStore();
  const step = useApp(selectStepIndex);
  const count = useApp(selectStepCount);
  const goToStep = useApp((s) => s.goToStep);
  const bar = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const place = (s: AppState) => {
      const f = s.timeline.duration > 0 ? s.t / s.timeline.duration : 0;
      if (bar.current) bar.current.style.transform = `scaleX(${f})`;
    };
    place(store.getState());
    return store.subscribe((s, prev) => {
      if (s.t !== prev.t || s.timeline !== prev.timeline) place(s);
    });
  }, [store]);
  return (
    <span className="scrubber-wrap">
      <input
        type="range"
        className="scrubber"
        aria-label={t('ui.timeline.scrubber')}
        aria-valuetext={count ? t('ui.timeline.step', { current: step + 1, total: count }) : undefined}
        min={0}
        max={Math.max(count - 1, 1)}
        step={1}
        value={Math.max(step, 0)}
        disabled={count === 0}
        onChange={(e) => goToStep(Number(e.target.value))}
      />
      <span className="scrub-progress" aria-hidden="true">
        <span ref={bar} />
      </span>
    </span>
  );
}

export function PlaybackControls() {
  const t = useT();
  const playing = useApp(selectPlaying);
  const speed = useApp(selectSpeed);
  const step = useApp(selectStepIndex);
  const count = useApp(selectStepCount);
  // Actions never change; reading them once keeps this component off the per-frame path.
  const { toggle, stepBack, stepForward, setSpeed } = useAppStore().getState();
  const none = count === 0;
  return (
    <div className="playback">
      <button
        type="button"
        className="icon"
        onClick={stepBack}
        disabled={none || step <= 0}
        aria-label={t('ui.timeline.stepBack')}
        title={t('ui.timeline.stepBack')}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 3h2v10H3zM13 3v10L6 8z" />
        </svg>
      </button>
      <button
        type="button"
        className="icon primary"
        onClick={toggle}
        disabled={none}
        aria-label={playing ? t('ui.timeline.pause') : t('ui.timeline.play')}
        title={playing ? t('ui.timeline.pause') : t('ui.timeline.play')}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          {playing ? <path d="M4 3h3v10H4zM9 3h3v10H9z" /> : <path d="M4 2.5v11L13 8z" />}
        </svg>
      </button>
      <button
        type="button"
        className="icon"
        onClick={stepForward}
        disabled={none || step >= count - 1}
        aria-label={t('ui.timeline.stepForward')}
        title={t('ui.timeline.stepForward')}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M11 3h2v10h-2zM3 3v10l7-5z" />
        </svg>
      </button>
      <Scrubber />
      <span className="step-count" aria-live="polite">
        {none ? t('ui.timeline.noTrace') : t('ui.timeline.step', { current: step + 1, total: count })}
      </span>
      <label className="speed">
        <span className="visually-hidden">{t('ui.timeline.speed')}</span>
        <select aria-label={t('ui.timeline.speed')} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
