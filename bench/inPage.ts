/// <reference lib="dom" />
// What the playback benchmark runs inside the page (passed to Playwright's evaluate, so each
// function is self-contained: no imports, no outer variables).

export interface PlaybackSample {
  /** requestAnimationFrame deltas, ms. */
  deltas: number[];
  /** Durations of the long tasks (> 50 ms) the browser reported, ms. */
  longTasks: number[];
  /** How often the walk reached its end and was played again. */
  replays: number;
}

/** Clicks Play, records every frame's delta for `ms` of playback, then pauses. */
export function recordPlayback(play: HTMLElement, ms: number): Promise<PlaybackSample> {
  // The same button says Play or Pause; its label when paused tells whether the walk has stopped.
  const label = (el: HTMLElement) => el.getAttribute('aria-label') ?? el.textContent;
  const paused = label(play);
  const deltas: number[] = [];
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  let replays = 0;
  let first = 0;
  let last = 0;
  play.click();
  return new Promise((resolve) => {
    const frame = (now: number) => {
      if (last) deltas.push(now - last);
      else first = now;
      last = now;
      if (label(play) === paused) {
        replays++;
        play.click();
      }
      if (now - first < ms) {
        requestAnimationFrame(frame);
        return;
      }
      observer.disconnect();
      if (label(play) !== paused) play.click();
      resolve({ deltas, longTasks, replays });
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Clicks the button (none: measures what the measuring itself costs) and resolves once the frame
 * that shows the change has been rendered: a message posted from that frame's requestAnimationFrame
 * runs after its style, layout and paint. The click runs in a task of its own, so the browser
 * counts its script as script rather than as the DevTools command that asked for it.
 */
export function clickAndPaint(button: HTMLElement | null): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      button?.click();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    });
  });
}

/**
 * Clicks the button and returns the milliseconds of main-thread work of the frame that shows the
 * click: the click's own task, then that frame's rendering, from its first requestAnimationFrame
 * callback (ours, asked for before the click) until the first task after its paint. What the app
 * defers to a later task (after that paint) is not counted here; the CDP window around it is.
 */
export function clickFrameWork(button: HTMLElement): Promise<number> {
  return new Promise((resolve) => {
    setTimeout(() => {
      let clickTask = 0;
      requestAnimationFrame(() => {
        const frameStart = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(clickTask + performance.now() - frameStart);
        channel.port2.postMessage(null);
      });
      const start = performance.now();
      button.click();
      clickTask = performance.now() - start;
    });
  });
}
