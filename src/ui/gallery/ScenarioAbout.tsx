// "About this scenario / Try this": what a gallery scenario teaches and a few other walks to
// try (index.json, in the learner's language). For the learner's own manifests: why their
// packet starts and ends where it does, and how to declare another one.

import { useMemo, useState } from 'react';
import { formatSourceArg, formatTargetArg, type OpeningPacket, type PacketSpec, type WalkFlags } from '../../model';
import { localized, type ScenarioEntry } from '../../store/gallery';
import { useApp, useAppStore } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import type { WhatIf } from '../../store/types';
import { stackedQuery, useMediaQuery } from '../useMediaQuery';
import { useT } from '../useT';
import './about.css';

export function ScenarioAbout() {
  const entry = useApp((s) => s.gallery.find((e) => e.id === s.scenario));
  // Open on a wide screen; on a phone the picture comes first and this stays a line until asked.
  const stacked = useMediaQuery(stackedQuery);
  return entry ? <AboutScenario key={entry.id} entry={entry} open={!stacked} /> : <AboutMine open={!stacked} />;
}

// A request's method and headers count too: two tries may send the same URL with another Host.
const requestOf = (to: WalkFlags['to']) => (to?.kind === 'url' ? JSON.stringify([to.method ?? '', to.headers ?? []]) : '');
const argsOf = (walk: Pick<WalkFlags, 'from' | 'to'>) =>
  `${walk.from ? formatSourceArg(walk.from) : ''} ${walk.to ? formatTargetArg(walk.to) : ''} ${requestOf(walk.to)}`;
const whatIfOf = (w: WhatIf) => JSON.stringify([w.proxyMode ?? '', w.downNodes ?? [], w.notReadyPods ?? []]);

/** The try the packet on screen is, if it is one: same ends (those it names) and the same what-ifs. */
function activeTry(tries: ScenarioEntry['tries'], spec: PacketSpec | null, whatIf: WhatIf, chosen: boolean): number {
  if (!chosen || !spec) return -1;
  return tries.findIndex(
    ({ walk }) =>
      argsOf(walk) === argsOf({ from: walk.from && spec.from, to: walk.to && spec.to }) && whatIfOf(walk.whatIf) === whatIfOf(whatIf),
  );
}

/** Paragraphs (split at blank lines) and, among their lines, the indented ones: a file or a command to read as code. */
function blocksOf(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let last: { code: boolean; text: string } | undefined;
    for (const line of paragraph.split('\n')) {
      const code = line.startsWith('  ');
      const text = code ? line.slice(2) : line;
      if (last && last.code === code) last.text += `\n${text}`;
      else out.push((last = { code, text }));
    }
  }
  return out;
}

function AboutScenario({ entry, open: initiallyOpen }: { entry: ScenarioEntry; open: boolean }) {
  const t = useT();
  const locale = useApp(selectLocale);
  const spec = useApp((s) => s.spec);
  const whatIf = useApp((s) => s.whatIf);
  const chosen = useApp((s) => s.specChosen);
  const { tryWalk } = useAppStore().getState();
  const [open, setOpen] = useState(initiallyOpen);
  const active = activeTry(entry.tries, spec, whatIf, chosen);
  const blocks = entry.about ? blocksOf(localized(entry.about, locale)) : [];

  return (
    <div className="about">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="about-heading" className="about-heading">
            {t('ui.about.heading')}
          </h2>
        </summary>
        <div className="about-body" tabIndex={0} role="region" aria-labelledby="about-heading">
          {blocks.map((b, i) =>
            b.code ? (
              <pre key={i} className="about-code" data-raw>
                {b.text}
              </pre>
            ) : (
              <p key={i} data-raw>
                {b.text}
              </p>
            ),
          )}
          {entry.tries.length > 0 && (
            <>
              <h3 className="about-tries-heading">{t('ui.about.tries')}</h3>
              <ul className="about-tries">
                {entry.tries.map((x, i) => (
                  <li key={i}>
                    <button type="button" className="about-try" aria-pressed={active === i} onClick={() => tryWalk(x.walk)} data-raw>
                      {localized(x.label, locale)}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" className="ghost about-opening" disabled={!chosen} onClick={() => tryWalk(null)}>
                {t('ui.about.opening')}
              </button>
            </>
          )}
        </div>
      </details>
    </div>
  );
}

const podName = (spec: PacketSpec) => (spec.from.kind === 'pod' ? `${spec.from.namespace}/${spec.from.name}` : '');

function AboutMine({ open: initiallyOpen }: { open: boolean }) {
  const t = useT();
  const shown = useApp((s) => s.shown);
  const chosen = useApp((s) => s.specChosen);
  const [open, setOpen] = useState(initiallyOpen);
  const opening: OpeningPacket | null = useMemo(() => (shown?.objects ? shown.opening() : null), [shown]);
  // Nothing to explain once the learner picked a packet, or declared one.
  if (!opening || chosen || opening.basis === 'declared') return null;
  const { spec, basis, service = '' } = opening;
  const why =
    basis === 'ownBackend'
      ? t('ui.about.ownBackend', { pod: podName(spec), service })
      : basis === 'lan'
        ? t('ui.about.lan', { service })
        : basis === 'node'
          ? t('ui.about.node', { node: spec.from.kind === 'node' ? spec.from.name : '' })
          : t('ui.about.clientPod', { pod: podName(spec), service });

  return (
    <div className="about">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="about-heading" className="about-heading">
            {t('ui.about.mine')}
          </h2>
        </summary>
        <div className="about-body">
          <p>{why}</p>
          {opening.builtinService && <p>{t('ui.about.builtinService', { service })}</p>}
          <p>{t('ui.about.declare')}</p>
          <pre className="about-code" data-raw>
            # packetwalk: --from {formatSourceArg(spec.from)} --to {formatTargetArg(spec.to)}
          </pre>
        </div>
      </details>
    </div>
  );
}
