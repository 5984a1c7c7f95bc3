/**
 * CSV export (RFC 4180) that is safe to open in spreadsheet programs.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ tab CR LF or NUL
 * may be run as a formula by Excel, LibreOffice or Google Sheets, so such cells get a leading
 * single quote, which makes the program show them as text. Only text is neutralised: a number
 * such as −5 cannot carry a formula, and quoting it would turn it into text for the analyst.
 */

/** A column: a key of the row, or a header with a function that picks the cell value. */
export type CsvColumn<T> = (keyof T & string) | { header: string; value: (row: T) => unknown };

export interface CsvOptions {
  /** Field separator; ';' suits spreadsheets in locales with a decimal comma (pl, cs, ru). Default ','. */
  delimiter?: ',' | ';' | '\t';
  /** Prefix a UTF-8 byte-order mark so that Excel reads non-ASCII text correctly. Default false. */
  bom?: boolean;
}

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0']);

/** Prefix a text cell with a single quote when a spreadsheet could read it as a formula. */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? "'" + text : text;
}

/** Render one value as cell text: text is neutralised, other values are formatted as data. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return neutralizeFormula(text ?? '');
}

/** Quote a field when it holds the delimiter, a quote or a line break; inner quotes are doubled. */
function quoteField(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/** Serialise rows to CSV text with a header line; lines end with CRLF as RFC 4180 asks. */
export function toCsv<T>(
  rows: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const headers = columns.map((c) => (typeof c === 'string' ? c : c.header));
  const pickers = columns.map((c) => (typeof c === 'string' ? (row: T) => row[c] : c.value));
  const lines = [headers.map((h) => quoteField(neutralizeFormula(h), delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(pickers.map((pick) => quoteField(cellText(pick(row)), delimiter)).join(delimiter));
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/**
 * A cell of a streamed export: text, guarded against formulas, or a number already written the
 * way its reader's language writes numbers (`{ number: '660,16' }`), which is never prefixed.
 */
export type CsvCell = string | { number: string };

/** One line of a streamed export, ended by CRLF. */
export function csvLine(cells: readonly CsvCell[], delimiter: ',' | ';' | '\t'): string {
  return (
    cells
      .map((c) => quoteField(typeof c === 'string' ? neutralizeFormula(c) : c.number, delimiter))
      .join(delimiter) + '\r\n'
  );
}
