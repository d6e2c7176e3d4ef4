// The right column of the inspector: the table the kernel consulted at this hop, with
// the entry it used highlighted — iptables rules, IPVS virtual servers or routes.

import { useMemo } from 'react';
import { formatRoute } from '../../model/network/routes';
import type { Step } from '../../model/trace/types';
import { useApp } from '../../store/react';
import { chosenRoute } from '../topology/highlight';
import { useT } from '../useT';
import { Listing } from './Listing';
import { RuleListing } from './RuleListing';

function RoutesOf({ node, step }: { node: string; step: Step }) {
  const t = useT();
  // Read only the node in view: dataplanes are built on first read.
  const routes = useApp((s) => s.shown?.node(node)?.routes);
  const lines = useMemo(() => routes?.map(formatRoute) ?? [], [routes]);
  const chosen = chosenRoute(step);
  const i = routes?.findIndex((r) => r.dst === chosen?.dst && (!chosen.dev || r.dev === chosen.dev)) ?? -1;
  return (
    <>
      <h3>{t('ui.inspector.route')}</h3>
      {i >= 0 ? (
        <pre className="matched-rule" data-raw>
          {lines[i]}
        </pre>
      ) : (
        <p className="muted">{t('ui.inspector.noRoute')}</p>
      )}
      <Listing caption={t('ui.inspector.routesOf', { node })} lines={lines} highlight={i >= 0 ? i + 1 : undefined} />
    </>
  );
}

function IpvsOf({ choice }: { choice: NonNullable<Step['ipvs']> }) {
  const t = useT();
  const ipvsadm = useApp((s) => s.shown?.node(choice.node)?.ipvsadm);
  const lines = useMemo(() => ipvsadm?.replace(/\n$/, '').split('\n') ?? [], [ipvsadm]);
  // The real server chosen is listed under its virtual server: mark it too.
  const marks = useMemo(() => {
    const out = new Map<number, string>();
    for (let n = choice.line + 1; n <= lines.length && /^\s+->/.test(lines[n - 1]); n++)
      if (lines[n - 1].includes(choice.realServer)) out.set(n, 'passed');
    return out;
  }, [lines, choice]);
  return (
    <>
      <h3>{t('ui.inspector.virtualServer')}</h3>
      <pre className="matched-rule" data-raw>
        {choice.virtualServer} → {choice.realServer}
      </pre>
      <Listing caption={t('ui.inspector.ipvsadmOf', { node: choice.node })} lines={lines} highlight={choice.line} marks={marks} />
    </>
  );
}

function RulesOf({ step }: { step: Step | undefined }) {
  const t = useT();
  // The listing of the node the rule is on, else of the node the packet is on, to browse.
  const node = step?.rule?.node ?? step?.rulesVisited?.[0]?.rule.node ?? step?.at.node;
  const listing = useApp((s) => (node ? s.shown?.node(node)?.iptablesSave : undefined));
  // A rule picked in the picture's chain ladder is shown instead of the one that acted.
  const pickedLine = useApp((s) => (step && s.pickedRule?.step === step.index ? s.pickedRule.line : undefined));
  const rule = step?.rulesVisited?.find((v) => v.rule.line === pickedLine)?.rule ?? step?.rule;
  return (
    <>
      <h3>{t('ui.inspector.rule')}</h3>
      {rule ? (
        <pre className="matched-rule" data-raw>
          {rule.text}
        </pre>
      ) : (
        <p className="muted">{t('ui.inspector.noRule')}</p>
      )}
      {listing && node && <RuleListing listing={listing} node={node} rule={rule} visited={step?.rulesVisited} />}
    </>
  );
}

/** At the router: its BGP routes, the prefix that matched and the ECMP next hop its hash chose. */
function RouterOf({ step }: { step: Step }) {
  const t = useT();
  const routers = useApp((s) => s.shown?.state.metallb?.routers);
  const p = step.explain.params;
  const table = routers?.find((r) => r.address === p.router) ?? routers?.[0];
  const { lines, chosen, prefixLine } = useMemo(() => {
    const out: string[] = [];
    let chosenAt: number | undefined;
    let prefixAt: number | undefined;
    for (const r of table?.routes ?? []) {
      if (r.prefix === p.prefix) prefixAt = out.length + 1;
      out.push(`${r.prefix}  localPref ${r.localPref}${r.communities.length ? `  communities ${r.communities.join(',')}` : ''}`);
      for (const h of r.nextHops) {
        if (r.prefix === p.prefix && h.ip === p.via) chosenAt = out.length + 1;
        out.push(`    via ${h.ip}  ${h.node}  (peer ${h.peer})`);
      }
    }
    return { lines: out, chosen: chosenAt, prefixLine: prefixAt };
  }, [table, p.prefix, p.via]);
  const marks = useMemo(() => new Map(prefixLine ? [[prefixLine, 'passed']] : []), [prefixLine]);
  return (
    <>
      <h3>{t('ui.inspector.bgpRoute')}</h3>
      {p.via ? (
        <pre className="matched-rule" data-raw>
          {`${String(p.prefix)} → ${String(p.via)} (${String(p.node)})`}
        </pre>
      ) : (
        <p className="muted">{t('ui.inspector.noRoute')}</p>
      )}
      {table && (
        <Listing
          caption={t('ui.inspector.bgpTableOf', { router: table.address, asn: table.asn })}
          lines={lines}
          highlight={chosen}
          marks={marks}
        />
      )}
    </>
  );
}

export function Evidence({ step }: { step: Step | undefined }) {
  if (step?.at.element === 'router') return <RouterOf step={step} />;
  if (step?.ipvs) return <IpvsOf choice={step.ipvs} />;
  if (step?.at.node && chosenRoute(step)) return <RoutesOf node={step.at.node} step={step} />;
  return <RulesOf step={step} />;
}
