/**
 * What a client may send that the database cannot take, checked before it gets there.
 *
 * - Text: PostgreSQL refuses NUL (U+0000) in `text` and `jsonb`, and a lone UTF-16 surrogate is
 *   not Unicode: `jsonb` refuses it, a `text` column would silently store U+FFFD instead.
 * - Numbers: a denormal (a nonzero number closer to zero than 2.2e-308) rounds to zero in a
 *   `numeric(…, 12)` or `real` column and breaks `> 0` checks; no client means one.
 * - Dates: years 1000 to 9999. PostgreSQL has no year 0000 and JavaScript's ISO text of years
 *   past 9999 (`+010000-…`) is not what the database reads back; four digits keep every date
 *   in one fixed, sortable ISO form. The lower bound leaves room for any historical record a
 *   customer platform holds (birth dates, accounts opened generations ago) while refusing the
 *   typos (0202 for 2020) that would otherwise stretch reports over a millennium.
 */

/** The smallest positive normal double; nonzero numbers closer to zero are denormals. */
export const MIN_NORMAL = 2.2250738585072014e-308;
export const YEAR_MIN = 1000;
export const YEAR_MAX = 9999;
const EARLIEST_MS = Date.UTC(YEAR_MIN, 0, 1);
const LATEST_MS = Date.UTC(YEAR_MAX, 11, 31, 23, 59, 59, 999);

export const YEARS_MESSAGE = `must be in the years ${YEAR_MIN} to ${YEAR_MAX}`;

/** ES2024, in every Node this runs on (20+); the compiler's library predates it. */
type WellFormedCheck = string & { isWellFormed(): boolean };

/** Why a string cannot be stored as text, or undefined when it can. */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (!(s as WellFormedCheck).isWellFormed()) return 'must be valid Unicode (it holds a lone surrogate)';
  return undefined;
}

/** Why a number cannot be stored, or undefined when it can (range checks are the schema's). */
export function numberProblem(n: number): string | undefined {
  if (!Number.isFinite(n)) return 'must be a finite number';
  if (n !== 0 && Math.abs(n) < MIN_NORMAL) return 'must not be a denormal number (too close to zero)';
  return undefined;
}

export type InputProblem = { path: (string | number)[]; message: string };

/**
 * The first string, key or number of a parsed request part (JSON body, query, path, headers)
 * that no column can take. Keys are reported at their object, since the key itself is unprintable.
 * The path is built only on the way back from a find: most input holds nothing bad.
 */
export function findInputProblem(value: unknown): InputProblem | undefined {
  switch (typeof value) {
    case 'string': {
      const message = textProblem(value);
      return message ? { path: [], message } : undefined;
    }
    case 'number': {
      const message = numberProblem(value);
      return message ? { path: [], message } : undefined;
    }
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = findInputProblem(value[i]);
          if (found) return { path: [i, ...found.path], message: found.message };
        }
        return undefined;
      }
      for (const key of Object.keys(value)) {
        const keyMessage = textProblem(key);
        if (keyMessage) return { path: [], message: `keys ${keyMessage}` };
        const found = findInputProblem((value as Record<string, unknown>)[key]);
        if (found) return { path: [key, ...found.path], message: found.message };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A calendar date YYYY-MM-DD that exists, in the years the application handles. */
export function isDayInRange(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() && (month !== 2 || day < 29 || isLeap(year));
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** An ISO 8601 date-time with an offset whose instant falls in the years the application handles. */
export function isInstantInRange(s: string): boolean {
  if (!ISO_INSTANT.test(s) || !isDayInRange(s.slice(0, 10))) return false;
  const ms = Date.parse(s);
  return ms >= EARLIEST_MS && ms <= LATEST_MS;
}

/** A Date within the years the application handles. */
export const isDateInRange = (d: Date) => d.getTime() >= EARLIEST_MS && d.getTime() <= LATEST_MS;
