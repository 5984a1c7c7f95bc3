/** The question model: types, scales, conditions, answer checks. Pure: no database, no HTTP. */
import { textProblem } from '../../../lib/safe-input';

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'choice', 'text', 'contact'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** `between` takes `[low, high]`, both included: a band of a scale, such as 7–8 for passives. */
export const SHOW_IF_OPS = ['lte', 'gte', 'between', 'eq', 'in'] as const;

export type LocalizedText = Record<string, string>;
export type ShowIf = {
  questionId: string;
  op: (typeof SHOW_IF_OPS)[number];
  value: number | string | (number | string)[];
};
export type ChoiceOption = { id: string; text: LocalizedText };
export type Question = {
  id: string;
  type: QuestionType;
  text: LocalizedText;
  required?: boolean;
  /** rating: the top of the 1–N scale. */
  scale?: number;
  /** choice: the options, one or several of which may be picked. */
  options?: ChoiceOption[];
  multiple?: boolean;
  /** text: the longest answer kept. */
  maxLength?: number;
  showIf?: ShowIf;
};

export type Answer = number | string | string[];
export type Answers = Record<string, Answer>;
export type AnswerError = { questionId: string; kind: 'unknown' | 'invalid' | 'required'; message: string };
/** How a respondent who agreed to be contacted can be reached; kept apart from the answers. */
export type ContactDetails = { email: string | null; phone: string | null };

