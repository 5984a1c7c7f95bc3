/** Number, money and date formats of a locale, time zone and base currency; cached per combination. */
const cache = new Map<string, ReturnType<typeof build>>();

export function makeFormat(locale: string, timeZone: string, currency: string) {
  const key = `${locale}|${timeZone}|${currency}`;
  let f = cache.get(key);
  if (!f) {
    f = build(locale, timeZone, currency);
    cache.set(key, f);
  }
  return f;
}

function build(locale: string, timeZone: string, baseCurrency: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const decimal2 = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const asDate = (v: string | Date | number) => (v instanceof Date ? v : new Date(v));
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  return {
    locale,
    timeZone,
    baseCurrency,
    int: (v: number | null | undefined) => (ok(v) ? integer.format(v) : '—'),
    dec: (v: number | null | undefined) => (ok(v) ? decimal.format(v) : '—'),
    num: (v: number | null | undefined) => (ok(v) ? decimal2.format(v) : '—'),
    /** `v` is a share 0..1. */
    pct: (v: number | null | undefined) => (ok(v) ? percent.format(v) : '—'),
    date: (v: string | Date | number | null | undefined) => (v == null ? '—' : date.format(asDate(v))),
    dateTime: (v: string | Date | number | null | undefined) =>
      v == null ? '—' : dateTime.format(asDate(v)),
    /** A `YYYY-MM` period label. */
    month: (v: string) => {
      const d = new Date(`${v.slice(0, 7)}-01T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? v : month.format(d);
    },
    /** Integer minor units of `currency` (default: the organization's base currency). */
    money: (minor: number | null | undefined, currency = baseCurrency) => {
      if (!ok(minor)) return '—';
      let f = moneyFormats.get(currency);
      if (!f) {
        f = new Intl.NumberFormat(locale, { style: 'currency', currency });
        moneyFormats.set(currency, f);
      }
      return f.format(minor / minorPerMajor(currency));
    },
  };
}

export type Format = ReturnType<typeof build>;

const minorUnits = new Map<string, number>();

/** Minor units in one major unit of `currency`: 100 for EUR, 1 for JPY. */
export function minorPerMajor(currency: string): number {
  let units = minorUnits.get(currency);
  if (units === undefined) {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    units = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
    minorUnits.set(currency, units);
  }
  return units;
}
