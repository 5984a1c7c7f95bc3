import type { AppContext } from '../../../http/types';
import { sumTerms, type TermRow } from '../data/repo-answers';
import { type Audience, OPEN_AUDIENCE } from '../domain/dimensions';
import { localDayOf, monthOfDay, parsePeriod } from '../domain/period';
import type { DetectedLang } from '../domain/text/languages';
import { type SideTerm, sideTerms } from '../domain/text/side-terms';
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

const termDto = (t: SideTerm) => ({
  term: t.label,
  key: t.key,
  zScore: t.zScore,
  logOddsRatio: t.logOddsRatio,
  significant: t.significant,
  count: t.count,
  otherCount: t.otherCount,
});

/**
 * Per language, the words and two-word phrases detractors and promoters write: those that set one
 * side apart beyond chance first (weighted log-odds with an informative Dirichlet prior; passives
 * inform the prior too), then the most frequent, each marked significant or not. Counts are kept
 * per month, so the period is widened to whole local months.
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
    const options = {
      limit: q.limit,
      background: [detractor, passive, promoter],
      minCount: Math.max(2, threshold),
    };
    const side = (focus: TermCounts, reference: TermCounts) => ({
      terms: sideTerms(focus, reference, { ...options, kind: 'terms' }).map(termDto),
      phrases: sideTerms(focus, reference, { ...options, kind: 'phrases' }).map(termDto),
    });
    return {
      lang,
      answers,
      suppressed: false,
      detractors: side(detractor, promoter),
      promoters: side(promoter, detractor),
    };
  });
  return { audience: q.audience, fromMonth: fromMonth ?? null, toMonth: toMonth ?? null, languages };
}
