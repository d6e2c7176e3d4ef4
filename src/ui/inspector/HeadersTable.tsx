import type { Headers } from '../../model';
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
              {r.before}
            </td>
            <td className="arrow" aria-hidden="true">
              {r.changed ? '→' : ''}
            </td>
            <td className="mono" data-raw>
              {r.after}
              {r.changed && <span className="changed-mark">{t('ui.inspector.changed')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
