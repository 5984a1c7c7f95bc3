import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from './analyze-answer';
import {
  addAnswerTerms,
  createTermCounts,
  mergeTermCounts,
  parseTermCounts,
  removeAnswerTerms,
  serializeTermCounts,
  termCountsToJson,
} from './term-counts';
import { buildCorpus } from './test-corpus';

const answers = buildCorpus(7, 60)
  .filter((a) => a.lang === 'pl' && a.cls === 'detractor')
  .map((a) => analyzeAnswer(a.text, { lang: 'pl' }));

describe('TermCounts', () => {
  it('counts each term once per answer', () => {
    const c = addAnswerTerms(
      createTermCounts('en', 'detractor'),
      analyzeAnswer('late late LATE', { lang: 'en' }),
    );
    expect(c.answers).toBe(1);
    expect(c.terms.get('late')).toEqual({ count: 1, label: 'late' });
  });

  it('incremental counting persisted after every answer equals batch counting', () => {
    const batch = createTermCounts('pl', 'detractor');
    for (const a of answers) addAnswerTerms(batch, a);

    // As the database layer does it: load, add one answer, store — over and over.
    let stored = serializeTermCounts(createTermCounts('pl', 'detractor'));
    for (const a of [...answers].reverse())
      stored = serializeTermCounts(addAnswerTerms(parseTermCounts(stored), a));

    expect(stored).toBe(serializeTermCounts(batch));
    expect(termCountsToJson(parseTermCounts(stored))).toEqual(termCountsToJson(batch));
    expect(batch.answers).toBe(answers.length);
  });

  it('merges partial counts into the batch counts and removes answers again', () => {
    const half = Math.floor(answers.length / 2);
    const first = createTermCounts('pl', 'detractor');
    const second = createTermCounts('pl', 'detractor');
    for (const [i, a] of answers.entries()) addAnswerTerms(i < half ? first : second, a);
    const batch = createTermCounts('pl', 'detractor');
    for (const a of answers) addAnswerTerms(batch, a);
    const merged = mergeTermCounts(first, second);
    expect(termCountsToJson(merged)).toEqual(termCountsToJson(batch));

    // Removing the second half leaves the first half's counts (labels may keep a removed spelling).
    for (const a of answers.slice(half)) removeAnswerTerms(merged, a);
    const countsOnly = (c: typeof merged) => [...c.terms].map(([k, s]) => [k, s.count]).sort();
    expect(countsOnly(merged)).toEqual(countsOnly(first));
    expect(merged.answers).toBe(first.answers);
    expect(merged.phrases.size).toBe(first.phrases.size);
  });

  it('accepts a parsed jsonb object and survives hostile keys', () => {
    const c = addAnswerTerms(
      createTermCounts('und', 'promoter'),
      analyzeAnswer('__proto__ constructor toString', { lang: 'und' }),
    );
    const back = parseTermCounts(JSON.parse(serializeTermCounts(c)));
    expect([...back.terms.keys()].sort()).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(back.terms.get('constructor')).toEqual({ count: 1, label: 'constructor' });
  });

  it('rejects malformed stored values', () => {
    expect(() => parseTermCounts('{"version":2}')).toThrow(TypeError);
    expect(() =>
      parseTermCounts({ version: 1, lang: 'xx', cls: 'a', answers: 0, terms: {}, phrases: {} }),
    ).toThrow(TypeError);
    expect(() =>
      parseTermCounts({ version: 1, lang: 'pl', cls: 'a', answers: 1, terms: { a: [-1, 'a'] }, phrases: {} }),
    ).toThrow(TypeError);
  });

  it('refuses to mix languages or classes', () => {
    const pl = createTermCounts('pl', 'detractor');
    expect(() => addAnswerTerms(pl, analyzeAnswer('late', { lang: 'en' }))).toThrow(RangeError);
    expect(() => mergeTermCounts(pl, createTermCounts('pl', 'promoter'))).toThrow(RangeError);
  });
});
