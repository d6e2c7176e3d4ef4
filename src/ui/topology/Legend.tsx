// Layer toggles and what the colours mean.

import { useApp } from '../../store/react';
import { selectLayers } from '../../store/selectors';
import type { LayerId } from '../../store/types';
import { useT } from '../useT';

const layerIds: { id: LayerId; key: 'ui.layers.services' | 'ui.layers.overlay' | 'ui.layers.builtin' }[] = [
  { id: 'services', key: 'ui.layers.services' },
  { id: 'overlay', key: 'ui.layers.overlay' },
  { id: 'builtin', key: 'ui.layers.builtin' },
];

export function Legend() {
  const t = useT();
  const layers = useApp(selectLayers);
  const setLayer = useApp((s) => s.setLayer);
  return (
    <div className="legend">
      <fieldset>
        <legend>{t('ui.layers.heading')}</legend>
        {layerIds.map(({ id, key }) => (
          <label key={id}>
            <input type="checkbox" checked={layers[id]} onChange={(e) => setLayer(id, e.target.checked)} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <ul className="swatches">
        <li>
          <span className="swatch request" />
          {t('ui.legend.request')}
        </li>
        <li>
          <span className="swatch reply" />
          {t('ui.legend.reply')}
        </li>
        <li>
          <span className="swatch pod" />
          {t('ui.legend.pod')}
        </li>
        <li>
          <span className="swatch service" />
          {t('ui.legend.service')}
        </li>
        <li>
          <span className="swatch netfilter" />
          {t('ui.legend.netfilter')}
        </li>
      </ul>
    </div>
  );
}
