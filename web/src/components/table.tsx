import { useMemo, useState, type ReactNode } from 'react';
import { downloadCsv, toCsv } from './csv.js';

export interface Column<T> {
  readonly key: string;
  readonly label: string;
  /** The sortable, exportable value. */
  readonly value: (row: T) => string | number | null;
  /** How the cell shows (defaults to the value). */
  readonly render?: (row: T) => ReactNode;
  readonly numeric?: boolean;
}

/** A table whose column headers sort the rows shown, with a CSV export of those rows. */
export function SortableTable<T>({ caption, columns, rows, csvName, rowKey }: { caption: string; columns: readonly Column<T>[]; rows: readonly T[]; csvName: string; rowKey: (row: T) => string }) {
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort?.key);
    if (!col || !sort) return rows;
    return [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sort.dir;
    });
  }, [rows, columns, sort]);
  const exportCsv = () =>
    downloadCsv(
      csvName,
      toCsv(
        columns.map((c) => c.label),
        sorted.map((r) => columns.map((c) => c.value(r))),
      ),
    );
  return (
    <div className="table-wrap">
      <table>
        <caption>
          <span>{caption}</span>
          <button type="button" className="small" onClick={exportCsv}>
            Export CSV
          </button>
        </caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const dir = sort?.key === c.key ? sort.dir : 0;
              return (
                <th key={c.key} scope="col" aria-sort={dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none'} className={c.numeric ? 'num' : undefined}>
                  <button type="button" className="sort" onClick={() => setSort({ key: c.key, dir: dir === 1 ? -1 : 1 })}>
                    {c.label}
                    <span aria-hidden="true">{dir === 1 ? ' ▲' : dir === -1 ? ' ▼' : ' ↕'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.render ? c.render(r) : c.value(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
