/** The question model: types, scales, conditions, answer checks. Pure: no database, no HTTP. */
import { textProblem } from '../../../lib/safe-input';

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SHOW_IF_OPS = ['lte', 'gte', 'eq', 'in'] as const;

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
export function coerceAnswer(q: Question, raw: unknown): { value?: Answer; error?: string } {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return {};
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

/**
 * Checks raw answers against the questions: unknown ids and bad values are errors; answers to
 * questions their conditions hide are dropped; when `complete`, every shown required question
 * must be answered.
 */
export function checkAnswers(
  questions: Question[],
  raw: Record<string, unknown>,
  { complete }: { complete: boolean },
): { answers: Answers; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(raw)) {
    if (!byId.has(id))
      errors.push({ questionId: id, kind: 'unknown', message: 'is not a question of this survey' });
  }
  const answers: Answers = {};
  for (const q of questions) {
    const { value, error } = coerceAnswer(q, raw[q.id]);
    if (error) errors.push({ questionId: q.id, kind: 'invalid', message: error });
    // Conditions refer to earlier questions only, so one pass in order settles visibility.
    if (!isVisible(q, answers)) continue;
    if (value !== undefined) answers[q.id] = value;
    else if (complete && q.required && !error) {
      errors.push({ questionId: q.id, kind: 'required', message: 'is required' });
    }
  }
  return { answers, errors };
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
