import { describe, expect, it, vi } from 'vitest';
import { deriveModel, walkPacket } from '../../model';
import { localeStorageKey, rememberedLocale } from './locale';

/** A page as it starts: its own i18n module with only the first language's messages loaded. */
async function freshPage() {
  vi.resetModules();
  const i18n = await import('../../i18n/i18n');
  const { createAppStore } = await import('../appStore');
  await i18n.loadCatalogue('en');
  const store = createAppStore({ deriveModel, walkPacket, locale: 'en' });
  return { i18n, store };
}

describe('switching language', () => {
  it('starts with only the chosen language and switches once the other one has arrived, never showing keys', async () => {
    const { i18n, store } = await freshPage();
    expect(i18n.catalogueLoaded('zh-CN')).toBe(false);
    store.getState().setLocale('zh-CN');
    // Until its messages are here the interface stays in English rather than showing bare keys.
    expect(store.getState().locale).toBe('en');
    await vi.waitFor(() => expect(store.getState().locale).toBe('zh-CN'));
    expect(i18n.t(store.getState().locale, 'ui.timeline.play')).toBe('播放');
  });

  it('ends on the last language picked, however the downloads finish', async () => {
    const { i18n, store } = await freshPage();
    store.getState().setLocale('zh-CN');
    store.getState().setLocale('en');
    expect(store.getState().locale).toBe('en');
    await i18n.loadCatalogue('zh-CN');
    expect(store.getState().locale).toBe('en');
  });
});

/** A storage holding one value under the locale's key. */
function storageWith(value: string) {
  const items = new Map([[localeStorageKey, value]]);
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the remembered language', () => {
  it('is the language the learner picked last time', () => {
    for (const locale of ['en', 'zh-CN', 'qps']) expect(rememberedLocale(storageWith(locale))).toBe(locale);
  });

  it('is nothing when a stored value names no language, and that value is removed so no later visit reads it', () => {
    for (const bad of ['xx', '__proto__', 'constructor', 'en\u0000', 'zh-cn', ' en', '']) {
      const storage = storageWith(bad);
      expect(rememberedLocale(storage), JSON.stringify(bad)).toBeNull();
      expect(storage.items.has(localeStorageKey), JSON.stringify(bad)).toBe(false);
    }
  });

  it('is nothing when storage is blocked or absent', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      removeItem: () => {},
    };
    expect(rememberedLocale(blocked)).toBeNull();
    expect(rememberedLocale(null)).toBeNull();
  });
});
