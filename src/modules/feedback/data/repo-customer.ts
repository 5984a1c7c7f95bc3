import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { feedbackFacts } from './tables';

export type LatestScore = { value: number; at: Date; surveyId: string };

/** The customer's latest NPS, CSAT and CES answers. */
export async function latestScores(
  tx: Executor,
  orgId: string,
  customerId: string,
): Promise<Partial<Record<'nps' | 'csat' | 'ces', LatestScore>>> {
  const result = await tx.execute(sql`
    select distinct on (metric) metric, value, occurred_at, survey_id
      from feedback_facts where org_id = ${orgId} and customer_id = ${customerId}
     order by metric, occurred_at desc, response_id desc`);
  const out: Partial<Record<'nps' | 'csat' | 'ces', LatestScore>> = {};
  for (const r of rowsOf<{ metric: 'nps'; value: number; occurred_at: Date | string; survey_id: string }>(
    result,
  )) {
    out[r.metric] = { value: Number(r.value), at: new Date(r.occurred_at), surveyId: r.survey_id };
  }
  return out;
}

/** Every score the customer gave, for the GDPR export. */
export async function listCustomerScores(tx: Executor, orgId: string, customerId: string) {
  const f = feedbackFacts;
  return tx
    .select({
      responseId: f.responseId,
      metric: f.metric,
      value: f.value,
      at: f.occurredAt,
      surveyId: f.surveyId,
    })
    .from(f)
    .where(and(eq(f.orgId, orgId), eq(f.customerId, customerId)))
    .orderBy(desc(f.occurredAt))
    .limit(10_000);
}

/** Erasure: the scores stay in the anonymous figures, without the link to the person. */
export async function unlinkCustomerScores(tx: Executor, orgId: string, customerId: string) {
  await tx
    .update(feedbackFacts)
    .set({ customerId: null })
    .where(and(eq(feedbackFacts.orgId, orgId), eq(feedbackFacts.customerId, customerId)));
}
