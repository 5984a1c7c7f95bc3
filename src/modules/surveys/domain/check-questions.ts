import { isLocale } from '../../../i18n/locales';
import type { FieldError } from '../../../lib/errors';
import { type Question, scaleOf } from './questions';

/**
 * What is wrong with a survey's questions, as a code the dashboard words in its reader's
 * language and a message for the API. `field` is relative to the request body.
 */
export type QuestionProblem = {
  field: string;
  code:
    | 'duplicateId'
    | 'missingLocale'
    | 'tooFewOptions'
    | 'duplicateOptions'
    | 'optionsOnlyForChoice'
    | 'scaleOnlyForRating'
    | 'branchNotEarlier'
    | 'branchNeedsScale'
    | 'branchOutOfRange'
    | 'branchNeedsList'
    | 'branchNeedsOne'
    | 'branchNeedsBand';
  params?: Record<string, string | number>;
  message: string;
};

const textsOf = (questions: Question[]) =>
  questions.flatMap((q) => [q.text, ...(q.options ?? []).map((o) => o.text)]);

/** The product's locales in which every question and option has a text (a survey's default is one). */
export function completeLocales(questions: Question[]): string[] {
  const texts = textsOf(questions);
  const first = Object.keys(texts[0] ?? {}).filter(isLocale);
  return first.filter((l) => texts.every((t) => Boolean(t[l])));
}

/** The locales in which any question has a text. */
export const writtenLocales = (questions: Question[]): string[] => [
  ...new Set(questions.flatMap((q) => Object.keys(q.text).filter((l) => q.text[l] && isLocale(l)))),
];

/**
 * The survey's default locale: the one asked for when every text is written in it, else the
 * locale every text is written in (a survey written in Polish alone is a Polish survey).
 * Undefined when no one locale holds every text.
 */
export function effectiveLocale(questions: Question[], requested: string | undefined): string | undefined {
  const complete = completeLocales(questions);
  if (requested && complete.includes(requested)) return requested;
  return complete[0];
}

/**
 * Survey-level rules a per-question schema cannot see: unique ids, options for choices,
 * branches that point to an earlier question and compare like with like, and one locale in
 * which every text is written (any one is enough).
 */
export function questionProblems(questions: Question[], requestedLocale?: string): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const seen = new Map<string, Question>();
  const locale = effectiveLocale(questions, requestedLocale);
  const reference = locale ?? mostWritten(questions, requestedLocale);
  const missing = (field: string) =>
    problems.push({
      field,
      code: 'missingLocale',
      params: { locale: reference },
      message: `needs a text in "${reference}", the language of the survey's other texts`,
    });
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (seen.has(q.id))
      problems.push({
        field: `${at}.id`,
        code: 'duplicateId',
        params: { id: q.id },
        message: `repeats the id "${q.id}"`,
      });
    if (!locale && !q.text[reference]) missing(`${at}.text`);
    if (q.type === 'choice') {
      if (!q.options || q.options.length < 2)
        problems.push({
          field: `${at}.options`,
          code: 'tooFewOptions',
          message: 'needs at least two options',
        });
      const ids = (q.options ?? []).map((o) => o.id);
      if (new Set(ids).size !== ids.length)
        problems.push({
          field: `${at}.options`,
          code: 'duplicateOptions',
          message: 'option ids must be unique',
        });
      (q.options ?? []).forEach((o, j) => {
        if (!locale && !o.text[reference]) missing(`${at}.options.${j}.text`);
      });
    } else if (q.options) {
      problems.push({
        field: `${at}.options`,
        code: 'optionsOnlyForChoice',
        message: 'only choice questions have options',
      });
    }
    if (q.scale !== undefined && q.type !== 'rating') {
      problems.push({
        field: `${at}.scale`,
        code: 'scaleOnlyForRating',
        message: 'only rating questions have a scale',
      });
    }
    if (q.showIf) problems.push(...branchProblems(q, seen, `${at}.showIf`));
    seen.set(q.id, q);
  });
  return problems;
}

/**
 * Without a common locale, texts are missing in the product's locale most texts are written in
 * (ties: the one asked for).
 */
function mostWritten(questions: Question[], requested: string | undefined): string {
  const counts = new Map<string, number>();
  for (const t of textsOf(questions))
    for (const [l, v] of Object.entries(t)) if (v && isLocale(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = requested ?? 'en';
  for (const [l, n] of counts) if (n > (counts.get(best) ?? 0)) best = l;
  return best;
}

/** The same rules as API field errors. */
export const checkQuestions = (questions: Question[], requestedLocale?: string): FieldError[] =>
  questionProblems(questions, requestedLocale).map(({ field, message }) => ({ field, message }));

function branchProblems(q: Question, earlier: Map<string, Question>, at: string): QuestionProblem[] {
  const cond = q.showIf!;
  const target = earlier.get(cond.questionId);
  if (!target)
    return [
      { field: `${at}.questionId`, code: 'branchNotEarlier', message: 'must name an earlier question' },
    ];
  const range = scaleOf(target);
  const numeric = cond.op === 'lte' || cond.op === 'gte' || cond.op === 'between';
  const values = Array.isArray(cond.value) ? cond.value : [cond.value];
  if (numeric && (!range || !values.every((v) => typeof v === 'number'))) {
    return [
      {
        field: `${at}.value`,
        code: 'branchNeedsScale',
        message: `${cond.op} compares a scale question with a number`,
      },
    ];
  }
  if (cond.op === 'between' && (values.length !== 2 || Number(values[0]) > Number(values[1]))) {
    return [
      { field: `${at}.value`, code: 'branchNeedsBand', message: 'between takes [low, high], low ≤ high' },
    ];
  }
  if (cond.op === 'in' && !Array.isArray(cond.value)) {
    return [{ field: `${at}.value`, code: 'branchNeedsList', message: 'in takes a list of values' }];
  }
  if (cond.op !== 'in' && cond.op !== 'between' && Array.isArray(cond.value)) {
    return [{ field: `${at}.value`, code: 'branchNeedsOne', message: `${cond.op} takes one value` }];
  }
  if (numeric && range && values.some((v) => Number(v) < range.min || Number(v) > range.max)) {
    return [
      {
        field: `${at}.value`,
        code: 'branchOutOfRange',
        params: { min: range.min, max: range.max },
        message: `must be within the question's scale, ${range.min} to ${range.max}`,
      },
    ];
  }
  return [];
}