export const TEXT_MAX_LENGTH = 5000;
export const SCORED_TYPES = ['nps', 'csat', 'ces'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

/** The numeric range of a scale question; undefined for choice and text. */
export function scaleOf(q: Pick<Question, 'type' | 'scale'>): { min: number; max: number } | undefined {
  switch (q.type) {
    case 'nps':
      return { min: 0, max: 10 };
    case 'csat':
      return { min: 1, max: 5 };
    case 'ces':
      return { min: 1, max: 7 };
    case 'rating':
      return { min: 1, max: q.scale ?? 5 };
    default:
      return undefined;
  }
}

/** The text in `locale`, else the survey's default locale, else any text there is. */
export function localize(text: LocalizedText | undefined, locale: string, fallback: string): string {
  if (!text) return '';
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

function matches(answer: Answer | undefined, op: ShowIf['op'], value: ShowIf['value']): boolean {
  if (answer === undefined) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  const wanted = Array.isArray(value) ? value : [value];
  switch (op) {
    case 'lte':
      return typeof answer === 'number' && answer <= Number(value);
    case 'gte':
      return typeof answer === 'number' && answer >= Number(value);
    case 'between':
      return (
        typeof answer === 'number' &&
        answer >= Number(wanted[0]) &&
        answer <= Number(wanted[wanted.length - 1])
      );
    case 'eq':
      return given.some((a) => String(a) === String(value));
    case 'in':
      return given.some((a) => wanted.some((w) => String(w) === String(a)));
  }
}

/** Whether a question is shown, given the answers so far (a condition on an unanswered question hides it). */
export const isVisible = (q: Question, answers: Answers) =>
  !q.showIf || matches(answers[q.showIf.questionId], q.showIf.op, q.showIf.value);

/** Coerces one raw answer (JSON or form text) to its stored form; `undefined` means not answered. */
export function coerceAnswer(
  q: Question,
  raw: unknown,
): { value?: Answer; error?: string; contact?: ContactDetails } {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return {};
  if (q.type === 'contact') return coerceContact(raw);
  const range = scaleOf(q);
  if (range) {
    const n =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)
          ? Number(raw)
          : NaN;
    if (!Number.isInteger(n) || n < range.min || n > range.max) {
      return { error: `must be a whole number from ${range.min} to ${range.max}` };
    }
    return { value: n };
  }
  if (q.type === 'choice') {
    const picked = Array.isArray(raw) ? raw : [raw];
    if (!picked.every((p) => typeof p === 'string')) return { error: 'must be option ids' };
    const ids = [...new Set(picked as string[])];
    const known = new Set((q.options ?? []).map((o) => o.id));
    const bad = ids.find((id) => !known.has(id));
    if (bad !== undefined) return { error: `is not an option of this question: ${bad.slice(0, 40)}` };
    if (!q.multiple && ids.length > 1) return { error: 'takes one option' };
    return { value: q.multiple ? ids : ids[0] };
  }
  if (typeof raw !== 'string') return { error: 'must be text' };
  const problem = textProblem(raw);
  if (problem) return { error: problem };
  const text = raw.trim();
  const max = q.maxLength ?? TEXT_MAX_LENGTH;
  if (text.length > max) return { error: `must be at most ${max} characters` };
  return text ? { value: text } : {};
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
const PHONE = /^\+?[0-9][0-9 ()./-]{4,28}[0-9]$/;
const CONSENT_WORDS: Record<string, boolean> = { yes: true, true: true, no: false, false: false };

/**
 * A "may we contact you?" answer: `true`/`false`, `"yes"`/`"no"`, or `{consent, email?, phone?}`.
 * It is stored as "yes" or "no"; the e-mail and phone, asked only with a yes, go apart.
 */
function coerceContact(raw: unknown): { value?: Answer; error?: string; contact?: ContactDetails } {
  const given =
    typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : { consent: raw };
  const consent =
    typeof given.consent === 'boolean' ? given.consent : CONSENT_WORDS[String(given.consent ?? '')];
  if (consent === undefined) return { error: 'must say yes or no (consent: true or false)' };
  if (!consent) return { value: 'no' };
  const text = (v: unknown) =>
    typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : undefined;
  const email = text(given.email);
  const phone = text(given.phone);
  if (email === undefined || (email && !EMAIL.test(email)))
    return { error: 'email: must be an e-mail address' };
  if (phone === undefined || (phone && !PHONE.test(phone))) return { error: 'phone: must be a phone number' };
  if (!email && !phone) return { error: 'needs an e-mail address or a phone number to contact' };
  return { value: 'yes', contact: { email: email ? email.toLowerCase() : null, phone: phone || null } };
}

/**
 * Checks raw answers against the questions: unknown ids and bad values are errors; answers to
 * questions their conditions hide are dropped; when `complete`, every shown required question
 * must be answered.
 */
export function checkAnswers(
  questions: Question[],
  raw: Record<string, unknown>,
  { complete }: { complete: boolean },
): { answers: Answers; errors: AnswerError[]; contact?: ContactDetails } {
  const errors: AnswerError[] = [];
  let contact: ContactDetails | undefined;
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(raw)) {
    if (!byId.has(id))
      errors.push({ questionId: id, kind: 'unknown', message: 'is not a question of this survey' });
  }
  const answers: Answers = {};
  for (const q of questions) {
    // Conditions refer to earlier questions only, so one pass in order settles visibility.
    // An answer to a question its condition hides is ignored, whatever it holds.
    if (!isVisible(q, answers)) continue;
    const coerced = coerceAnswer(q, raw[q.id]);
    if (coerced.error) errors.push({ questionId: q.id, kind: 'invalid', message: coerced.error });
    if (coerced.value !== undefined) answers[q.id] = coerced.value;
    else if (complete && q.required && !coerced.error) {
      errors.push({ questionId: q.id, kind: 'required', message: 'is required' });
    }
    contact ??= coerced.contact;
  }
  return { answers, errors, ...(contact && { contact }) };
}

/** The questions shown for these answers, in order. */
export const visibleQuestions = (questions: Question[], answers: Answers) =>
  questions.filter((q) => isVisible(q, answers));

/** The first answered nps, csat and ces questions: the scores a response reports. */
export function scoresOf(questions: Question[], answers: Answers): Partial<Record<ScoredType, number>> {
  const scores: Partial<Record<ScoredType, number>> = {};
  for (const q of questions) {
    const value = answers[q.id];
    if ((SCORED_TYPES as readonly string[]).includes(q.type) && typeof value === 'number') {
      scores[q.type as ScoredType] ??= value;
    }
  }
  return scores;
}

/** The free-text answers, for text insight and erasure. */
export const textsOf = (questions: Question[], answers: Answers): string[] =>
  questions
    .filter((q) => q.type === 'text' && typeof answers[q.id] === 'string')
    .map((q) => answers[q.id] as string);
