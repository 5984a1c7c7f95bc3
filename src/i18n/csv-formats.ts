import type { Locale } from './locales';

/**
 * How a CSV file for people of one language writes its values, so their spreadsheet reads them
 * as numbers and dates: the field separator (';' where the decimal mark is a comma), numbers
 * with the language's decimal mark and no grouping, money in major units, days and instants in
 * the language's order and the organization's time zone. Each returns '' for a missing value.
 */
export function csvFormats(locale: Locale, timeZone: string) {
  const decimalComma = new Intl.NumberFormat(locale).format(1.5).includes(',');
  const numbers = new Map<number, Intl.NumberFormat>();
  const fixed = (digits: number) => {
    let f = numbers.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: false,
      });
      numbers.set(digits, f);
    }
    return f;
  };
  const upTo3 = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false });
  const day = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  });
  const dayOnly = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  const instant = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  // Intl may write a minus sign (U+2212) that spreadsheets do not read as one.
  const plain = (text: string) => text.replace('\u2212', '-');
  return {
    delimiter: (decimalComma ? ';' : ',') as ';' | ',',
    integer: (v: number | null | undefined) => (ok(v) ? plain(fixed(0).format(v)) : ''),
    /** Minor units of `currency` as major units with its digits: 66016 EUR → 660,16 in Polish. */
    money: (minor: number | null | undefined, currency: string) =>
      ok(minor) ? plain(fixed(minorDigits(currency)).format(minor / 10 ** minorDigits(currency))) : '',
    /** A share or probability 0..1, to three decimals at most. */
    share: (v: number | null | undefined) => (ok(v) ? plain(upTo3.format(v)) : ''),
    decimal: (v: number | null | undefined, digits = 1) => (ok(v) ? plain(fixed(digits).format(v)) : ''),
    /** A calendar day `YYYY-MM-DD` as the language writes it. */
    day: (v: string | null | undefined) => (v ? dayOnly.format(new Date(`${v.slice(0, 10)}T00:00:00Z`)) : ''),
    /** The day of an instant in the organization's time zone. */
    dayOf: (v: Date | null | undefined) => (v ? day.format(v) : ''),
    /** Day and time of an instant in the organization's time zone. */
    instant: (v: Date | null | undefined) => (v ? instant.format(v) : ''),
  };
}

export type CsvFormats = ReturnType<typeof csvFormats>;

/** Digits after the decimal mark of `currency`: 2 for EUR, 0 for JPY. */
function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}
