// On a phone the page stacks: the picture, the playback, then ONE of these parts at a time,
// chosen in a tab bar — the current step's card, the step list, the rule listing, the editor.
// The tabs follow the ARIA tabs pattern: one tab stop, arrow keys move between the tabs. The bar
// has its own error boundary, in the app as in the embed.

import { useRef, type KeyboardEvent } from 'react';
import { ErrorBoundary } from './boundary/ErrorBoundary';
import { useT } from './useT';

export type PhoneTab = 'step' | 'steps' | 'rules' | 'editor';

const labels = {
  step: 'ui.frame.tab.step',
  steps: 'ui.frame.tab.steps',
  rules: 'ui.frame.tab.rules',
  editor: 'ui.frame.tab.editor',
} as const satisfies Record<PhoneTab, string>;

/** What a part of the page carries when it is a tab's panel; on a wide screen (no tab chosen) nothing. */
export function panelProps(part: PhoneTab, shown: PhoneTab | undefined) {
  if (shown === undefined) return {};
  return { id: `panel-${part}`, role: 'tabpanel', 'aria-labelledby': `tab-${part}`, hidden: part !== shown };
}

interface TabsProps {
  tabs: readonly PhoneTab[];
  shown: PhoneTab;
  onShow: (tab: PhoneTab) => void;
}

export function PhoneTabs(props: TabsProps) {
  return (
    <ErrorBoundary part="tabs">
      <TabBar {...props} />
    </ErrorBoundary>
  );
}

function TabBar({ tabs, shown, onShow }: TabsProps) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.indexOf(shown);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    // Handled here: the page's own ← and → (step the walk) must not fire as well.
    e.preventDefault();
    onShow(tabs[to]);
    list.current?.querySelector<HTMLElement>(`#tab-${tabs[to]}`)?.focus();
  };
  return (
    <div className="phone-tabs" role="tablist" aria-label={t('ui.frame.tabs')} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-controls={`panel-${tab}`}
          aria-selected={tab === shown}
          tabIndex={tab === shown ? 0 : -1}
          onClick={() => onShow(tab)}
        >
          {t(labels[tab])}
        </button>
      ))}
    </div>
  );
}
