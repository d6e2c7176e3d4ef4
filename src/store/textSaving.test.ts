import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioText } from '../../e2e/fixtures/scenario';
import { deriveModel, walkPacket } from '../model';
import { createAppStore, type AppStore } from './appStore';
import { computeKey } from './computeMarker';
import { storageKeys } from './storage';
import { saveQuietMs } from './textSaver';
import type { StoreDeps } from './types';
import { watchPage, type PageEvents } from './watchPage';

const hostnames = scenarioText('hostnames');
const deps = (extra: Partial<StoreDeps> = {}) => ({ deriveModel, walkPacket, reducedMotion: true, ...extra });

/** A page's window as far as watchPage needs: events, and whether it is hidden. */
function fakePage(): PageEvents & EventTarget & { document: EventTarget & { visibilityState: DocumentVisibilityState } } {
  return Object.assign(new EventTarget(), {
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState }),
  });
}

/**
 * One origin's localStorage seen by several tabs: a tab's write is told to the OTHER tabs as a
 * `storage` event, delivered later (as a browser does) by `deliver()`. `full` makes every write throw.
 */
function browser(initial: Record<string, string> = {}) {
  const data: Record<string, string> = { ...initial };
  const queued: { to: EventTarget; key: string; value: string }[] = [];
  const pages: EventTarget[] = [];
  const writes: string[] = [];
  const state = { full: false };
  const tab = (): { store: AppStore; page: ReturnType<typeof fakePage> } => {
    const page = fakePage();
    pages.push(page);
    const storage = {
      getItem: (k: string) => data[k] ?? null,
      setItem: (k: string, v: string) => {
        if (state.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        data[k] = v;
        // The note of the text being computed (computeMarker.ts) is not the text.
        if (k !== computeKey) writes.push(k);
        for (const to of pages) if (to !== page) queued.push({ to, key: k, value: v });
      },
    };
    const store = createAppStore(deps({ storage }));
    watchPage(store, page);
    return { store, page };
  };
  const deliver = () => {
    for (const { to, key, value } of queued.splice(0)) to.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: value }));
  };
  return { data, writes, state, tab, deliver };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('saving the text', () => {
  it('writes once per pause in typing, under one key, and the next visit finds it', () => {
    const b = browser();
    const { store } = b.tab();
    for (const text of ['k', 'ki', 'kin', 'kind', 'kind: Pod\n']) {
      store.getState().setText(text);
      vi.advanceTimersByTime(saveQuietMs / 3);
    }
    expect(b.writes).toEqual([]);
    vi.advanceTimersByTime(saveQuietMs);
    expect(b.writes).toEqual([storageKeys.mine]);
    expect(b.data[storageKeys.mine]).toBe('kind: Pod\n');
    expect(b.tab().store.getState()).toMatchObject({ text: 'kind: Pod\n', restored: true, scenario: null });
  });

  it('stores a paste before computing it, so a paste that stops the page is not lost', () => {
    const b = browser();
    const { store } = b.tab();
    // A paste: more than 1,000 characters at once (the scenario and a long comment).
    const pasted = `${hostnames}# ${'pasted '.repeat(200)}\n`;
    store.getState().setText(pasted);
    // Written at once, not after the pause in typing.
    expect(b.data[storageKeys.mine]).toBe(pasted);
    expect(b.writes).toEqual([storageKeys.mine]);
    store.getState().setText(`${pasted}#`);
    vi.advanceTimersByTime(saveQuietMs / 3);
    // Typing after it waits for the pause again.
    expect(b.writes).toEqual([storageKeys.mine]);
  });

  it.each(['pagehide', 'visibilitychange'])('writes the waiting edit at once on %s', (event) => {
    const b = browser();
    const { store, page } = b.tab();
    store.getState().setText('kind: Pod\n');
    page.document.visibilityState = 'hidden';
    (event === 'pagehide' ? page : page.document).dispatchEvent(new Event(event));
    expect(b.data[storageKeys.mine]).toBe('kind: Pod\n');
  });

  it('keeps an edit of a scenario as that scenario’s draft, written alone', () => {
    const b = browser();
    const { store } = b.tab();
    store.getState().openScenario('hostnames', hostnames);
    b.writes.length = 0;
    store.getState().setText(`${hostnames}# tried\n`);
    vi.advanceTimersByTime(saveQuietMs);
    expect(b.writes).toEqual([storageKeys.draft('hostnames')]);
    expect(b.tab().store.getState()).toMatchObject({ text: `${hostnames}# tried\n`, scenario: 'hostnames', edited: true });
  });

  it.each([
    ['before the gallery (one text)', { [storageKeys.text]: '# old\n' }, { text: '# old\n', mine: '# old\n', scenario: null }],
    [
      'the learner’s own, copied under two keys',
      { [storageKeys.text]: '# mine\n', [storageKeys.scenario]: '', [storageKeys.mine]: '# mine\n' },
      { text: '# mine\n', mine: '# mine\n', scenario: null },
    ],
    [
      'a scenario’s draft, copied under two keys',
      {
        [storageKeys.text]: '# tried\n',
        [storageKeys.scenario]: 'hostnames',
        [storageKeys.draft('hostnames')]: '# tried\n',
        [storageKeys.mine]: '# mine\n',
      },
      { text: '# tried\n', mine: '# mine\n', scenario: 'hostnames', edited: true },
    ],
    [
      'a scenario as shipped',
      { [storageKeys.text]: hostnames, [storageKeys.scenario]: 'hostnames', [storageKeys.draft('hostnames')]: '' },
      { text: hostnames, scenario: 'hostnames', edited: false },
    ],
    [
      'an edit of a shared link',
      { [storageKeys.text]: '# shared\n', [storageKeys.scenario]: 'hostnames', [storageKeys.shared]: '1', [storageKeys.mine]: '# mine\n' },
      { text: '# shared\n', mine: '# mine\n', shared: true },
    ],
  ])('restores a visitor’s earlier layout: %s', (_, stored, expected) => {
    expect(browser(stored).tab().store.getState()).toMatchObject({ restored: true, ...expected });
  });
});

