// The embed code: how the player looks in someone else's page (language, theme, controls, the
// manifests, the step it starts on, autoplay, height) and the <iframe> snippet those make.

import { useEffect, useReducer, useState } from 'react';
import { catalogueLoaded, loadCatalogue, pickableLocales, t as translate, type Locale } from '../../i18n/i18n';
import { embedSnippet, embedUrl, type EmbedOptions, type Theme } from '../../share';
import { useT } from '../useT';
import { CopyField } from './CopyField';

/** 'reader': no `lang`, so the player follows the reader's browser. */
type EmbedLang = Locale | 'reader';

interface Choices {
  lang: EmbedLang;
  theme: Theme;
  controls: 'full' | 'min';
  editor: boolean;
  atStep: boolean;
  autoplay: boolean;
  /** As typed; the snippet uses it clamped to a height a player fits in. */
  height: string;
  autoHeight: boolean;
}

const themes: Theme[] = ['light', 'dark', 'auto'];
const minHeight = 320;
const maxHeight = 2000;
const defaultHeight = 560;

function frameHeight(typed: string): number {
  const h = Math.round(Number(typed));
  return typed.trim() && Number.isFinite(h) ? Math.min(maxHeight, Math.max(minHeight, h)) : defaultHeight;
}

interface Props {
  /** The share fragment (`v1.…`) of this step, and of the same state from its first step. */
  fragment: string;
  fromStart: string;
  /** 1-based; 0 when there is no walk. From step 1 the player starts there anyway. */
  step: number;
  locale: Locale;
  theme: Theme;
  /** The scenario's title in each language, or null for the learner's own manifests. */
  titleIn: (locale: Locale) => string | null;
}

export function EmbedCode({ fragment, fromStart, step, locale, theme, titleIn }: Props) {
  const t = useT();
  const [c, setC] = useState<Choices>({
    lang: locale === 'qps' ? 'reader' : locale,
    theme,
    controls: 'full',
    editor: false,
    atStep: step > 1,
    autoplay: false,
    height: String(defaultHeight),
    autoHeight: true,
  });
  const set = (patch: Partial<Choices>) => setC((prev) => ({ ...prev, ...patch }));

  const height = frameHeight(c.height);
  const lang = c.lang === 'reader' ? undefined : c.lang;
  // Only what differs from the player's defaults (light, all controls, no manifests) is written.
  const options: EmbedOptions = { lang, autoplay: c.autoplay };
  if (c.theme !== 'light') options.theme = c.theme;
  if (c.controls !== 'full') options.controls = c.controls;
  if (c.editor) options.editor = true;
  if (c.atStep) options.step = step;
  // The frame's title is read out in the player's language: the author's pick, else English.
  const titleLocale = lang ?? 'en';
  // Only the interface's language is loaded up front: the title's waits for its own messages.
  const [, catalogueArrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!catalogueLoaded(titleLocale))
      loadCatalogue(titleLocale).then(catalogueArrived, (err: unknown) => console.error('could not load the language', err));
  }, [titleLocale]);
  const name = titleIn(titleLocale);
  const title = name
    ? translate(titleLocale, 'ui.share.embed.frameTitle', { name })
    : translate(titleLocale, 'ui.share.embed.frameTitleMine');
  const code = embedSnippet(embedUrl(c.atStep ? fragment : fromStart, options), { title, height, autoHeight: c.autoHeight });

  return (
    <>
      <div className="embed-options">
        <label>
          {t('ui.share.embed.language')}
          <select value={c.lang} onChange={(e) => set({ lang: e.target.value as EmbedLang })}>
            {pickableLocales.map((l) => (
              <option key={l.id} value={l.id} lang={l.id}>
                {l.name}
              </option>
            ))}
            <option value="reader">{t('ui.share.embed.langReader')}</option>
          </select>
        </label>
        <label>
          {t('ui.share.embed.theme')}
          <select value={c.theme} onChange={(e) => set({ theme: e.target.value as Theme })}>
            {themes.map((th) => (
              <option key={th} value={th}>
                {t(`ui.share.embed.theme.${th}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ui.share.embed.controls')}
          <select value={c.controls} onChange={(e) => set({ controls: e.target.value as Choices['controls'] })}>
            <option value="full">{t('ui.share.embed.controls.full')}</option>
            <option value="min">{t('ui.share.embed.controls.min')}</option>
          </select>
        </label>
        <label>
          {t('ui.share.embed.height')}
          <input
            type="number"
            inputMode="numeric"
            min={minHeight}
            max={maxHeight}
            step={20}
            value={c.height}
            onChange={(e) => set({ height: e.target.value })}
            onBlur={() => set({ height: String(height) })}
          />
        </label>
      </div>
      <div className="embed-checks">
        <label className="check">
          <input type="checkbox" checked={c.editor} onChange={(e) => set({ editor: e.target.checked })} />
          {t('ui.share.embed.editor')}
        </label>
        {step > 1 && (
          <label className="check">
            <input type="checkbox" checked={c.atStep} onChange={(e) => set({ atStep: e.target.checked })} />
            {t('ui.share.embed.step', { step })}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={c.autoplay} onChange={(e) => set({ autoplay: e.target.checked })} />
          {t('ui.share.embed.autoplay')}
        </label>
        <label className="check">
          <input type="checkbox" checked={c.autoHeight} onChange={(e) => set({ autoHeight: e.target.checked })} />
          {t('ui.share.embed.autoHeight')}
        </label>
      </div>
      <CopyField label="ui.share.embed.code" value={code} copy="ui.share.embed.copy" copied="ui.share.embed.copied" multiline />
    </>
  );
}
