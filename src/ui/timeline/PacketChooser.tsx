// Which packet to follow: from a pod, a node or the client on the LAN, to what the learner
// types — IP:PORT, NAME:PORT (resolved by the pod first) or a URL — with suggestions.

import { useMemo, useState } from 'react';
import { lanClient, type TraceSource } from '../../model';
import { useApp } from '../../store/react';
import { selectShown, selectSpec } from '../../store/selectors';
import { formatTarget, leadingComment, parseTarget, scenarioHints, suggestionsFor } from '../../store/targets';
import { useT } from '../useT';

const sourceValue = (s: TraceSource) =>
  s.kind === 'pod' ? `pod:${s.namespace}/${s.name}` : s.kind === 'node' ? `node:${s.name}` : 'client';

function parseSource(value: string): TraceSource {
  if (value === 'client') return { kind: 'client' };
  const [kind, rest] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'pod') {
    const [namespace, name] = rest.split('/');
    return { kind: 'pod', namespace, name };
  }
  return { kind: 'node', name: rest };
}

function TargetInput({ committed, from }: { committed: string; from: TraceSource }) {
  const t = useT();
  const shown = useApp(selectShown);
  // Only the text's leading comment can suggest destinations: typing below it re-renders nothing here.
  const comment = useApp((s) => leadingComment(s.text));
  const setTo = useApp((s) => s.setTo);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? committed;
  const home = from.kind === 'pod' ? from.namespace : 'default';
  const state = shown?.state ?? null;
  const suggestions = useMemo(() => (state ? suggestionsFor(state, from, scenarioHints(comment)) : []), [state, from, comment]);
  const invalid = draft !== null && parseTarget(draft, state, home) === undefined;

  const commit = (typed: string) => {
    const to = parseTarget(typed, state, home);
    if (to) {
      setTo(to);
      setDraft(null);
    }
  };

  return (
    <label className="field to">
      <span>{t('ui.packet.to')}</span>
      <input
        aria-label={t('ui.packet.to')}
        list="packet-targets"
        className="mono"
        placeholder={t('ui.packet.toHint')}
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? 'target-error' : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          // Picking a suggestion applies at once; free text waits for Enter.
          if (suggestions.some((x) => x.value === e.target.value)) commit(e.target.value);
        }}
        onKeyDown={(e) => e.key === 'Enter' && commit(value)}
        onBlur={() => commit(value)}
      />
      <datalist id="packet-targets">
        {suggestions.map((x) => (
          <option
            key={x.value}
            value={x.value}
            label={x.service ? t(`ui.packet.suggest.${x.kind}`, { service: x.service, proto: x.proto ?? '' }) : t('ui.packet.suggest.hint')}
          />
        ))}
      </datalist>
      {invalid && (
        <span id="target-error" className="field-error" role="alert">
          {t('ui.packet.badTarget')}
        </span>
      )}
    </label>
  );
}

const noPods: string[] = [];

/**
 * Past this many pods the list is filled when the learner reaches for it (focus or pointer, before
 * it opens): building and styling 5,000 options cost the page ≈0.3 s of CPU when a big cluster arrived.
 */
const eagerPods = 500;

export function PacketChooser() {
  const t = useT();
  const shown = useApp(selectShown);
  const spec = useApp(selectSpec);
  const setFrom = useApp((s) => s.setFrom);
  const pods = shown?.state.pods ?? noPods;
  const nodes = useMemo(() => shown?.state.nodes.map((n) => n.metadata.name) ?? [], [shown]);
  const client = useMemo(() => (shown ? lanClient(shown.state) : null), [shown]);
  const [reached, setReached] = useState(false);
  if (!spec) return null;
  const from = sourceValue(spec.from);
  const listed = reached || pods.length <= eagerPods ? pods : pods.filter((p) => `pod:${p}` === from);
  return (
    <fieldset className="packet-chooser">
      <legend>{t('ui.packet.heading')}</legend>
      <label className="field from">
        <span>{t('ui.packet.from')}</span>
        <select
          aria-label={t('ui.packet.from')}
          value={from}
          onChange={(e) => setFrom(parseSource(e.target.value))}
          onFocus={() => setReached(true)}
          onPointerDown={() => setReached(true)}
        >
          {/* Keyed by the count: a grown list mounts whole, in one pass; thousands of options added to a
              kept group are placed one by one, each looking past the others (≈60 ms of CPU for 5,000 pods). */}
          <optgroup key={listed.length} label={t('ui.packet.pods')}>
            {listed.map((p) => (
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
          <optgroup label={t('ui.packet.lan')}>
            <option value="client">{t('ui.packet.client', { ip: client?.ip ?? '' })}</option>
          </optgroup>
        </select>
      </label>
      <TargetInput key={formatTarget(spec.to)} committed={formatTarget(spec.to)} from={spec.from} />
    </fieldset>
  );
}
