import { afterEach, describe, expect, it, vi } from 'vitest';
import { appUrl, embedSnippet, embedUrl } from './links';

const at = (href: string) => vi.stubGlobal('location', new URL(href));
afterEach(() => vi.unstubAllGlobals());

describe('appUrl and embedUrl', () => {
  it('point next to the page, whatever sub-path the site is served from, with presentation in the query', () => {
    at('https://example.org/docs/packetwalk/?lang=zh-CN&theme=dark#v1.old');
    expect(appUrl('v1.abc')).toBe('https://example.org/docs/packetwalk/#v1.abc');
    expect(appUrl('v1.abc', { lang: 'zh-CN', theme: 'dark' })).toBe('https://example.org/docs/packetwalk/?lang=zh-CN&theme=dark#v1.abc');
    expect(embedUrl('v1.abc', { lang: 'en', theme: 'auto', step: 4, autoplay: true, controls: 'min', editor: false })).toBe(
      'https://example.org/docs/packetwalk/embed.html?lang=en&theme=auto&step=4&autoplay=1&controls=min&editor=0#v1.abc',
    );
    expect(embedUrl('v1.abc')).toBe('https://example.org/docs/packetwalk/embed.html#v1.abc');
  });

  it('name index.html when the page was opened by its file name (a host without a directory index)', () => {
    at('https://example.org/pw/embed.html?step=3#v1.x');
    expect(appUrl('v1.abc', { theme: 'light' })).toBe('https://example.org/pw/index.html?theme=light#v1.abc');
    expect(embedUrl('v1.abc', { editor: true })).toBe('https://example.org/pw/embed.html?editor=1#v1.abc');
  });
});

describe('embedSnippet', () => {
  it('is an iframe that fills the column, lazy, with the title and height given', () => {
    expect(embedSnippet('https://e.org/pw/embed.html#v1.abc', { title: 'PacketWalk: hostnames', height: 480.4, autoHeight: false })).toBe(
      '<iframe src="https://e.org/pw/embed.html#v1.abc" title="PacketWalk: hostnames" loading="lazy" style="width:100%;border:0" height="480"></iframe>',
    );
  });

  it('escapes what it puts in attributes', () => {
    const snippet = embedSnippet('https://e.org/embed.html?a=1&b="2"#v1.x', {
      title: '"><script>alert(1)</script>',
      height: 400,
      autoHeight: false,
    });
    expect(snippet).toContain('src="https://e.org/embed.html?a=1&amp;b=&quot;2&quot;#v1.x"');
    expect(snippet).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(snippet.match(/<script>/g)).toBeNull();
  });

  it('with auto-height, adds a script that sizes only its own frame from packetwalk:resize', () => {
    const snippet = embedSnippet('https://e.org/embed.html#v1.x', { title: 'PacketWalk', height: 400, autoHeight: true });
    const [frameHtml, script] = snippet.split('\n<script>\n');
    expect(frameHtml).toMatch(/^<iframe [^>]*><\/iframe>$/);
    // Run the script against a stand-in page: the frame before it, and messages from two windows.
    const body = script!.replace(/<\/script>$/, '');
    const frame = { contentWindow: {}, style: { height: '' } };
    let listener: (e: { source: unknown; data: unknown }) => void = () => {};
    new Function('addEventListener', 'document', body)((_: string, fn: typeof listener) => (listener = fn), {
      currentScript: { previousElementSibling: frame },
    });
    listener({ source: {}, data: { type: 'packetwalk:resize', height: 900 } });
    expect(frame.style.height).toBe('');
    listener({ source: frame.contentWindow, data: { type: 'packetwalk:step', step: 2 } });
    expect(frame.style.height).toBe('');
    listener({ source: frame.contentWindow, data: { type: 'packetwalk:resize', height: 612.3 } });
    expect(frame.style.height).toBe('613px');
    listener({ source: frame.contentWindow, data: { type: 'packetwalk:resize', height: 'x' } });
    expect(frame.style.height).toBe('613px');
  });
});
