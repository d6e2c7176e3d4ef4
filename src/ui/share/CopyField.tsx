// A read-only text the learner takes away (the link, the embed code) with its Copy button and a
// polite status. Where the browser refuses the clipboard, the text is selected for Ctrl+C.

import { useId, useRef, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../useT';

interface Props {
  label: MessageKey;
  value: string;
  copy: MessageKey;
  copied: MessageKey;
  multiline?: boolean;
  /** Shown between the text and its button (e.g. how long the link is). */
  note?: ReactNode;
  /** Lines of a multiline field (6 by default). */
  rows?: number;
  /** Buttons before Copy (a fix's "Apply fix"). */
  children?: ReactNode;
}

export function CopyField({ label, value, copy, copied, multiline, note, rows = 6, children }: Props) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<MessageKey | null>(null);
  // A new text is not the one that was copied.
  const [copiedValue, setCopiedValue] = useState<string | null>(null);
  if (copiedValue !== null && copiedValue !== value) {
    setCopiedValue(null);
    setStatus(null);
  }

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(copied);
    } catch {
      field.current?.focus();
      field.current?.select();
      setStatus('ui.share.copyByHand');
    }
    setCopiedValue(value);
  };

  const common = {
    id,
    ref: field,
    readOnly: true,
    value,
    spellCheck: false,
    className: 'mono',
    'data-raw': true,
    onFocus: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => e.currentTarget.select(),
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{t(label)}</label>
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type="url" />}
      {note}
      <div className="copy-row">
        {children}
        <button type="button" className="share-action" onClick={onCopy}>
          {t(copy)}
        </button>
        <p className="copy-status" role="status">
          {status && t(status)}
        </p>
      </div>
    </div>
  );
}
