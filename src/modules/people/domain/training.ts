import { SOCO_DIMENSIONS } from './soco-instrument';

/** What a course builds: one of the SOCO dimensions or a service skill. */
export const TRAINING_SKILLS = [
  ...SOCO_DIMENSIONS,
  'product_knowledge',
  'complaint_handling',
  'communication',
  'hygiene_and_safety',
] as const;
export type TrainingSkill = (typeof TRAINING_SKILLS)[number];

/** A required course of a person: done (valid today), expired, or missing (never completed). */
export type TrainingStatus = 'done' | 'expired' | 'missing';

/** The day `months` after `day` (YYYY-MM-DD), clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

/** The day a completion stops counting (it counts until the day before); null when it never does. */
export const expiryOf = (completedOn: string, validityMonths: number | null) =>
  validityMonths === null ? null : addMonths(completedOn, validityMonths);

/**
 * A required course's status on `today` from the person's completions of it: the latest counts;
 * it is expired on and after its expiry day.
 */
export function statusOf(
  completions: readonly string[],
  validityMonths: number | null,
  today: string,
): { status: TrainingStatus; completedOn: string | null; expiresOn: string | null } {
  if (!completions.length) return { status: 'missing', completedOn: null, expiresOn: null };
  const completedOn = [...completions].sort().at(-1) as string;
  const expiresOn = expiryOf(completedOn, validityMonths);
  return { status: expiresOn !== null && expiresOn <= today ? 'expired' : 'done', completedOn, expiresOn };
}

export type MatrixPerson = { id: string; jobRole: string; group: string | null };
export type MatrixCounts = {
  required: number;
  done: number;
  expired: number;
  missing: number;
  coverage: number | null;
};

/**
 * The training matrix: per group (a team, a location), the required courses of its people (one per
 * person and course their job role requires) and how many are done, expired and missing;
 * coverage is done ÷ required in percent, one decimal (null when nothing is required).
 */
export function trainingMatrix(
  people: readonly MatrixPerson[],
  required: ReadonlyMap<string, readonly string[]>,
  statusOfPair: (personId: string, courseId: string) => TrainingStatus,
): Map<string | null, MatrixCounts> {
  const out = new Map<string | null, MatrixCounts>();
  for (const p of people) {
    const counts = out.get(p.group) ?? { required: 0, done: 0, expired: 0, missing: 0, coverage: null };
    for (const courseId of required.get(p.jobRole) ?? []) {
      counts.required++;
      counts[statusOfPair(p.id, courseId)]++;
    }
    out.set(p.group, counts);
  }
  for (const c of out.values())
    c.coverage = c.required ? Math.round((c.done / c.required) * 1000) / 10 : null;
  return out;
}
