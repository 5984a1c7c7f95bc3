import { describe, expect, it } from 'vitest';
import { analyzeAnswer, preferLabel } from './analyze-answer';

describe('analyzeAnswer', () => {
  it('keeps stemmed content words and neighbouring pairs, dropping stop words', () => {
    const a = analyzeAnswer('The courier was late, late delivery again!', { lang: 'en' });
    expect(a.lang).toBe('en');
    expect(a.terms.map((t) => t.key)).toEqual(['courier', 'late', 'deliveri']);
    // "courier was" is broken by the stop word; the comma ends "late"; the repeat counts once.
    expect(a.phrases).toEqual([{ key: 'late deliveri', label: 'late delivery' }]);
  });

  it('lets a negation open a phrase without becoming a term', () => {
    const a = analyzeAnswer('Kurier nie odbierał telefonu', { lang: 'pl' });
    expect(a.terms.map((t) => t.label)).toEqual(['kurier', 'odbierał', 'telefonu']);
    expect(a.phrases.map((p) => p.label)).toEqual(['nie odbierał', 'odbierał telefonu']);
  });

  it('detects the language when none is given, using the locale as a hint', () => {
    expect(analyzeAnswer('Курьер опоздал').lang).toBe('ru');
    expect(analyzeAnswer('Polecam', { locale: 'pl-PL' }).lang).toBe('pl');
  });

  it('degrades to unstemmed tokens for other languages', () => {
    const a = analyzeAnswer('Lieferung kam spät', { lang: 'und' });
    expect(a.terms.map((t) => t.key)).toEqual(['lieferung', 'kam', 'spät']);
  });

  it('labels a stem by its shortest spelling, whatever the order', () => {
    expect(preferLabel('kuriera', 'kurier')).toBe('kurier');
    expect(preferLabel('kurier', 'kuriera')).toBe('kurier');
    expect(preferLabel('ab', 'aa')).toBe('aa');
  });
});
