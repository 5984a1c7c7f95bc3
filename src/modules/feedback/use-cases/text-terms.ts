import type { AppContext } from '../../../http/types';
import { sumTerms, type TermRow } from '../data/repo-answers';
import { type Audience, OPEN_AUDIENCE } from '../domain/dimensions';
import { localDayOf, monthOfDay, parsePeriod } from '../domain/period';
import { distinguishDetractorsFromPromoters } from '../domain/text/distinguishing-terms';
import type { RankedTerm } from '../domain/text/fightin-words';
import type { DetectedLang } from '../domain/text/languages';
import { createTermCounts, type TermCounts } from '../domain/text/term-counts';
import { loadOrgAnalytics } from './org-analytics';

export const TERM_LANGS = ['pl', 'cs', 'ru', 'en', 'und'] as const;

export type TermsQuery = {
  lang?: DetectedLang;
  audience: Audience;
  from?: string;
  to?: string;
  limit: number;
};

const CLASSES = ['detractor', 'passive', 'promoter'] as const;
type Cls = (typeof CLASSES)[number];

/** Persisted counts → one TermCounts per language and NPS class. */
function countsByLanguage(rows: readonly TermRow[]): Map<DetectedLang, Record<Cls, TermCounts>> {
  const out = new Map<DetectedLang, Record<Cls, TermCounts>>();
  for (const r of rows) {
    const lang = r.lang as DetectedLang;
    let book = out.get(lang);
    if (!book) {
      book = {
        detractor: createTermCounts(lang, 'detractor'),
        passive: createTermCounts(lang, 'passive'),
        promoter: createTermCounts(lang, 'promoter'),
      };
      out.set(lang, book);
    }
    const counts = book[r.cls as Cls];
    if (!counts || r.n <= 0) continue;
    if (r.kind === 'a') counts.answers += r.n;
    else (r.kind === 't' ? counts.terms : counts.phrases).set(r.term, { count: r.n, label: r.label });
  }
  return out;
}

const termDto = (t: RankedTerm) => ({
  term: t.label,
  key: t.key,
  zScore: t.zScore,
  logOddsRatio: t.logOddsRatio,
  count: t.focusCount,
  otherCount: t.referenceCount,
});

/**
 * Per language, the words and two-word phrases that most distinguish detractors from promoters
 * (weighted log-odds with an informative Dirichlet prior; passives inform the prior too). Counts
 * are kept per month, so the period is widened to whole local months.
 */
export async function distinguishingTerms(ctx: AppContext, orgId: string, q: TermsQuery) {
  const { org, rows, fromMonth, toMonth } = await ctx.db.withOrg(orgId, async (tx) => {
    const org = await loadOrgAnalytics(ctx, tx, orgId);
    const period = parsePeriod(q, org.timeZone);
    const fromMonth = period.from ? monthOfDay(localDayOf(period.from.at, org.timeZone)) : undefined;
    const toMonth = period.to
      ? monthOfDay(localDayOf(new Date(period.to.at.getTime() - 1), org.timeZone))
      : undefined;
    const rows = await sumTerms(tx, orgId, { audience: q.audience, lang: q.lang, fromMonth, toMonth });
    return { org, rows, fromMonth, toMonth };
  });
  const threshold = q.audience === OPEN_AUDIENCE ? 0 : org.anonymityThreshold;
  const books = countsByLanguage(rows);
  const languages = TERM_LANGS.filter((l) => books.has(l)).map((lang) => {
    const { detractor, passive, promoter } = books.get(lang)!;
    const answers = { detractors: detractor.answers, passives: passive.answers, promoters: promoter.answers };
    if (threshold && (detractor.answers < threshold || promoter.answers < threshold)) {
      return { lang, answers: null, suppressed: true, detractors: null, promoters: null };
    }
    const found = distinguishDetractorsFromPromoters(detractor, promoter, {
      limit: q.limit,
      background: [detractor, passive, promoter],
      minCount: Math.max(2, threshold),
    });
    const side = (s: typeof found.detractors) => ({
      terms: s.terms.map(termDto),
      phrases: s.phrases.map(termDto),
    });
    return {
      lang,
      answers,
      suppressed: false,
      detractors: side(found.detractors),
      promoters: side(found.promoters),
    };
  });
  return { audience: q.audience, fromMonth: fromMonth ?? null, toMonth: toMonth ?? null, languages };
}
