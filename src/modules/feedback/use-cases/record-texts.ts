import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import { bumpTerms, insertAnswer, type TermBump } from '../data/repo-answers';
import { listAllTopics } from '../data/repo-topics';
import { npsClassOf } from '../domain/metrics/nps';
import { localDayOf, monthOfDay } from '../domain/period';
import { compileTopics, topicsOfAnswer } from '../domain/tag-answers';
import { type AnswerTerms, analyzeAnswer, preferLabel } from '../domain/text/analyze-answer';

type Response = DomainEvents['response.created'];
type Scores = { nps?: number; csat?: number; ces?: number };

/**
 * Stores the open answers of a new response with their languages and topics, and counts their
 * terms for the detractor-versus-promoter comparison. Runs in the response's transaction.
 */
export async function recordTexts(
  tx: Executor,
  p: Response,
  texts: string[],
  scores: Scores,
  timeZone: string,
) {
  const analyses = texts.map((text) => analyzeAnswer(text, { locale: p.locale }));
  const langs = analyses.map((a) => a.lang);
  const topics = topicsOfAnswer(texts, langs, compileTopics(await listAllTopics(tx, p.orgId)));
  const stored = await insertAnswer(tx, p.orgId, {
    responseId: p.responseId,
    surveyId: p.surveyId,
    audience: p.audience,
    occurredAt: p.submittedAt,
    customerId: p.customerId,
    nps: scores.nps ?? null,
    csat: scores.csat ?? null,
    ces: scores.ces ?? null,
    texts,
    langs,
    topics,
  });
  if (!stored || scores.nps === undefined) return;
  const month = monthOfDay(localDayOf(p.submittedAt, timeZone));
  const base = { audience: p.audience, month, cls: npsClassOf(scores.nps) };
  await bumpTerms(tx, p.orgId, mergeBumps(analyses.flatMap((a) => bumpsOf(a, base))));
}

function bumpsOf(a: AnswerTerms, base: Pick<TermBump, 'audience' | 'month' | 'cls'>): TermBump[] {
  const one = (kind: TermBump['kind'], term: string, label: string) => ({
    ...base,
    lang: a.lang,
    kind,
    term,
    label,
    n: 1,
  });
  return [
    one('a', '', ''),
    ...a.terms.map((t) => one('t', t.key, t.label)),
    ...a.phrases.map((t) => one('p', t.key, t.label)),
  ];
}

/** One statement may touch a row once: answers of one response in one language add up first. */
function mergeBumps(bumps: TermBump[]): TermBump[] {
  const merged = new Map<string, TermBump>();
  for (const b of bumps) {
    const id = `${b.lang}\u0000${b.kind}\u0000${b.term}`;
    const seen = merged.get(id);
    if (seen) {
      seen.n += b.n;
      seen.label = preferLabel(seen.label, b.label);
    } else merged.set(id, { ...b });
  }
  return [...merged.values()];
}
