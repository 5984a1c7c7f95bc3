import { describe, expect, it } from 'vitest';
import { formatMessage } from './format';
import { LOCALES, negotiateLocale } from './locales';
import { CATALOGUES, t } from './t';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every key in every locale with the same placeholders', () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(CATALOGUES.en)) {
        const translated = CATALOGUES[locale][key as keyof typeof CATALOGUES.en];
        expect(translated, `${locale} ${key}`).toBeTruthy();
        expect(placeholders(translated), `${locale} ${key}`).toEqual(placeholders(message));
      }
    }
  });

  it('chooses plural forms by the rules of each language', () => {
    expect(t('en', 'survey.errorSummary', { count: 1 })).toBe('1 question needs your attention.');
    expect(t('en', 'survey.errorSummary', { count: 3 })).toBe('3 questions need your attention.');
    expect(t('pl', 'survey.errorSummary', { count: 2 })).toBe('2 pytania wymagają uwagi.');
    expect(t('pl', 'survey.errorSummary', { count: 5 })).toBe('5 pytań wymaga uwagi.');
    expect(t('cs', 'survey.errorSummary', { count: 3 })).toBe('3 otázky vyžadují pozornost.');
    expect(t('ru', 'survey.errorSummary', { count: 21 })).toBe('21 вопрос требует внимания.');
    expect(t('ru', 'survey.errorSummary', { count: 11 })).toBe('11 вопросов требуют внимания.');
  });

  it('fills placeholders, prefers exact plural matches and falls back to English', () => {
    expect(
      formatMessage('en', '{n, plural, =0 {none} one {# item} other {# items}} for {who}', {
        n: 0,
        who: 'x',
      }),
    ).toBe('none for x');
    expect(t('xx', 'survey.submit')).toBe('Send');
    expect(t('pl', 'email.invite.subject', { org: 'Pizzeria' })).toBe('Pizzeria prosi o Twoją opinię');
  });

  it('negotiates Accept-Language by weight', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,pl;q=0.8,en;q=0.7')).toBe('pl');
    expect(negotiateLocale('en;q=0.5, cs-CZ')).toBe('cs');
    expect(negotiateLocale('de')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
  });
});
