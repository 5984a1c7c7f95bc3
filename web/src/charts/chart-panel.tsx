import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../components/data-table';
import { Chart, type ChartOption } from './chart';

type Props<T> = {
  title: string;
  option: ChartOption;
  /** Every chart has its numbers behind it: a table to read and a CSV to take away. */
  table: {
    columns: Column<T>[];
    rows: readonly T[];
    rowKey: (row: T, i: number) => string;
    exportName: string;
  };
  height?: number;
  note?: ReactNode;
};

export function ChartPanel<T>({ title, option, table, height, note }: Props<T>) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="chart-panel">
      <header>
        <h2>{title}</h2>
        <button type="button" aria-expanded={showTable} onClick={() => setShowTable(!showTable)}>
          {showTable ? t('common.hideTable') : t('common.showTable')}
        </button>
      </header>
      {note && <p className="muted">{note}</p>}
      {table.rows.length ? (
        <Chart option={option} label={title} height={height} />
      ) : (
        <p className="muted">{t('common.noData')}</p>
      )}
      {showTable && (
        <DataTable
          caption={title}
          captionHidden
          columns={table.columns}
          rows={table.rows}
          rowKey={table.rowKey}
          exportName={table.exportName}
        />
      )}
    </section>
  );
}