describe('a failed save', () => {
  it('says the text is not saved, keeps it in the tab, and clears once a save succeeds', () => {
    const b = browser();
    const { store, page } = b.tab();
    b.state.full = true;
    store.getState().setText('kind: Pod\n');
    vi.advanceTimersByTime(saveQuietMs);
    expect(store.getState()).toMatchObject({ saveFailed: true, text: 'kind: Pod\n' });
    // Room again (the learner freed some): the edit still waiting is written when the page hides.
    b.state.full = false;
    page.dispatchEvent(new Event('pagehide'));
    expect(store.getState().saveFailed).toBe(false);
    expect(b.data[storageKeys.mine]).toBe('kind: Pod\n');
  });

  it('is not warned of for a scenario as shipped (it can be fetched again), but is for the learner’s own text', () => {
    const b = browser();
    const { store } = b.tab();
    store.getState().setText('# mine\n');
    b.state.full = true;
    store.getState().openScenario('hostnames', hostnames);
    expect(store.getState()).toMatchObject({ saveFailed: false, text: hostnames });
    store.getState().setText(`${hostnames}# tried\n`);
    vi.advanceTimersByTime(saveQuietMs);
    expect(store.getState().saveFailed).toBe(true);
    store.getState().backToMine();
    expect(store.getState()).toMatchObject({ saveFailed: true, text: '# mine\n' });
  });
});

