// The right column of the inspector: the table the kernel consulted at this hop, with
// the entry it used highlighted — iptables rules, IPVS virtual servers or routes (or, past the
// router, the nodes a load balancer outside the model chose among).

import { useMemo } from 'react';
import { formatRoute, type Step } from '../../model';
import { useApp } from '../../store/react';
import { useT } from '../useT';
import { Listing } from './Listing';
import { RuleListing } from './RuleListing';
import { useNodeView } from './useNodeView';

function RoutesOf({ node, step }: { node: string; step: Step }) {
  const t = useT();
  // Only the node in view: a node's dataplane is built when first asked for.
  const routes = useNodeView(node)?.routes;
  const lines = useMemo(() => routes?.map(formatRoute) ?? [], [routes]);
  const chosen = step.route;
  const i = routes?.findIndex((r) => r.dst === chosen?.dst && r.dev === chosen.dev) ?? -1;
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
  const ipvsadm = useNodeView(choice.node)?.ipvsadm;
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

/** In nftables mode: what kube-proxy's verdict maps and numgen decided at this hook, as the walk computed it. */
function NftLookups({ facts }: { facts: NonNullable<Step['nft']> }) {
  const t = useT();
  return (
    <>
      <h3>{t('ui.inspector.nftLookups')}</h3>
      <ul className="nft-lookups" data-raw>
        {facts.map((f, i) => (
          <li key={i}>
            {f.kind === 'vmap'
              ? t('nft.step.vmap', { map: f.map, key: f.key.join(' . '), verdict: f.verdict })
              : t('nft.step.numgen', { mod: f.mod, drawn: f.drawn, verdict: f.verdict })}
          </li>
        ))}
      </ul>
    </>
  );
}

function RulesOf({ step }: { step: Step | undefined }) {
  const t = useT();
  // The listing of the node the rule is on, else of the node the packet is on, to browse.
  const node = step?.rule?.node ?? step?.rulesVisited?.[0]?.rule.node ?? step?.at.node;
  const view = useNodeView(node);
  // A rule picked in the picture's chain ladder is shown instead of the one that acted.
  const picked = useApp((s) => (step && s.pickedRule?.step === step.index ? s.pickedRule : undefined));
  const rule = step?.rulesVisited?.find((v) => v.rule.line === picked?.line && v.rule.chain === picked.chain)?.rule ?? step?.rule;
  // In nftables mode, kube-proxy's listing when its rule acted (or only its lookups did), else the node's iptables.
  const chains = view?.nft?.chains;
  const listed = !!chains && (rule ? chains.includes(rule.chain) : !!step?.nft);
  const nft = useMemo(() => chains && { chains, listed }, [chains, listed]);
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
      {step?.nft && <NftLookups facts={step.nft} />}
      {view && node && (
        <RuleListing
          listing={listed && view.nft ? view.nft.dump : view.iptablesSave}
          node={node}
          rule={rule}
          visited={step?.rulesVisited}
          {...(nft ? { nft } : {})}
        />
      )}
    </>
  );
}

/** At the router: its BGP routes, the prefix that matched and the ECMP next hop its hash chose. */
function RouterOf({ step }: { step: Step }) {
  const t = useT();
  const routers = useApp((s) => s.shown?.state.metallb?.routers);
  const hop = step.nextHop;
  const table = routers?.find((r) => r.address === hop?.router) ?? routers?.[0];
  const { lines, chosen, prefixLine } = useMemo(() => {
    const out: string[] = [];
    let chosenAt: number | undefined;
    let prefixAt: number | undefined;
    for (const r of table?.routes ?? []) {
      if (r.prefix === hop?.prefix) prefixAt = out.length + 1;
      out.push(`${r.prefix}  localPref ${r.localPref}${r.communities.length ? `  communities ${r.communities.join(',')}` : ''}`);
      for (const h of r.nextHops) {
        if (r.prefix === hop?.prefix && h.ip === hop.via) chosenAt = out.length + 1;
        out.push(`    via ${h.ip}  ${h.node}  (peer ${h.peer})`);
      }
    }
    return { lines: out, chosen: chosenAt, prefixLine: prefixAt };
  }, [table, hop]);
  const marks = useMemo(() => new Map(prefixLine ? [[prefixLine, 'passed']] : []), [prefixLine]);
  return (
    <>
      <h3>{t('ui.inspector.bgpRoute')}</h3>
      {hop ? (
        <pre className="matched-rule" data-raw>
          {`${hop.prefix} → ${hop.via} (${hop.node})`}
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

/** Past the router, a load balancer outside the model: the nodes passing its health check, the one it picked. */
function ExternalLbOf({ choice }: { choice: NonNullable<Step['externalLb']> }) {
  const t = useT();
  const at = choice.node ? choice.nodes.indexOf(choice.node) + 1 : 0;
  return (
    <>
      <h3>{t('ui.inspector.externalLb')}</h3>
      {choice.node ? (
        <pre className="matched-rule" data-raw>
          {`${choice.ip ?? ''} → ${choice.node}`}
        </pre>
      ) : (
        <p className="muted">{t('ui.inspector.externalLbNone')}</p>
      )}
      <Listing
        caption={t('ui.inspector.externalLbNodes', { service: choice.service })}
        lines={choice.nodes}
        highlight={at > 0 ? at : undefined}
      />
    </>
  );
}

export function Evidence({ step }: { step: Step | undefined }) {
  if (step?.externalLb) return <ExternalLbOf choice={step.externalLb} />;
  if (step?.at.element === 'router') return <RouterOf step={step} />;
  if (step?.ipvs) return <IpvsOf choice={step.ipvs} />;
  if (step?.at.node && step.route) return <RoutesOf node={step.at.node} step={step} />;
  return <RulesOf step={step} />;
}
