import { describe, expect, it } from 'vitest';
import { compileTaxonomy, type Taxonomy, tagTopics } from './taxonomy';

const taxonomy: Taxonomy = [
  {
    key: 'delivery',
    keywords: {
      en: ['deliver*', 'courier', 'late', 'on time'],
      pl: ['dostawa', 'kurier', 'opóźnienie'],
      cs: ['doručení', 'kurýr*', 'zpoždění'],
      ru: ['доставк*', 'курьер', 'опоздание'],
    },
  },
  {
    key: 'staff',
    keywords: {
      en: ['staff', 'rude', 'friendly'],
      pl: ['obsługa', 'personel'],
      cs: ['obsluha'],
      ru: ['персонал'],
    },
  },
  { key: 'app', keywords: { any: ['app', 'aplikac*', 'приложени*'] } },
];

describe('tagTopics', () => {
  it('matches words, prefixes and stems in the answer language', () => {
    expect(tagTopics('It was delivered two days LATE.', 'en', taxonomy)).toEqual(['delivery']);
    expect(tagTopics('Kuriera nie było, a obsługi brak', 'pl', taxonomy)).toEqual(['delivery', 'staff']);
    expect(tagTopics('Kurýrem jsem byl zklamán', 'cs', taxonomy)).toEqual(['delivery']);
    expect(tagTopics('Курьера ждали, доставку перенесли', 'ru', taxonomy)).toEqual(['delivery']);
    expect(tagTopics('Personel bardzo miły', 'pl', taxonomy)).toEqual(['staff']);
  });

  it('matches text typed without diacritics', () => {
    expect(tagTopics('straszne opoznienie', 'pl', taxonomy)).toEqual(['delivery']);
    expect(tagTopics('zpozdeni tri dny', 'cs', taxonomy)).toEqual(['delivery']);
  });

  it('matches multi-word keywords only as consecutive words', () => {
    expect(tagTopics('Arrived on time, thanks', 'en', taxonomy)).toEqual(['delivery']);
    expect(tagTopics('Time was spent on nothing', 'en', taxonomy)).toEqual([]);
  });

  it("applies 'any' keywords in every language", () => {
    expect(tagTopics('Aplikacja się zawiesza', 'pl', taxonomy)).toEqual(['app']);
    expect(tagTopics('The app crashes', 'en', taxonomy)).toEqual(['app']);
    expect(tagTopics('Приложение зависает', 'ru', taxonomy)).toEqual(['app']);
  });

  it("uses only the answer's own language, but every language when it is undetermined", () => {
    expect(tagTopics('kurier', 'en', taxonomy)).toEqual([]);
    expect(tagTopics('kuriera', 'und', taxonomy)).toEqual(['delivery']);
  });

  it('accepts a compiled taxonomy and returns nothing for empty text', () => {
    const compiled = compileTaxonomy(taxonomy);
    expect(tagTopics('Rude staff, late courier', 'en', compiled)).toEqual(['delivery', 'staff']);
    expect(tagTopics('', 'en', compiled)).toEqual([]);
  });
});
