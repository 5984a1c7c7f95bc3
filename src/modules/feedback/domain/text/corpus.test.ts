import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from './analyze-answer';
import { distinguishDetractorsFromPromoters } from './distinguishing-terms';
import { rankTerms } from './fightin-words';
import type { TextLang } from './languages';
import { stemWord } from './stem';
import { addAnswerTerms, createTermCounts, type TermCounts } from './term-counts';
import { buildCorpus, PLANS } from './test-corpus';

const SEED = Number(process.env.CORPUS_SEED ?? 20240611);
const corpus = buildCorpus(SEED, 150);

function countByLanguage(): Map<string, TermCounts> {
  const book = new Map<string, TermCounts>();
  for (const a of corpus) {
    const analysis = analyzeAnswer(a.text); // language detected, not given
    const id = `${analysis.lang}/${a.cls}`;
    if (!book.has(id)) book.set(id, createTermCounts(analysis.lang, a.cls));
    addAnswerTerms(book.get(id)!, analysis);
  }
  return book;
}

const book = countByLanguage();
const phraseKey = (phrase: string, lang: TextLang) =>
  phrase
    .split(' ')
    .map((w) => stemWord(w, lang))
    .join(' ');

describe('distinguishing terms on a planted multilingual corpus', () => {
  it('detects the language of every generated answer', () => {
    const wrong = corpus.filter((a) => analyzeAnswer(a.text).lang !== a.lang);
    expect(wrong).toEqual([]);
  });

  for (const lang of Object.keys(PLANS) as TextLang[]) {
    it(`ranks the planted ${lang} words and phrases first`, () => {
      const plan = PLANS[lang];
      const detractors = book.get(`${lang}/detractor`)!;
      const promoters = book.get(`${lang}/promoter`)!;
      const result = distinguishDetractorsFromPromoters(detractors, promoters);

      // The planted words and the words of the planted phrase lead each side, in some order.
      const expected = (words: string[][], phrase: string) =>
        [...words.map((forms) => stemWord(forms[0], lang)), ...phraseKey(phrase, lang).split(' ')].sort();
      const top = (terms: { key: string }[], n: number) =>
        terms
          .slice(0, n)
          .map((t) => t.key)
          .sort();
      const plantedDetractor = expected(plan.detractorWords, plan.detractorPhrase);
      const plantedPromoter = expected(plan.promoterWords, plan.promoterPhrase);
      expect(top(result.detractors.terms, plantedDetractor.length)).toEqual(plantedDetractor);
      expect(top(result.promoters.terms, plantedPromoter.length)).toEqual(plantedPromoter);

      expect(result.detractors.phrases[0].key).toBe(phraseKey(plan.detractorPhrase, lang));
      expect(result.promoters.phrases[0].key).toBe(phraseKey(plan.promoterPhrase, lang));
      // The planted terms are clearly significant, and readable labels come with them.
      expect(result.detractors.terms[0].zScore).toBeGreaterThan(4);
      expect(result.detractors.phrases[0].label).toBe(plan.detractorPhrase);
    });
  }

  it('keeps neutral words near zero', () => {
    const ranked = rankTerms(book.get('pl/detractor')!, book.get('pl/promoter')!);
    for (const w of PLANS.pl.neutral) {
      const t = ranked.find((r) => r.key === stemWord(w, 'pl'));
      expect(Math.abs(t!.zScore)).toBeLessThan(3);
    }
  });
});
