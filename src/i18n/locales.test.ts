import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales';

describe('pickLocale', () => {
  it('reads an Accept-Language header by its weights', () => {
    expect(pickLocale('de-DE,de;q=0.9,pl;q=0.8,en;q=0.7')).toBe('pl');
    expect(pickLocale('en;q=0.5, cs-CZ')).toBe('cs');
    expect(pickLocale('ru;q=0, pl;q=0.1')).toBe('pl');
  });

  it('takes the first candidate the product speaks, else English', () => {
    expect(pickLocale(null, undefined, '', 'de', 'ru-RU', 'pl')).toBe('ru');
    expect(pickLocale('cs', 'pl,en')).toBe('cs');
    expect(pickLocale('pl_PL')).toBe('pl');
    expect(pickLocale('de', 'fr-FR,fr;q=0.9')).toBe('en');
    expect(pickLocale()).toBe('en');
  });
});
