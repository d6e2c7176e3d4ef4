import { describe, expect, it } from 'vitest';
import { en as enPlayer } from './en';
import { enApp } from './en.app';
import { initialLocale, t, translateDiagnostic, translateExplanation } from './i18n';
import { zhCN as zhCNPlayer } from './zh-CN';
import { zhCNApp } from './zh-CN.app';

// Both parts of each language: the player's and the app's.
const en = { ...enPlayer, ...enApp };
const zhCN = { ...zhCNPlayer, ...zhCNApp };

describe('t', () => {
  it('translates interface text into Chinese', () => {
    expect(t('en', 'ui.timeline.play')).toBe('Play');
    expect(t('zh-CN', 'ui.timeline.play')).toBe('播放');
  });

  it('fills parameters', () => {
    expect(t('en', 'ui.timeline.step', { current: 2, total: 9 })).toBe('Step 2 of 9');
  });

  it('shows an unknown key as itself instead of failing', () => {
    expect(t('zh-CN', 'diag.not.written.yet')).toBe('diag.not.written.yet');
    expect(translateDiagnostic('en', { code: 'nobody.wrote.this', params: {} })).toBe('diag.nobody.wrote.this');
  });

  it('wraps every message in the pseudo-locale so hard-coded text stands out', () => {
    expect(t('qps', 'ui.timeline.pause')).toBe('⟦Pause⟧');
  });

  it("fills an explanation's parameters in either language", () => {
    const e = { key: 'explain.pod.send', params: { pod: 'default/client' } } as const;
    expect(translateExplanation('en', e)).toContain('default/client');
    expect(translateExplanation('zh-CN', e)).toContain('default/client');
    expect(translateExplanation('zh-CN', e)).not.toBe(translateExplanation('en', e));
  });
});

describe('catalogues', () => {
  it('has no empty Chinese message', () => {
    const empty = Object.entries(zhCN).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(en).filter(
      (k) => names((en as Record<string, string>)[k]).join() !== names((zhCN as Record<string, string>)[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('initialLocale', () => {
  it('prefers ?lang=, then the browser language', () => {
    expect(initialLocale('?lang=zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLocale('', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLocale('', ['de-DE'])).toBe('en');
  });

  it("takes the learner's remembered pick over the browser language, and ?lang= over both", () => {
    expect(initialLocale('', ['en-US'], 'zh-CN')).toBe('zh-CN');
    expect(initialLocale('?lang=en', ['zh-CN'], 'zh-CN')).toBe('en');
  });

  it('passes over an address or remembered value that names no language, whatever it holds', () => {
    for (const bad of ['xx', '__proto__', 'constructor', 'en\u0000', 'EN', '']) {
      expect(initialLocale(`?lang=${encodeURIComponent(bad)}`, ['de-DE'], bad), JSON.stringify(bad)).toBe('en');
      expect(initialLocale(`?lang=${encodeURIComponent(bad)}`, ['zh-CN'], bad), JSON.stringify(bad)).toBe('zh-CN');
    }
    expect(initialLocale('?lang=xx', ['de-DE'], 'zh-CN')).toBe('zh-CN');
  });
});
