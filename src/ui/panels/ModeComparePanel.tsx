// kube-proxy's modes side by side: the same packet walked in two of them, the learner picking
// which. What differs is where and how the Service is found (a linear scan of iptables rules, one
// verdict-map lookup in nftables, a lookup in the IPVS table), where DNAT happens, the hooks the
// request passes; the endpoint and the end are the same when the walks choose alike.

import type { HookChecks } from '../../model';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import type { ModeComparison, ProxyModeName } from '../../store/types';
import { useT } from '../useT';
import { CompareTable, type CompareRow } from './CompareTable';
import { outcomeText, walkFacts, type WalkFacts } from './walkFacts';

const modes: { id: ProxyModeName; label: string }[] = [
  { id: 'iptables', label: 'iptables' },
  { id: 'ipvs', label: 'IPVS' },
  { id: 'nftables', label: 'nftables' },
];
const labelOf = (mode: ProxyModeName) => modes.find((m) => m.id === mode)!.label;

/** `worker-2: PREROUTING → FORWARD → POSTROUTING; worker-1: …` */
function hookPath(hooks: HookChecks[]): string {
  const byNode: { node: string; hooks: string[] }[] = [];
  for (const h of hooks) {
    const last = byNode.at(-1);
    const name = h.hook === 'ipvs' ? 'IPVS' : h.hook;
    if (last?.node === h.node) last.hooks.push(name);
    else byNode.push({ node: h.node, hooks: [name] });
  }
  return byNode.map((n) => `${n.node}: ${n.hooks.join(' → ')}`).join('; ');
}

export function ModeComparePanel({ comparison }: { comparison: ModeComparison }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const compareModes = useApp((s) => s.compareModes);
  const shownMode = useApp((s) => s.shown?.state.config.proxy.mode);
  const setWhatIf = useApp((s) => s.setWhatIf);
  const none = t('ui.compare.none');
  const facts = comparison.walks.map((w) => (w.trace ? walkFacts(w.trace) : null));
  const row = (id: string, label: string, cell: (f: WalkFacts) => string, raw?: boolean): CompareRow => ({
    id,
    label,
    cells: facts.map((f) => (f ? cell(f) : none)),
    raw,
  });
  const checks = (f: WalkFacts) => {
    const d = f.dnat;
    if (!d) return none;
    if (d.ipvs) return t('ui.modeCompare.ipvs', { vs: d.ipvs.virtualServer.replace(/\s+/g, ' ') });
    return t(d.checks.lookups ? 'ui.modeCompare.lookup' : 'ui.modeCompare.scan', { rules: d.checks.rules, lookups: d.checks.lookups });
  };
  const dnat = (f: WalkFacts) => {
    const d = f.dnat;
    if (d?.ipvs) return t('ui.modeCompare.dnatIpvs', { node: d.node, line: d.ipvs.line });
    if (d?.rule) return t('ui.modeCompare.dnatRule', { node: d.node, hook: d.hook, chain: d.rule.chain, line: d.rule.line });
    return none;
  };
  const rows = [
    row('checks', t('ui.modeCompare.checks'), checks),
    row('dnat', t('ui.modeCompare.dnat'), dnat),
    row('endpoint', t('ui.modeCompare.endpoint'), (f) => f.dnat?.endpoint ?? none, true),
    row('hooks', t('ui.modeCompare.hooks'), (f) => hookPath(f.hooks) || none, true),
    row('outcome', t('ui.compare.outcome'), (f) => outcomeText(locale, f)),
    row('steps', t('ui.compare.steps'), (f) => String(f.steps), true),
  ];
  const picked = comparison.walks.map((w) => w.mode) as [ProxyModeName, ProxyModeName];
  const pick = (i: number, mode: ProxyModeName) => compareModes(i === 0 ? [mode, picked[1]] : [picked[0], mode]);
  return (
    <section className="float-panel compare-panel mode-compare" aria-label={t('ui.modeCompare.title')}>
      <header>
        <h3>{t('ui.modeCompare.heading')}</h3>
        <button type="button" className="ghost" onClick={() => compareModes(null)}>
          {t('ui.panel.close')}
        </button>
      </header>
      <p className="muted">{t('ui.modeCompare.intro')}</p>
      {/* kube-proxy deprecated IPVS mode in v1.35 (KEP-5495): said wherever it is shown. */}
      {picked.includes('ipvs') && <p className="note">{t('ui.proxyMode.ipvsDeprecated')}</p>}
      <CompareTable
        columns={comparison.walks.map((w, i) => ({
          id: String(i),
          head: (
            <select
              aria-label={t('ui.modeCompare.pick', { n: i + 1 })}
              value={w.mode}
              onChange={(e) => pick(i, e.target.value as ProxyModeName)}
            >
              {modes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          ),
          shown: w.mode === shownMode,
          show: (
            <button type="button" onClick={() => setWhatIf({ proxyMode: w.mode })}>
              {t('ui.modeCompare.show', { mode: labelOf(w.mode) })}
            </button>
          ),
        }))}
        rows={rows}
      />
    </section>
  );
}
