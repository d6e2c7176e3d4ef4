import { describe, expect, it } from 'vitest';
import { applyTheme, themeOf } from './theme';

describe('the theme from the address', () => {
  it('reads light, dark and auto beside the other parameters', () => {
    expect(themeOf('?theme=dark')).toBe('dark');
    expect(themeOf('?lang=zh-CN&theme=auto')).toBe('auto');
    expect(themeOf('?theme=light&lang=en')).toBe('light');
  });

  it('ignores a missing or unknown theme, so the page stays light', () => {
    expect(themeOf('')).toBeNull();
    expect(themeOf('?theme=DARK')).toBeNull();
    expect(themeOf('?theme=<script>')).toBeNull();
    // Names an object already has, and a value with a trailing NUL, are not themes either.
    for (const bad of ['__proto__', 'constructor', 'toString', 'dark%00', 'dark%20', '']) expect(themeOf(`?theme=${bad}`), bad).toBeNull();
  });

  it('marks the page with the theme asked for, and leaves it unmarked otherwise', () => {
    const root = { dataset: {} } as HTMLElement;
    applyTheme('?theme=solarized', root);
    expect(root.dataset.theme).toBeUndefined();
    applyTheme('?theme=dark', root);
    expect(root.dataset.theme).toBe('dark');
  });
});
