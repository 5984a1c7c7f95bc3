import type { Locale, Question } from '../../../../src/http/api-types';
import { questionProblems } from '../../../../src/modules/surveys/domain/check-questions';
import { ApiError } from '../../api/client';
import type { SurveyDraft } from './types';

/** A problem of one field of the builder: a catalogue code (`surveyBuilder.problems.…`) and its values. */
export type FieldProblem = { code: string; params?: Record<string, string | number> };
/** Problems by field path, as the API names fields without `body.` (`questions.0.text`). */
export type Problems = Map<string, FieldProblem>;

/**
 * What must be fixed before saving: a name, every text in each language the survey is written
 * in, and the survey rules the server applies (the same function), each on its field.
 */
export function draftProblems(draft: SurveyDraft, languages: readonly Locale[]): Problems {
  const problems: Problems = new Map();
  if (!draft.name.trim()) problems.set('name', { code: 'nameRequired' });
  const requireTexts = (text: Record<string, string>, field: string) => {
    const missing = languages.find((l) => !text[l]?.trim());
    if (missing) problems.set(field, { code: 'textRequired', params: { locale: missing } });
  };
  draft.questions.forEach((q: Question, i) => {
    requireTexts(q.text, `questions.${i}.text`);
    for (const [j, o] of (q.options ?? []).entries())
      requireTexts(o.text, `questions.${i}.options.${j}.text`);
  });
  for (const p of questionProblems(draft.questions, draft.defaultLocale)) {
    if (!problems.has(p.field)) problems.set(p.field, { code: p.code, params: p.params });
  }
  return problems;
}

/** The fields a refused save names: shown on each field in the reader's language. */
export function serverProblems(error: unknown): Problems {
  const problems: Problems = new Map();
  if (!(error instanceof ApiError)) return problems;
  for (const e of error.problem.errors ?? []) {
    problems.set(e.field.replace(/^body\./, ''), { code: 'server' });
  }
  return problems;
}

/** The problem of a field, or of a field beneath it (a question's `showIf.value` under `showIf`). */
export const problemAt = (problems: Problems, field: string) =>
  problems.get(field) ?? [...problems].find(([f]) => f.startsWith(`${field}.`))?.[1];
