import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuestions, effectiveLocale, questionProblems } from './check-questions';
import { checkAnswers, isVisible, type Question, scoresOf, textsOf, visibleQuestions } from './questions';

const nps: Question = { id: 'nps', type: 'nps', text: { en: 'NPS' }, required: true };
const low: Question = {
  id: 'low',
  type: 'text',
  text: { en: 'Why low?' },
  showIf: { questionId: 'nps', op: 'lte', value: 6 },
};
const high: Question = {
  id: 'high',
  type: 'text',
  text: { en: 'Why high?' },
  showIf: { questionId: 'nps', op: 'gte', value: 9 },
};
const pick: Question = {
  id: 'pick',
  type: 'choice',
  multiple: true,
  text: { en: 'Which?' },
  options: [
    { id: 'a', text: { en: 'A' } },
    { id: 'b', text: { en: 'B' } },
  ],
};
const because: Question = {
  id: 'b_why',
  type: 'text',
  text: { en: 'B?' },
  showIf: { questionId: 'pick', op: 'in', value: ['b'] },
};
const QUESTIONS = [nps, low, high, pick, because];

describe('question rules', () => {
  it('shows the detractor or the promoter follow-up, never both', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (score) => {
        const shown = visibleQuestions(QUESTIONS, { nps: score }).map((q) => q.id);
        expect(shown.includes('low')).toBe(score <= 6);
        expect(shown.includes('high')).toBe(score >= 9);
      }),
    );
  });

  it('coerces form text, drops answers to hidden questions and names bad ones', () => {
    const { answers, errors } = checkAnswers(
      QUESTIONS,
      { nps: '10', low: 'hidden now', high: ' great ', pick: 'b', b_why: 'x' },
      { complete: true },
    );
    expect(errors).toEqual([]);
    expect(answers).toEqual({ nps: 10, high: 'great', pick: ['b'], b_why: 'x' });
    const bad = checkAnswers(QUESTIONS, { nps: 11, pick: ['c'], other: 1 }, { complete: true });
    expect(bad.errors.map((e) => [e.questionId, e.kind])).toEqual([
      ['other', 'unknown'],
      ['nps', 'invalid'],
      ['pick', 'invalid'],
    ]);
    expect(checkAnswers(QUESTIONS, {}, { complete: true }).errors).toEqual([
      { questionId: 'nps', kind: 'required', message: 'is required' },
    ]);
    expect(checkAnswers(QUESTIONS, {}, { complete: false }).errors).toEqual([]);
  });

  it('never accepts a scale answer out of range, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean()), (raw) => {
        const { answers } = checkAnswers([nps], { nps: raw }, { complete: false });
        const v = answers.nps;
        if (v !== undefined)
          expect(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10).toBe(true);
      }),
    );
  });

  it('reports scores and texts', () => {
    expect(scoresOf(QUESTIONS, { nps: 3, low: 'slow' })).toEqual({ nps: 3 });
    expect(textsOf(QUESTIONS, { nps: 3, low: 'slow' })).toEqual(['slow']);
  });

  it('checks survey-level rules with field names', () => {
    expect(checkQuestions(QUESTIONS, 'en')).toEqual([]);
    const fields = checkQuestions(
      [
        { ...low },
        { ...nps, text: { pl: 'x' } },
        { ...pick, options: [{ id: 'a', text: { en: 'A' } }] },
        { ...high, showIf: { questionId: 'pick', op: 'gte', value: 1 } },
      ],
      'en',
    ).map((e) => e.field);
    expect(fields).toEqual([
      'questions.0.showIf.questionId',
      'questions.1.text',
      'questions.2.options',
      'questions.3.showIf.value',
    ]);
  });

  it('takes any one locale for every text, and a band or a range of the scale for a branch', () => {
    const polish = [
      { ...nps, text: { pl: 'Polecisz nas?' } },
      {
        ...low,
        text: { pl: 'Co poszło nie tak?' },
        showIf: { questionId: 'nps', op: 'between' as const, value: [0, 6] },
      },
    ];
    expect(checkQuestions(polish, 'en')).toEqual([]);
    expect(effectiveLocale(polish, 'en')).toBe('pl');
    expect(effectiveLocale([{ ...nps, text: { en: 'a', pl: 'b' } }], 'pl')).toBe('pl');
    // A language the product does not speak is never a survey's default.
    expect(effectiveLocale([{ ...nps, text: { de: 'a' } }], 'en')).toBeUndefined();
    expect(checkQuestions([{ ...nps, text: { de: 'a' } }], 'en').map((e) => e.field)).toEqual([
      'questions.0.text',
    ]);
    const problems = questionProblems(
      [
        polish[0],
        { ...low, text: { en: 'x' }, showIf: { questionId: 'nps', op: 'lte', value: 11 } },
        {
          ...low,
          id: 'band',
          text: { pl: 'y' },
          showIf: { questionId: 'nps', op: 'between', value: [8, 7] },
        },
      ],
      'en',
    );
    expect(problems.map((p) => [p.field, p.code, p.params])).toEqual([
      ['questions.1.text', 'missingLocale', { locale: 'pl' }],
      ['questions.1.showIf.value', 'branchOutOfRange', { min: 0, max: 10 }],
      ['questions.2.showIf.value', 'branchNeedsBand', undefined],
    ]);
    expect(isVisible(polish[1], { nps: 6 })).toBe(true);
    expect(isVisible(polish[1], { nps: 7 })).toBe(false);
  });

  it('records contact consent apart from the answers', () => {
    const contact = { id: 'c', type: 'contact' as const, text: { en: 'May we?' } };
    expect(
      checkAnswers([contact], { c: { consent: true, email: ' Ann@Example.COM ' } }, { complete: true }),
    ).toEqual({
      answers: { c: 'yes' },
      errors: [],
      contact: { email: 'ann@example.com', phone: null },
    });
    expect(checkAnswers([contact], { c: 'no' }, { complete: true })).toEqual({
      answers: { c: 'no' },
      errors: [],
    });
    const missing = checkAnswers([contact], { c: 'yes' }, { complete: true });
    expect(missing.errors.map((e) => e.kind)).toEqual(['invalid']);
    const badMail = checkAnswers([contact], { c: { consent: true, email: 'not-mail' } }, { complete: true });
    expect(badMail.errors[0].message).toMatch(/^email/);
  });
});
