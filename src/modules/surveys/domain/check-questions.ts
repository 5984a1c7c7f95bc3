import type { FieldError } from '../../../lib/errors';
import { type Question, scaleOf } from './questions';

/**
 * Survey-level rules a per-question schema cannot see: unique ids, options for choices,
 * conditions that point to an earlier question and compare like with like, and a text in
 * the survey's default locale. Field names are relative to the request body.
 */
export function checkQuestions(questions: Question[], defaultLocale: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, Question>();
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (seen.has(q.id)) errors.push({ field: `${at}.id`, message: `repeats the id "${q.id}"` });
    if (!q.text[defaultLocale]) {
      errors.push({
        field: `${at}.text.${defaultLocale}`,
        message: 'is required: the default locale of the survey',
      });
    }
    if (q.type === 'choice') {
      if (!q.options || q.options.length < 2)
        errors.push({ field: `${at}.options`, message: 'needs at least two options' });
      const ids = (q.options ?? []).map((o) => o.id);
      if (new Set(ids).size !== ids.length)
        errors.push({ field: `${at}.options`, message: 'option ids must be unique' });
      (q.options ?? []).forEach((o, j) => {
        if (!o.text[defaultLocale]) {
          errors.push({
            field: `${at}.options.${j}.text.${defaultLocale}`,
            message: 'is required: the default locale',
          });
        }
      });
    } else if (q.options) {
      errors.push({ field: `${at}.options`, message: 'only choice questions have options' });
    }
    if (q.scale !== undefined && q.type !== 'rating') {
      errors.push({ field: `${at}.scale`, message: 'only rating questions have a scale' });
    }
    if (q.showIf) errors.push(...checkCondition(q, seen, `${at}.showIf`));
    seen.set(q.id, q);
  });
  return errors;
}

function checkCondition(q: Question, earlier: Map<string, Question>, at: string): FieldError[] {
  const cond = q.showIf!;
  const target = earlier.get(cond.questionId);
  if (!target) return [{ field: `${at}.questionId`, message: 'must name an earlier question' }];
  if ((cond.op === 'lte' || cond.op === 'gte') && (!scaleOf(target) || typeof cond.value !== 'number')) {
    return [{ field: `${at}.value`, message: `${cond.op} compares a scale question with a number` }];
  }
  if (cond.op === 'in' && !Array.isArray(cond.value)) {
    return [{ field: `${at}.value`, message: 'in takes a list of values' }];
  }
  if (cond.op !== 'in' && Array.isArray(cond.value)) {
    return [{ field: `${at}.value`, message: `${cond.op} takes one value` }];
  }
  return [];
}
