// Every step of the walk, in parts (DNS queries, the connection …); the current one is
// marked and a click goes there.

import { Fragment, memo, useEffect, useMemo, useRef } from 'react';
import type { Locale } from '../../i18n/i18n';
import type { Step } from '../../model/trace/types';
import { groupByStage, stageTitle } from './stages';
import { shortWhereText, whereText } from './where';

interface Props {
  steps: Step[];
  current: number;
  locale: Locale;
  onPick: (step: number) => void;
  label: string;
}

export const StepList = memo(function StepList({ steps, current, locale, onPick, label }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const groups = useMemo(() => groupByStage(steps), [steps]);
  useEffect(() => {
    const item = list.current?.querySelector<HTMLElement>('[aria-current="step"]');
    const container = list.current?.parentElement;
    if (item && container) container.scrollTop = item.offsetTop - container.clientHeight / 2;
  }, [current]);
  return (
    <div className="steps">
      <ol ref={list} aria-label={label}>
        {groups.map((g) => (
          <Fragment key={g.steps[0]}>
            {g.stage && <li className={`step-stage ${g.stage.kind}`}>{stageTitle(locale, g.stage)}</li>}
            {g.steps.map((i) => {
              const s = steps[i];
              return (
                <li key={i} className={`step ${s.phase}`} aria-current={i === current ? 'step' : undefined}>
                  <button type="button" onClick={() => onPick(i)} title={whereText(locale, s.at)}>
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
            })}
          </Fragment>
        ))}
      </ol>
    </div>
  );
});
