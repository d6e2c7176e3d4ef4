// The gallery: pick a ready-made scenario. The learner's own manifests stay one choice
// away ("Back to my manifests"), and their edits of a scenario are kept with it.

import { useState } from 'react';
import { fetchScenario, scenarioTitle } from '../../store/gallery';
import { useApp, useAppStore } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import { useT } from '../useT';

const mineValue = '';
/** The editor holds a text opened from a link that named no scenario: neither mine nor the gallery's. */
const sharedValue = 'shared:';

export function ScenarioPicker() {
  const t = useT();
  const locale = useApp(selectLocale);
  const gallery = useApp((s) => s.gallery);
  const scenario = useApp((s) => s.scenario);
  const edited = useApp((s) => s.edited);
  const hasMine = useApp((s) => !!s.mine?.trim());
  const fromLink = useApp((s) => s.shared && !s.scenario);
  // Actions never change; reading them once keeps this component off the per-frame path.
  const { openScenario, resetScenario, backToMine } = useAppStore().getState();
  const [failed, setFailed] = useState(false);
  const entry = gallery.find((e) => e.id === scenario);

  const open = (id: string, reset = false) => {
    const chosen = gallery.find((e) => e.id === id);
    if (!chosen) return;
    setFailed(false);
    fetchScenario(chosen)
      .then((text) => (reset ? resetScenario(text) : openScenario(id, text)))
      .catch(() => setFailed(true));
  };

  return (
    <div className="gallery">
      <label className="field">
        <span>{t('ui.gallery.label')}</span>
        <select
          aria-label={t('ui.gallery.label')}
          value={fromLink ? sharedValue : (scenario ?? mineValue)}
          onChange={(e) => (e.target.value === mineValue ? backToMine() : open(e.target.value))}
        >
          {fromLink && <option value={sharedValue}>{t('ui.gallery.shared')}</option>}
          <option value={mineValue}>{hasMine ? t('ui.gallery.mine') : t('ui.gallery.blank')}</option>
          <optgroup label={t('ui.gallery.scenarios')}>
            {gallery.map((e) => (
              <option key={e.id} value={e.id}>
                {e.id === scenario && edited ? t('ui.gallery.edited', { title: scenarioTitle(e, locale) }) : scenarioTitle(e, locale)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {scenario && hasMine && (
        <button type="button" className="ghost" onClick={backToMine}>
          {t('ui.gallery.back')}
        </button>
      )}
      {entry && edited && (
        <button type="button" className="ghost" onClick={() => open(entry.id, true)}>
          {t('ui.gallery.reset')}
        </button>
      )}
      {failed && (
        <span className="field-error" role="alert">
          {t('ui.gallery.failed')}
        </span>
      )}
    </div>
  );
}
