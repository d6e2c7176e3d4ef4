import { describe, expect, it, vi } from 'vitest';
import { deriveModel, walkPacket } from '../../model';

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
