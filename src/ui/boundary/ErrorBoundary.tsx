// A part of the page that throws while drawing shows a short message in its place, and every
// other part goes on: the learner's text lives in the store and in storage, not in the part.
// "Try again" draws the part afresh; so does a change of `retryOn` (the next step, for a step's
// card). Errors in event handlers are not caught here: they do not stop a part from drawing.

import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useApp } from '../../store/react';
import { selectLocale } from '../../store/selectors';
import { boundaryText, errorDetail } from './boundaryText';
import './boundary.css';

interface Props {
  /** Which part this is, for the console and the page (`data-part`). */
  part: string;
  /** Classes for the message, so it takes the part's place in the layout. */
  className?: string;
  /** A value whose change draws a failed part afresh. */
  retryOn?: unknown;
  children: ReactNode;
}

interface State {
  /** Something may throw `undefined`: whether it failed is kept apart from what was thrown. */
  failed: boolean;
  error: unknown;
  /** Drawing afresh is mounting anew: a new key for the part. */
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`PacketWalk: the ${this.props.part} part stopped drawing`, error, info.componentStack);
  }

  override componentDidUpdate(previous: Props, previousState: State) {
    // Only a change after the failure was shown: the change that made it fail is not a reason to retry.
    if (this.state.failed && previousState.failed && !Object.is(previous.retryOn, this.props.retryOn)) this.retry();
  }

  retry = () => this.setState((s) => ({ failed: false, error: null, attempt: s.attempt + 1 }));

  override render() {
    const { part, className, children } = this.props;
    if (this.state.failed) return <Stopped part={part} className={className} error={this.state.error} onRetry={this.retry} />;
    return <Fragment key={this.state.attempt}>{children}</Fragment>;
  }
}

function Stopped({ part, className, error, onRetry }: { part: string; className?: string; error: unknown; onRetry: () => void }) {
  const locale = useApp(selectLocale);
  return (
    <div className={className ? `boundary ${className}` : 'boundary'} role="alert" data-part={part}>
      <div className="boundary-body">
        <p>{boundaryText(locale, 'ui.boundary.stopped')}</p>
        <button type="button" className="ghost" onClick={onRetry}>
          {boundaryText(locale, 'ui.boundary.retry')}
        </button>
        <details>
          <summary>{boundaryText(locale, 'ui.boundary.details')}</summary>
          <pre data-raw>{errorDetail(error)}</pre>
        </details>
      </div>
    </div>
  );
}