describe('two tabs', () => {
  const typeIn = (store: AppStore, text: string) => {
    store.getState().setText(text);
    vi.advanceTimersByTime(saveQuietMs);
  };

  it('a tab without edits of its own follows the other silently', () => {
    const b = browser();
    const a = b.tab().store;
    const other = b.tab().store;
    typeIn(a, '# from a\n');
    b.deliver();
    expect(other.getState()).toMatchObject({ text: '# from a\n', mine: '# from a\n', theirs: null });
  });

  it('a tab showing a scenario as shipped follows the other tab’s edit of it', () => {
    const b = browser();
    const a = b.tab().store;
    const other = b.tab().store;
    a.getState().openScenario('hostnames', hostnames);
    other.getState().openScenario('hostnames', hostnames);
    typeIn(a, `${hostnames}# a\n`);
    b.deliver();
    expect(other.getState()).toMatchObject({ text: `${hostnames}# a\n`, edited: true, theirs: null });
  });

  /** Both tabs type at once; `other` hears of `a`'s write while its own edit waits. */
  function clash() {
    const b = browser({ [storageKeys.mine]: '# base\n' });
    const a = b.tab().store;
    const other = b.tab().store;
    a.getState().setText('# from a\n');
    other.getState().setText('# from other\n');
    vi.advanceTimersByTime(saveQuietMs / 2);
    a.getState().saveText();
    b.deliver();
    return { b, a, other };
  }

  it('a tab with its own edit is told, and writes nothing until the learner chooses', () => {
    const { b, other } = clash();
    expect(other.getState()).toMatchObject({ text: '# from other\n', theirs: { key: storageKeys.mine, text: '# from a\n' } });
    other.getState().setText('# from other, more\n');
    vi.advanceTimersByTime(saveQuietMs * 3);
    other.getState().saveText();
    expect(b.data[storageKeys.mine]).toBe('# from a\n');
  });

  it('keep mine: this tab’s text is stored, and the other tab follows it', () => {
    const { b, a, other } = clash();
    other.getState().keepMine();
    expect(other.getState().theirs).toBeNull();
    expect(b.data[storageKeys.mine]).toBe('# from other\n');
    b.deliver();
    expect(a.getState().text).toBe('# from other\n');
    expect(b.tab().store.getState().text).toBe('# from other\n');
  });

  it('take theirs: the other tab’s text replaces this tab’s edit, which is not written', () => {
    const { b, other } = clash();
    other.getState().takeTheirs();
    expect(other.getState()).toMatchObject({ text: '# from a\n', mine: '# from a\n', theirs: null });
    vi.advanceTimersByTime(saveQuietMs);
    expect(b.data[storageKeys.mine]).toBe('# from a\n');
    expect(b.tab().store.getState().text).toBe('# from a\n');
  });

  it('the other tab arriving at this tab’s very text ends the question', () => {
    const { b, a, other } = clash();
    typeIn(a, '# from other\n');
    b.deliver();
    expect(other.getState().theirs).toBeNull();
    other.getState().setText('# from other, and more\n');
    vi.advanceTimersByTime(saveQuietMs);
    expect(b.data[storageKeys.mine]).toBe('# from other, and more\n');
  });

  it('a write the storage event never told of is not overwritten: the text there is checked first', () => {
    const b = browser({ [storageKeys.mine]: '# base\n' });
    const a = b.tab().store;
    const other = b.tab().store;
    typeIn(a, '# from a\n');
    // No deliver(): a frozen or back-forward-cached page misses the event.
    typeIn(other, '# from other\n');
    expect(b.data[storageKeys.mine]).toBe('# from a\n');
    expect(other.getState().theirs).toEqual({ key: storageKeys.mine, text: '# from a\n' });
  });

  it('another tab opening a scenario leaves this tab’s edit of a shared link alone', () => {
    const b = browser({ [storageKeys.text]: '# shared\n', [storageKeys.shared]: '1', [storageKeys.scenario]: '' });
    const a = b.tab().store;
    const other = b.tab().store;
    a.getState().openScenario('hostnames', hostnames);
    b.deliver();
    expect(other.getState()).toMatchObject({ text: '# shared\n', shared: true, theirs: null });
  });
});
