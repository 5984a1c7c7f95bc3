import { describe, expect, it } from 'vitest';
import { sideTerms } from './side-terms';
import { createTermCounts, type TermCounts } from './term-counts';

function counts(cls: string, answers: number, terms: Record<string, number>): TermCounts {
  const c = createTermCounts('pl', cls);
  for (const [k, n] of Object.entries(terms)) c.terms.set(k, { count: n, label: k });
  c.answers = answers;
  return c;
}

describe('sideTerms', () => {
  it('lists a small sample’s frequent words, none marked significant', () => {
    // a dozen comments: nothing is typical beyond chance, yet the words are there to read
    const detractors = counts('detractor', 6, { dostawa: 3, pizza: 2, zimna: 2 });
    const promoters = counts('promoter', 6, { pizza: 3, smaczna: 2, dostawa: 1 });
    const terms = sideTerms(detractors, promoters);
    expect(terms.map((t) => [t.label, t.count, t.otherCount])).toEqual([
      ['dostawa', 3, 1],
      ['zimna', 2, 0], // equal counts: the one leaning more to this side first
      ['pizza', 2, 3],
    ]);
    expect(terms.every((t) => !t.significant && t.zScore !== null)).toBe(true);
  });

  it('puts the words typical of the side beyond chance first and marks them', () => {
    const detractors = counts('detractor', 100, { late: 40, pizza: 60, cold: 30 });
    const promoters = counts('promoter', 100, { late: 2, pizza: 62, tasty: 50 });
    const terms = sideTerms(detractors, promoters);
    expect(terms.map((t) => [t.key, t.significant])).toEqual([
      ['late', true],
      ['cold', true],
      ['pizza', false],
    ]);
    expect(terms[0].zScore).toBeGreaterThan(1.96);
  });

  it('shows a side’s words without a comparison when the other side wrote nothing', () => {
    const terms = sideTerms(counts('detractor', 3, { kolejka: 2 }), createTermCounts('pl', 'promoter'));
    expect(terms).toEqual([
      {
        key: 'kolejka',
        label: 'kolejka',
        count: 2,
        otherCount: 0,
        zScore: null,
        logOddsRatio: null,
        significant: false,
      },
    ]);
  });

  it('leaves out words mentioned fewer times than the minimum and keeps to the limit', () => {
    const detractors = counts('detractor', 10, { a: 1, b: 5, c: 4, d: 3 });
    const promoters = counts('promoter', 10, { a: 1 });
    expect(sideTerms(detractors, promoters, { minCount: 3, limit: 2 }).map((t) => t.key)).toEqual(['b', 'c']);
    expect(sideTerms(detractors, promoters, { minCount: 2 }).map((t) => t.key)).toContain('a');
  });
});
