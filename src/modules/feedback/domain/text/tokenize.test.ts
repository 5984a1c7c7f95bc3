import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeWord } from './normalize';
import { tokenize, tokenizeClauses } from './tokenize';

describe('tokenize', () => {
  it('splits words with Intl.Segmenter, lower-cases them and drops punctuation and numbers', () => {
    expect(tokenize('Kurier się SPÓŹNIŁ — 3 dni!!!', 'pl')).toEqual(['kurier', 'się', 'spóźnił', 'dni']);
    expect(tokenize('Don’t call me', 'en')).toEqual(["don't", 'call', 'me']);
  });

  it('ends clauses at punctuation and numbers but not at hyphens', () => {
    expect(tokenizeClauses('Late delivery. Rude courier, e-mail ignored; 2 days', 'en')).toEqual([
      ['late', 'delivery'],
      ['rude', 'courier'],
      ['e', 'mail', 'ignored'],
      ['days'],
    ]);
  });

  it('unifies Russian ё with е', () => {
    expect(tokenize('Всё ещё ЖДЁМ', 'ru')).toEqual(['все', 'еще', 'ждем']);
  });
});

describe('normalisation helpers', () => {
  it('lower-cases by locale', () => {
    expect(normalizeWord('ŻÓŁW', 'pl')).toBe('żółw');
    expect(normalizeWord('ЁЛКА', 'ru')).toBe('елка');
  });

  it('folds diacritics for loose matching', () => {
    expect(foldDiacritics('opóźnienie żółć')).toBe('opoznienie zolc');
    expect(foldDiacritics('zpoždění přišel kůň')).toBe('zpozdeni prisel kun');
    expect(foldDiacritics('Łódź')).toBe('Lodz');
  });
});
