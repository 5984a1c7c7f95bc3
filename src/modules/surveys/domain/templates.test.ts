import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../i18n/locales';
import { completeLocales, questionProblems } from './check-questions';
import { checkAnswers } from './questions';
import { SURVEY_TEMPLATES, TEMPLATE_KEYS, templateIn } from './templates';

describe('survey templates', () => {
  it('are complete in every language and pass the survey rules', () => {
    expect(SURVEY_TEMPLATES.map((s) => s.key)).toEqual([...TEMPLATE_KEYS]);
    for (const template of SURVEY_TEMPLATES) {
      expect(questionProblems(template.questions, 'en'), template.key).toEqual([]);
      expect(completeLocales(template.questions), template.key).toEqual([...LOCALES]);
      for (const text of [template.name, template.texts.title, template.texts.thanks])
        expect(Object.keys(text).sort(), template.key).toEqual([...LOCALES].sort());
      // Each language's texts are its own, not an English copy.
      for (const locale of LOCALES.filter((l) => l !== 'en'))
        expect(template.questions[0].text[locale], `${template.key} ${locale}`).not.toBe(
          template.questions[0].text.en,
        );
    }
  });

  it('ask detractors their own follow-up', () => {
    const nps = SURVEY_TEMPLATES.find((s) => s.key === 'npsRelationship')!;
    const detractor = checkAnswers(
      nps.questions,
      { nps: 3, detractor: 'slow', promoter: 'x' },
      { complete: true },
    );
    expect(detractor.answers).toEqual({ nps: 3, detractor: 'slow' });
    const passive = checkAnswers(
      nps.questions,
      { nps: 8, passive: 'price', detractor: 'x' },
      { complete: true },
    );
    expect(passive.answers).toEqual({ nps: 8, passive: 'price' });
  });

  it('give a survey written in one language', () => {
    const pl = templateIn(SURVEY_TEMPLATES[0], 'pl');
    expect(completeLocales(pl.questions)).toEqual(['pl']);
    expect(pl.texts.title).toEqual({ pl: 'Jak nam idzie?' });
    expect(pl.name).toBe('NPS – relacja');
  });
});
