// Calendar days as integers (days since 1970-01-01), so that date arithmetic on millions of
// rows is integer subtraction. Civil-calendar conversions after H. Hinnant's algorithms.

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DIGIT0 = 48;

function readDigits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - DIGIT0;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Parses 'YYYY-MM-DD' (or 'YYYYMMDD'); anything after the date (a time part) is ignored. NaN if malformed. */
export function parseDayNumber(s: string): number {
  const compact = s.length >= 8 && s.charCodeAt(4) !== 45;
  const y = readDigits(s, 0, 4);
  const m = readDigits(s, compact ? 4 : 5, 2);
  const d = readDigits(s, compact ? 6 : 8, 2);
  if (!compact && (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)) return Number.NaN;
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  const n = toDayNumber(y, m, d);
  // Reject dates such as 1997-02-30 that roll over into the next month.
  return formatDayNumber(n).endsWith(`-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    ? n
    : Number.NaN;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
