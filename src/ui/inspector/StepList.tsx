// The walk as a list: first its key hops by stage, each opening onto its steps, or every step.
// One tab stop: arrow keys move inside (roving tabindex), Enter picks, → and ← open and close a
// hop. The current step is marked, kept in view inside the list, and announced politely.

import { Fragment, memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { t, type Locale } from '../../i18n/i18n';
import type { Step } from '../../model';
import { hopText } from './hopText';
import { hopOf, keyHops, type KeyHop } from './keyHops';
import { groupByStage, stageTitle } from './stages';
import { shortWhereText, whereText } from './where';
import { useNextFrame } from '../nextFrame';
import './steps.css';

interface Props {
  steps: Step[];
  current: number;
  locale: Locale;
  onPick: (step: number) => void;
  label: string;
}

type View = 'key' | 'all';
const hopKey = (hop: KeyHop) => `h${hop.steps[0]}`;
const stepKey = (i: number) => `s${i}`;

/** Asks the browser to scroll only the list, not the page (`container` is ignored where unsupported). */
const inList = { block: 'nearest', container: 'nearest' } as ScrollIntoViewOptions;

export const StepList = memo(function StepList({ steps, current, locale, onPick, label }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const [view, setView] = useState<View>('key');
  // Which hops the learner opened or closed, for this walk; the current hop is open unless closed.
  const [toggled, setToggled] = useState<{ steps: Step[]; open: Record<string, boolean> }>({ steps, open: {} });
  const [focusKey, setFocusKey] = useState<string>();
  const groups = useMemo(() => groupByStage(steps), [steps]);
  const sections = useMemo(() => keyHops(steps), [steps]);
  const currentHop = hopOf(sections, current);
  const opened = toggled.steps === steps ? toggled.open : {};
  const isOpen = (hop: KeyHop) => hop.steps.length > 1 && (opened[hopKey(hop)] ?? hop === currentHop);
  const setOpen = (hop: KeyHop, open: boolean) => setToggled({ steps, open: { ...opened, [hopKey(hop)]: open } });

  // The keys of the visible rows, in order: what the arrow keys walk through.
  const order =
    view === 'all'
      ? steps.map((_, i) => stepKey(i))
      : sections.flatMap((s) => s.hops.flatMap((h) => [hopKey(h), ...(isOpen(h) ? h.steps.map(stepKey) : [])]));
  const currentKey = order.includes(stepKey(current)) ? stepKey(current) : currentHop ? hopKey(currentHop) : undefined;
  const tabKey = focusKey && order.includes(focusKey) ? focusKey : (currentKey ?? order[0]);

  useNextFrame(() => list.current?.querySelector<HTMLElement>('[aria-current="step"]')?.scrollIntoView(inList), [current, view]);

  const focus = (key: string | undefined) => {
    if (!key) return;
    setFocusKey(key);
    list.current?.querySelector<HTMLElement>(`[data-key="${key}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const at = order.indexOf(tabKey);
    const hop = tabKey.startsWith('h') ? hopOf(sections, Number(tabKey.slice(1))) : undefined;
    const move: Record<string, () => void> = {
      ArrowDown: () => focus(order[Math.min(at + 1, order.length - 1)]),
      ArrowUp: () => focus(order[Math.max(at - 1, 0)]),
      Home: () => focus(order[0]),
      End: () => focus(order.at(-1)),
      ArrowRight: () => hop && hop.steps.length > 1 && setOpen(hop, true),
      ArrowLeft: () => {
        if (hop) setOpen(hop, false);
        else if (view === 'key') focus(hopKey(hopOf(sections, Number(tabKey.slice(1)))!));
      },
    };
    if (!move[e.key]) return;
    e.preventDefault();
    move[e.key]();
  };

  const stepRow = (i: number) => {
    const s = steps[i];
    return (
      <li key={i} className={`step ${s.phase}`} aria-current={i === current ? 'step' : undefined}>
        <button
          type="button"
          data-key={stepKey(i)}
          data-step={i}
          tabIndex={tabKey === stepKey(i) ? 0 : -1}
          onClick={() => onPick(i)}
          onFocus={() => setFocusKey(stepKey(i))}
          title={whereText(locale, s.at)}
        >
          <span className="step-n">{i + 1}</span>
          <span className="step-where">{shortWhereText(locale, s.at)}</span>
          {s.at.node && (
            <span className="step-node" data-raw>
              {s.at.node}
            </span>
          )}
        </button>
      </li>
    );
  };

  const hopRow = (hop: KeyHop) => {
    const first = hop.steps[0];
    const s = steps[first];
    const open = isOpen(hop);
    const marked = hop === currentHop && !open;
    return (
      <li
        key={first}
        className={`hop ${s.phase} ${hop.kind}${hop === currentHop ? ' holds-current' : ''}`}
        aria-current={marked ? 'step' : undefined}
      >
        <div className="hop-head">
          <button
            type="button"
            className="hop-go"
            data-key={hopKey(hop)}
            data-step={first}
            tabIndex={tabKey === hopKey(hop) ? 0 : -1}
            onClick={() => onPick(first)}
            onFocus={() => setFocusKey(hopKey(hop))}
            title={whereText(locale, s.at)}
          >
            <span className="step-n">{first + 1}</span>
            <span className="hop-text">
              {hopText(locale, hop, steps)}
              {s.at.node && (
                <span className="hop-node" data-raw>
                  {s.at.node}
                </span>
              )}
            </span>
          </button>
          {hop.steps.length > 1 && (
            <button
              type="button"
              className="hop-toggle"
              tabIndex={-1}
              aria-expanded={open}
              aria-label={t(locale, open ? 'ui.steps.collapse' : 'ui.steps.expand', { count: hop.steps.length })}
              title={t(locale, open ? 'ui.steps.collapse' : 'ui.steps.expand', { count: hop.steps.length })}
              onClick={() => setOpen(hop, !open)}
            >
              {hop.steps.length}
            </button>
          )}
        </div>
        {open && <ol className="hop-steps">{hop.steps.map(stepRow)}</ol>}
      </li>
    );
  };

  const now = steps[current];
  return (
    <div className="step-list">
      <div className="step-view" role="group" aria-label={t(locale, 'ui.steps.view')}>
        {(['key', 'all'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(locale, v === 'key' ? 'ui.steps.keyHops' : 'ui.steps.allSteps')}
          </button>
        ))}
      </div>
      <div className="steps">
        <ol ref={list} aria-label={label} aria-description={t(locale, 'ui.steps.help')} onKeyDown={onKeyDown}>
          {view === 'key'
            ? sections.map((section) => (
                <Fragment key={section.hops[0].steps[0]}>
                  {section.stage && <li className={`step-stage ${section.stage.kind}`}>{stageTitle(locale, section.stage)}</li>}
                  {section.hops.map(hopRow)}
                </Fragment>
              ))
            : groups.map((g) => (
                <Fragment key={g.steps[0]}>
                  {g.stage && <li className={`step-stage ${g.stage.kind}`}>{stageTitle(locale, g.stage)}</li>}
                  {g.steps.map(stepRow)}
                </Fragment>
              ))}
        </ol>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {now && t(locale, 'ui.steps.announce', { n: current + 1, total: steps.length, where: whereText(locale, now.at) })}
      </p>
    </div>
  );
});
