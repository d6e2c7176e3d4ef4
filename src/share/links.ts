// Addresses built from a link's fragment: the full app and the embed player, both next to the
// current page (so a build works from any sub-path), and the HTML snippet that embeds the player.

import type { Locale } from '../i18n/i18n';

export type Theme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  lang?: Locale;
  theme?: Theme;
  /** 1-based; overrides the step the fragment carries. */
  step?: number;
  autoplay?: boolean;
  controls?: 'full' | 'min';
  editor?: boolean;
}

/** The query keeps presentation only; the state is in the fragment. */
function presentation(opts: { lang?: Locale; theme?: Theme }): [string, string][] {
  return [
    ...(opts.lang ? [['lang', opts.lang] as [string, string]] : []),
    ...(opts.theme ? [['theme', opts.theme] as [string, string]] : []),
  ];
}

function address(page: string, query: [string, string][], fragment: string): string {
  const url = new URL(page, location.href);
  url.search = new URLSearchParams(query).toString();
  url.hash = fragment;
  return url.href;
}

/**
 * The full app with this state. A page opened by its file name (…/embed.html, …/index.html) links
 * to index.html by name, for hosts that serve no directory index; otherwise to the directory.
 */
export function appUrl(fragment: string, opts: { lang?: Locale; theme?: Theme } = {}): string {
  return address(location.pathname.endsWith('.html') ? 'index.html' : './', presentation(opts), fragment);
}

export function embedUrl(fragment: string, opts: EmbedOptions = {}): string {
  const query = presentation(opts);
  if (opts.step !== undefined) query.push(['step', String(opts.step)]);
  if (opts.autoplay) query.push(['autoplay', '1']);
  if (opts.controls) query.push(['controls', opts.controls]);
  if (opts.editor !== undefined) query.push(['editor', opts.editor ? '1' : '0']);
  return address('embed.html', query, fragment);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `<iframe>` for a page, and with `autoHeight` a script right after it that sizes the frame to the
 * player's content from its `packetwalk:resize` messages (only that frame's: the source is checked).
 */
export function embedSnippet(url: string, opts: { title: string; height: number; autoHeight: boolean }): string {
  const height = Math.max(Math.round(opts.height), 0);
  const frame = `<iframe src="${escapeHtml(url)}" title="${escapeHtml(opts.title)}" loading="lazy" style="width:100%;border:0" height="${height}"></iframe>`;
  if (!opts.autoHeight) return frame;
  const script = [
    '<script>',
    '(function (frame) {',
    "  addEventListener('message', function (e) {",
    '    var d = e.data;',
    "    if (e.source === frame.contentWindow && d && d.type === 'packetwalk:resize' && d.height > 0) frame.style.height = Math.ceil(d.height) + 'px';",
    '  });',
    '})(document.currentScript.previousElementSibling);',
    '</script>',
  ].join('\n');
  return `${frame}\n${script}`;
}
