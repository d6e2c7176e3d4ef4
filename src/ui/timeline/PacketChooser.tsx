// Which packet to follow: from a pod or a node, to an IP:port (the Service VIPs offered).

import { useMemo, useState } from 'react';
import { formatTarget, parseTarget, serviceTargets } from '../../store/defaultSpec';
import { useApp } from '../../store/react';
import { selectShown, selectSpec } from '../../store/selectors';
import type { TraceSource } from '../../model/trace/types';
import { useT } from '../useT';

const sourceValue = (s: TraceSource) =>
  s.kind === 'pod' ? `pod:${s.namespace}/${s.name}` : s.kind === 'node' ? `node:${s.name}` : 'client';

function parseSource(value: string): TraceSource {
  const [kind, rest] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'pod') {
    const [namespace, name] = rest.split('/');
    return { kind: 'pod', namespace, name };
  }
  return { kind: 'node', name: rest };
}

function TargetInput({ committed }: { committed: string }) {
  const t = useT();
  const shown = useApp(selectShown);
  const setTo = useApp((s) => s.setTo);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? committed;
  const targets = useMemo(() => (shown ? serviceTargets(shown.state) : []), [shown]);
  const invalid = draft !== null && parseTarget(draft, shown?.state ?? null) === undefined;

  const commit = (text: string) => {
    const to = parseTarget(text, shown?.state ?? null);
    if (to) {
      setTo(to);
      setDraft(null);
    }
  };

  return (
    <label className="field">
      <span>{t('ui.packet.to')}</span>
      <input
        aria-label={t('ui.packet.to')}
        list="service-targets"
        className="mono"
        placeholder={t('ui.packet.toHint')}
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'target-error' : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          // Picking a suggested Service applies at once; free text waits for Enter.
          if (targets.some((x) => `${x.ip}:${x.port}` === e.target.value)) commit(e.target.value);
        }}
        onKeyDown={(e) => e.key === 'Enter' && commit(value)}
        onBlur={() => commit(value)}
      />
      <datalist id="service-targets">
        {targets.map((x) => (
          <option
            key={`${x.ip}:${x.port}/${x.proto}`}
            value={`${x.ip}:${x.port}`}
            label={t('ui.packet.serviceOption', { service: x.service, proto: x.proto })}
          />
        ))}
      </datalist>
      {invalid && (
        <span id="target-error" className="field-error">
          {t('ui.packet.badTarget')}
        </span>
      )}
    </label>
  );
}

export function PacketChooser() {
  const t = useT();
  const shown = useApp(selectShown);
  const spec = useApp(selectSpec);
  const setFrom = useApp((s) => s.setFrom);
  const pods = useMemo(
    () =>
      Object.values(shown?.state.podNets ?? {})
        .map((p) => p.key)
        .sort(),
    [shown],
  );
  const nodes = useMemo(() => shown?.state.nodes.map((n) => n.metadata.name) ?? [], [shown]);
  if (!spec) return null;
  return (
    <fieldset className="packet-chooser">
      <legend>{t('ui.packet.heading')}</legend>
      <label className="field">
        <span>{t('ui.packet.from')}</span>
        <select aria-label={t('ui.packet.from')} value={sourceValue(spec.from)} onChange={(e) => setFrom(parseSource(e.target.value))}>
          <optgroup label={t('ui.packet.pods')}>
            {pods.map((p) => (
              <option key={p} value={`pod:${p}`}>
                {p}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('ui.packet.nodes')}>
            {nodes.map((n) => (
              <option key={n} value={`node:${n}`}>
                {n}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <TargetInput key={formatTarget(spec.to)} committed={formatTarget(spec.to)} />
    </fieldset>
  );
}
