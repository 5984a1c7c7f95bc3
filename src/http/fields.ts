import { z } from 'zod';
import {
  findInputProblem,
  isDayInRange,
  isInstantInRange,
  YEAR_MAX,
  YEAR_MIN,
  YEARS_MESSAGE,
} from '../lib/safe-input';

/**
 * Request fields shared by every module, bounded by what their columns hold (see
 * `src/lib/safe-input.ts` for why). Text needs nothing here: the validator compiler refuses NUL and
 * lone surrogates in every string and key of every request (`src/http/validation.ts`).
 */

/** An ISO 8601 date-time with offset, years 1000–9999; stays text. */
export const ZInstant = z.iso
  .datetime({ offset: true })
  .refine(isInstantInRange, YEARS_MESSAGE)
  .describe(`ISO 8601 date-time with offset, years ${YEAR_MIN}–${YEAR_MAX}`);

/** The same, read as a Date. */
export const ZInstantDate = ZInstant.transform((s) => new Date(s));

/** A calendar date YYYY-MM-DD, years 1000–9999. */
export const ZDay = z.iso
  .date()
  .refine(isDayInRange, YEARS_MESSAGE)
  .describe(`calendar date YYYY-MM-DD, years ${YEAR_MIN}–${YEAR_MAX}`);

/** A calendar month YYYY-MM, years 1000–9999. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .refine((s) => isDayInRange(`${s}-01`), YEARS_MESSAGE)
  .describe(`calendar month YYYY-MM, years ${YEAR_MIN}–${YEAR_MAX}`);

/** Money in integer minor units (cents): a safe integer, so a `bigint` column and JavaScript agree. */
export const zMinorUnits = ({ min = 0, max = Number.MAX_SAFE_INTEGER } = {}) => z.int().min(min).max(max);

/**
 * An exchange rate, `numeric(30, 12)`: from 1e-12 (its twelve decimal places; anything smaller
 * would be stored as 0) to 1e12.
 */
export const ZRate = z.number().min(1e-12).max(1e12);

/** A share strictly between 0 and 1 kept in a `real` column: at least 1e-6 from either end. */
export const ZOpenShare = z
  .number()
  .min(1e-6)
  .max(1 - 1e-6);

/**
 * The same refusal of NUL, lone surrogates and denormals as the validator compiler's, for input
 * parsed outside a route: streamed import rows. `ctx.addIssue` names the field.
 */
export function refuseUnstorable(value: unknown, ctx: z.RefinementCtx) {
  const problem = findInputProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
}
