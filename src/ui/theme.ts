// The colour theme from the address: `?theme=light|dark|auto` (a presentation option, so it
// lives in the query). It only sets `data-theme` on <html>; styles.css does the rest — `auto`
// takes the system's light or dark through color-scheme, and follows it when it changes.
// Without the parameter (or with an unknown value) the page stays light.

import type { Theme } from '../share';

const themes: readonly Theme[] = ['light', 'dark', 'auto'];

export function themeOf(search: string): Theme | null {
  const value = new URLSearchParams(search).get('theme');
  return themes.find((t) => t === value) ?? null;
}

export function applyTheme(search: string, root: HTMLElement): void {
  const theme = themeOf(search);
  if (theme) root.dataset.theme = theme;
}
