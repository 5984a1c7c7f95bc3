import { type CsvColumn, toCsv } from '../../../src/lib/csv';

/**
 * Saves rows as a CSV file, with the server's formula-injection guard. Locales that write a decimal
 * comma get ';' so spreadsheets split the columns; the byte-order mark makes Excel read UTF-8.
 */
export function downloadCsv<T>(
  filename: string,
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  locale: string,
) {
  const delimiter = locale === 'en' ? ',' : ';';
  const text = toCsv(rows, columns, { delimiter, bom: true });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
