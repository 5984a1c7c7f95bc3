import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import { bumpRollups, type Fact, insertFacts } from '../data/repo-facts';
import { setFactsDepartment } from '../data/repo-protected';
import { findSettings, lockForRecording } from '../data/repo-settings';
import { SCALES } from '../domain/metrics/scales';
import { dayText, localDayOf, monthOfDay } from '../domain/period';
import { dimensionsOfCustomer } from './customer-dimensions';
import { recordTexts } from './record-texts';

type Response = DomainEvents['response.created'];
type Metric = Fact['metric'];

const MAX_TEXTS = 20;
const MAX_TEXT_LENGTH = 5000;

/** Scores on their scale; anything else is not a score and is left out. */
function validScores(scores: Response['scores']): Partial<Record<Metric, number>> {
  const out: Partial<Record<Metric, number>> = {};
  for (const metric of ['nps', 'csat', 'ces'] as const) {
    const v = scores[metric];
    const { min, max } = SCALES[metric];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) out[metric] = v;
  }
  return out;
}

const openTexts = (texts: readonly unknown[]) =>
  texts
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim().slice(0, MAX_TEXT_LENGTH))
    .filter(Boolean)
    .slice(0, MAX_TEXTS);

/**
 * The response.created subscriber: one fact per score, the roll-ups counted up, open answers
 * stored, tagged and counted — all in the response's own transaction. A response seen before
 * changes nothing.
 */
export async function recordResponse(tx: Executor, p: Response) {
  const scores = validScores(p.scores);
  const texts = openTexts(p.texts ?? []);
  if (!Object.keys(scores).length && !texts.length) return;
  await lockForRecording(tx, p.orgId);
  const { rollupTimeZone } = await findSettings(tx, p.orgId);
  const dims = await dimensionsOfCustomer(tx, p.orgId, p.customerId);
  const facts: Fact[] = (Object.entries(scores) as [Metric, number][]).map(([metric, value]) => ({
    metric,
    responseId: p.responseId,
    value,
    occurredAt: p.submittedAt,
    surveyId: p.surveyId,
    audience: p.audience,
    touchpoint: p.touchpoint ?? '',
    channel: p.channel ?? '',
    locale: p.locale ?? '',
    ...dims,
    team: p.team?.slice(0, 200) || dims.team,
    location: p.location ?? '',
    customerId: p.customerId,
  }));
  const inserted = await insertFacts(tx, p.orgId, facts);
  if (p.department) await setFactsDepartment(tx, p.orgId, p.responseId, p.department.slice(0, 200));
  const day = localDayOf(p.submittedAt, rollupTimeZone);
  const fresh = facts.filter((f) => inserted.has(f.metric));
  await bumpRollups(tx, p.orgId, dayText(day), monthOfDay(day), fresh);
  if (texts.length) await recordTexts(tx, p, texts, scores, rollupTimeZone);
}
