// What if kube-proxy ran in the other mode? Re-derives the cluster with the mode overridden;
// by default the mode is what the manifests say (a KubeProxyConfiguration, else iptables).
// "Compare modes" opens two modes' walks side by side.

import { defaultModes } from '../../store/slices/compareModes';
import { useApp } from '../../store/react';
import { useT } from '../useT';

const modes: { id: 'iptables' | 'ipvs' | 'nftables'; label: string }[] = [
  { id: 'iptables', label: 'iptables' },
  { id: 'ipvs', label: 'IPVS' },
  { id: 'nftables', label: 'nftables' },
];

export function ProxyModeSwitch() {
  const t = useT();
  const current = useApp((s) => s.shown?.state.config.proxy.mode);
  const override = useApp((s) => s.whatIf.proxyMode);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const comparing = useApp((s) => s.modeComparison !== null);
  const compareModes = useApp((s) => s.compareModes);
  const canCompare = useApp((s) => s.spec !== null);
  if (!current) return null;
  return (
    <div className="proxy-mode" role="radiogroup" aria-label={t('ui.proxyMode.label')}>
      <span className="proxy-mode-label" aria-hidden="true">
        {t('ui.proxyMode.label')}
      </span>
      {modes.map((m) => (
        // kube-proxy deprecated IPVS mode in v1.35 (KEP-5495): the learner is told where it is offered.
        <label
          key={m.id}
          className={current === m.id ? 'on' : undefined}
          title={m.id === 'ipvs' ? t('ui.proxyMode.ipvsDeprecated') : undefined}
        >
          <input type="radio" name="proxy-mode" value={m.id} checked={current === m.id} onChange={() => setWhatIf({ proxyMode: m.id })} />
          <span data-raw>{m.label}</span>
        </label>
      ))}
      {override !== undefined && (
        <button type="button" className="link" onClick={() => setWhatIf({ proxyMode: undefined })}>
          {t('ui.proxyMode.reset')}
        </button>
      )}
      {canCompare && (
        <button
          type="button"
          className="ghost mode-compare-open"
          aria-pressed={comparing}
          onClick={() => compareModes(comparing ? null : defaultModes(current))}
        >
          {t('ui.modeCompare.open')}
        </button>
      )}
    </div>
  );
}
