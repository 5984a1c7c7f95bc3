import type { Locale } from '../../../../src/http/api-types';
import { LOCALES } from '../../i18n/setup';
import type { SurveyDraft } from './types';

/** A blank survey written in `locale`, the user's language. */
export const newSurvey = (locale: Locale): SurveyDraft => ({
  name: '',
  audience: 'customers',
  defaultLocale: locale,
  status: 'active',
  texts: {},
  questions: [
    { id: 'nps', type: 'nps', required: true, text: {} },
    { id: 'reason', type: 'text', text: {} },
  ],
});

/** The languages a saved survey is written in: its default and every one its first question has. */
export const languagesOf = (d: SurveyDraft): Locale[] =>
  LOCALES.filter((l) => l === d.defaultLocale || Boolean(d.questions[0]?.text[l]));

/** Keeps the texts of the survey's languages, without blanks: the API wants no empty text. */
export function cleanDraft(d: SurveyDraft, languages: readonly Locale[]): SurveyDraft {
  const clean = (t: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries(t).filter(([l, v]) => languages.includes(l as Locale) && v.trim() !== ''),
    );
  const texts = Object.fromEntries(
    (['title', 'intro', 'thanks'] as const).flatMap((k) => {
      const kept = clean(d.texts[k]);
      return Object.keys(kept).length ? [[k, kept]] : [];
    }),
  );
  return {
    ...d,
    name: d.name.trim(),
    texts,
    questions: d.questions.map((q) => ({
      ...q,
      text: clean(q.text),
      ...(q.options ? { options: q.options.map((o) => ({ ...o, text: clean(o.text) })) } : {}),
    })),
  };
}
