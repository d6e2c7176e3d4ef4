// Space plays/pauses, ← and → step — unless the learner is typing somewhere.

import { useEffect } from 'react';
import { useAppStore } from '../store/react';

export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest('input, select, textarea, .cm-editor');
}

export function useKeyboard(): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      const s = store.getState();
      if (e.key === ' ') {
        // A focused button already reacts to Space by clicking itself.
        if (e.target instanceof HTMLElement && e.target.closest('button, a, summary')) return;
        s.toggle();
      } else if (e.key === 'ArrowRight') s.stepForward();
      else if (e.key === 'ArrowLeft') s.stepBack();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
