import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundaryText, errorDetail } from './boundaryText';

describe("a failed part's message", () => {
  afterEach(() => {
    vi.doUnmock('../../i18n/i18n');
    vi.resetModules();
  });

  it("is in the learner's language", () => {
    expect(boundaryText('en', 'ui.boundary.stopped')).toBe('This part of the page hit a problem and stopped. Your manifests are safe.');
    expect(boundaryText('zh-CN', 'ui.boundary.retry')).toBe('重试');
    expect(boundaryText('qps', 'ui.boundary.retry')).toBe('⟦Try again⟧');
  });

  it("is in English, not a bare key, when the language's catalogue never arrived", async () => {
    vi.resetModules();
    const fresh = await import('./boundaryText');
    expect(fresh.boundaryText('zh-CN', 'ui.boundary.stopped')).toBe(
      'This part of the page hit a problem and stopped. Your manifests are safe.',
    );
    expect(fresh.boundaryText('zh-CN', 'ui.boundary.details')).toBe('Details');
  });

  it('is in English when translating throws', async () => {
    vi.resetModules();
    vi.doMock('../../i18n/i18n', () => ({
      catalogueLoaded: () => true,
      t: () => {
        throw new Error('broken catalogue');
      },
    }));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fresh = await import('./boundaryText');
    expect(fresh.boundaryText('zh-CN', 'ui.boundary.retry')).toBe('Try again');
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe("a failed part's details", () => {
  it('name the error and its message', () => {
    expect(errorDetail(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(errorDetail('thrown text')).toBe('thrown text');
    expect(errorDetail(undefined)).toBe('undefined');
  });

  it('cut a long message short', () => {
    const detail = errorDetail(new Error('a'.repeat(5_000_000)));
    expect(detail.length).toBeLessThanOrEqual(501);
    expect(detail.endsWith('…')).toBe(true);
  });

  it('survive a thrown value that cannot be turned into text', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(errorDetail(hostile)).toBe('[object Object]');
    expect(errorDetail(Object.create(null))).toBe('[object Object]');
  });
});
