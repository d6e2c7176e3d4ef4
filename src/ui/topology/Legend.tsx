// Layer toggles, the what-if proxy mode, and what the colours mean.

import { useApp } from '../../store/react';
import { selectLayers } from '../../store/selectors';
import type { LayerId } from '../../store/types';
import { useT } from '../useT';
import { ProxyModeSwitch } from './ProxyModeSwitch';

const layerIds = [
  { id: 'services', key: 'ui.layers.services' },
  { id: 'nodeports', key: 'ui.layers.nodeports' },
  { id: 'loadbalancers', key: 'ui.layers.loadbalancers' },
  { id: 'ingress', key: 'ui.layers.ingress' },
  { id: 'dns', key: 'ui.layers.dns' },
  { id: 'overlay', key: 'ui.layers.overlay' },
  { id: 'builtin', key: 'ui.layers.builtin' },
] as const satisfies readonly { id: LayerId; key: string }[];

export function Legend() {
  const t = useT();
  const layers = useApp(selectLayers);
  const setLayer = useApp((s) => s.setLayer);
  // A layer with nothing to show in this cluster is not offered.
  const hasLoadBalancers = useApp((s) => s.shown?.state.services.some((x) => x.spec.type === 'LoadBalancer') ?? false);
  const hasIngress = useApp((s) => s.shown?.ingress !== undefined);
  const offered = layerIds.filter((l) => (l.id !== 'loadbalancers' || hasLoadBalancers) && (l.id !== 'ingress' || hasIngress));
  return (
    <div className="legend">
      <fieldset>
        <legend>{t('ui.layers.heading')}</legend>
        {offered.map(({ id, key }) => (
          <label key={id}>
            <input type="checkbox" checked={layers[id]} onChange={(e) => setLayer(id, e.target.checked)} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <ProxyModeSwitch />
      <Swatches />
    </div>
  );
}

/** What the two colours of the packet mean. */
function Swatches() {
  const t = useT();
  return (
    <ul className="swatches">
      <li>
        <span className="swatch request" />
        {t('ui.legend.request')}
      </li>
      <li>
        <span className="swatch reply" />
        {t('ui.legend.reply')}
      </li>
    </ul>
  );
}
