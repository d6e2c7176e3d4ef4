// The height the player wants, whatever height its frame has now. The player fills its frame, and
// one part of it stretches (`data-grow`: the picture on a wide frame, the step's card on a narrow
// one) and scrolls inside when squeezed. Its natural height is the frame's with that part at the
// size it needs: its CSS min-height, or its content (`data-content`), whichever is more. Nothing
// here depends on the frame's height, so sizing the frame to it settles at once.

export function naturalHeight(root: HTMLElement): number {
  const grow = root.querySelector<HTMLElement>('[data-grow]');
  if (!grow) return root.scrollHeight;
  const content = grow.querySelector<HTMLElement>(':scope > [data-content]');
  const wanted = Math.max(parseFloat(getComputedStyle(grow).minHeight) || 0, content?.offsetHeight ?? 0);
  return root.scrollHeight - grow.offsetHeight + wanted;
}

/** What resizing may change the natural height: the frame, the stretching part and its content. */
export function heightWatched(root: HTMLElement): Element[] {
  return [root, ...root.querySelectorAll('[data-grow], [data-grow] > [data-content]')];
}
