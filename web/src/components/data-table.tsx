import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../lib/download-csv';

export type Column<T> = {
  key: string;
  header: string;
  /** What the cell shows; defaults to the row's value at `key`. */
  render?: (row: T) => ReactNode;
  /** The value exported to CSV; defaults to what the cell shows when that is text, else the row's value at `key`. */
  value?: (row: T) => unknown;
  numeric?: boolean;
};

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** File name of a CSV export of the rows shown, for a table that shows all of its rows. */
  exportName?: string;
  /** The server's export of the whole list (every page, in the user's formats): a paged table links it. */
  exportUrl?: string;
  empty?: string;
  captionHidden?: boolean;
};

const pick = (row: unknown, key: string) => (row as Record<string, unknown>)[key];

/** What a cell exports: its `value`, else the text it shows (formatted for the user), else the row's value. */
function exportedValue<T>(column: Column<T>, row: T): unknown {
  if (column.value) return column.value(row);
  const shown = column.render?.(row);
  return typeof shown === 'string' || typeof shown === 'number' ? shown : pick(row, column.key);
}

/** A table with a caption and an optional safe CSV export of exactly what it lists. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  exportName,
  exportUrl,
  empty,
  captionHidden,
}: Props<T>) {
  const { t, i18n } = useTranslation();
  const exportCsv = () =>
    downloadCsv(
      exportName!,
      rows,
      columns.map((c) => ({ header: c.header, value: (r: T) => exportedValue(c, r) })),
      i18n.language,
    );
  return (
    <div className="table-wrap">
      {(exportName || exportUrl) && (
        <div className="table-tools">
          {exportUrl ? (
            <a className="button" href={exportUrl} download>
              {t('common.exportCsv')}
            </a>
          ) : (
            <button type="button" onClick={exportCsv} disabled={!rows.length}>
              {t('common.exportCsv')}
            </button>
          )}
        </div>
      )}
      <table>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty ?? t('common.empty')}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row, i)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(row) : String(pick(row, c.key) ?? '—')}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
