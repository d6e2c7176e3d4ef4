// The table both comparisons draw: one column per walk, one row per fact, the rows whose cells
// differ marked, the walk the picture shows named, and a button under each other walk to show it.

import type { ReactNode } from 'react';
import { useT } from '../useT';

export interface CompareColumn {
  id: string;
  /** The column's heading (a policy, a mode picker). */
  head: ReactNode;
  /** The walk the picture shows. */
  shown: boolean;
  /** Under a walk not shown: what shows it. */
  show?: ReactNode;
}

/** A fact of every walk; `raw` when the cells are cluster data (a node name, a count), not sentences. */
export interface CompareRow {
  id: string;
  label: string;
  cells: string[];
  raw?: boolean;
}

export function CompareTable({ columns, rows }: { columns: CompareColumn[]; rows: CompareRow[] }) {
  const t = useT();
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col" />
          {columns.map((c) => (
            <th key={c.id} scope="col" className={c.shown ? 'current' : undefined}>
              {c.head}
              {c.shown && <span className="muted"> {t('ui.compare.shown')}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-fact={r.id} className={r.cells.some((c) => c !== r.cells[0]) ? 'differs' : undefined}>
            <th scope="row">{r.label}</th>
            {r.cells.map((c, i) => (
              <td key={columns[i].id} data-raw={r.raw || undefined}>
                {c}
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row" />
          {columns.map((c) => (
            <td key={c.id}>{!c.shown && c.show}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
