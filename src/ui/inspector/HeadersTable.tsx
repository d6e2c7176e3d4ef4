import type { Headers } from '../../model/trace/types';
import { Fragment } from 'react';
import { useT } from '../useT';
import { headerRows } from './headerRows';

export function HeadersTable({ before, after }: { before: Headers; after: Headers }) {
  const t = useT();
  return (
    <table className="headers">
      <thead>
        <tr>
          <th scope="col">{t('ui.inspector.field')}</th>
          <th scope="col">{t('ui.inspector.before')}</th>
          <th scope="col" aria-hidden="true" />
          <th scope="col">{t('ui.inspector.after')}</th>
        </tr>
      </thead>
      <tbody>
        {headerRows(before, after).map((r) => (
          <tr key={r.field} className={r.changed ? 'changed' : undefined}>
            <th scope="row" data-raw>
              {r.field}
            </th>
            <td className="mono" data-raw>
              <Value text={r.before} />
            </td>
            <td className="arrow" aria-hidden="true">
              {r.changed ? '→' : ''}
            </td>
            <td className="mono" data-raw>
              <Value text={r.after} />
              {/* A space: in a narrow card the mark may go under the value instead of widening the column. */}
              {r.changed && ' '}
              {r.changed && <span className="changed-mark">{t('ui.inspector.changed')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A value breaks only after a dot or a colon, when the card is too narrow for it whole: an
 * address reads "10.244.2." / "88", never "10.244.2.8" / "8".
 */
function Value({ text }: { text: string }) {
  const parts = text.split(/(?<=[.:])/);
  return (
    <span className="value">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
