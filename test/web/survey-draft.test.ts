import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client';
import { draftProblems, problemAt, serverProblems } from '../../web/src/pages/surveys/builder-problems';
import { cleanDraft, languagesOf, newSurvey } from '../../web/src/pages/surveys/draft';
import { draftFromTemplate } from '../../web/src/pages/surveys/template-picker';

describe('survey builder drafts', () => {
  it('starts in the user’s language and a template in it alone, or in all four', () => {
    expect(newSurvey('pl').defaultLocale).toBe('pl');
    const polish = draftFromTemplate('npsRelationship', 'pl', false);
    expect(languagesOf(polish)).toEqual(['pl']);
    expect(polish.texts.title).toEqual({ pl: 'Jak nam idzie?' });
    expect(languagesOf(draftFromTemplate('enpsPulse', 'cs', true))).toEqual(['en', 'pl', 'cs', 'ru']);
    expect(draftFromTemplate('enpsPulse', 'cs', true).audience).toBe('employees');
  });

  it('asks for every text in the languages chosen and none other, each problem on its field', () => {
    const draft = draftFromTemplate('csatContact', 'pl', true);
    const polishOnly = cleanDraft({ ...draft, name: ' Po kontakcie ' }, ['pl']);
    expect(polishOnly.name).toBe('Po kontakcie');
    expect(Object.keys(polishOnly.questions[0].text)).toEqual(['pl']);
    expect(draftProblems(polishOnly, ['pl'])).toEqual(new Map());

    const blank = cleanDraft(newSurvey('pl'), ['pl', 'en']);
    const problems = draftProblems(
      {
        ...blank,
        questions: [
          blank.questions[0],
          {
            id: 'why',
            type: 'text',
            text: { pl: 'Dlaczego?' },
            showIf: { questionId: 'nps', op: 'lte', value: 11 },
          },
        ],
      },
      ['pl', 'en'],
    );
    expect([...problems]).toEqual([
      ['name', { code: 'nameRequired' }],
      ['questions.0.text', { code: 'textRequired', params: { locale: 'pl' } }],
      ['questions.1.text', { code: 'textRequired', params: { locale: 'en' } }],
      ['questions.1.showIf.value', { code: 'branchOutOfRange', params: { min: 0, max: 10 } }],
    ]);
    expect(problemAt(problems, 'questions.1.showIf')).toEqual({
      code: 'branchOutOfRange',
      params: { min: 0, max: 10 },
    });
  });

  it('puts a refused save’s problems on the fields the API names', () => {
    const refused = new ApiError({ status: 400, errors: [{ field: 'body.questions.2.text', message: 'x' }] });
    expect([...serverProblems(refused)]).toEqual([['questions.2.text', { code: 'server' }]]);
    expect(serverProblems(new Error('network'))).toEqual(new Map());
  });
});
