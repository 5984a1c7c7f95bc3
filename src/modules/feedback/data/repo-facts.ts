import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { feedbackFacts, feedbackRollup, feedbackRollupDaily, feedbackRollupMonthly } from './tables';

/** One scored answer with the dimensions it is broken down by ('' when unknown). */
export type Fact = {
  metric: 'nps' | 'csat' | 'ces';
  responseId: string;
  value: number;
  occurredAt: Date;
  surveyId: string;
  audience: string;
  touchpoint: string;
  channel: string;
  locale: string;
  stage: string;
  segment: string;
  tier: string;
  team: string;
  location: string;
  customerId: string | null;
};

/** Stores facts; a response already stored is skipped. Returns the metrics actually inserted. */
export async function insertFacts(tx: Executor, orgId: string, facts: Fact[]): Promise<Set<string>> {
  if (!facts.length) return new Set();
  const rows = await tx
    .insert(feedbackFacts)
    .values(facts.map((f) => ({ orgId, ...f })))
    .onConflictDoNothing()
    .returning({ metric: feedbackFacts.metric });
  return new Set(rows.map((r) => r.metric));
}

/** Counts new facts into the roll-ups under their local `day` and `month`: one upsert per table. */
export async function bumpRollups(tx: Executor, orgId: string, day: string, month: string, facts: Fact[]) {
  if (!facts.length) return;
  const r = feedbackRollup;
  await tx
    .insert(r)
    .values(
      facts.map((f) => ({
        orgId,
        metric: f.metric,
        day,
        value: f.value,
        surveyId: f.surveyId,
        touchpoint: f.touchpoint,
        channel: f.channel,
        locale: f.locale,
        stage: f.stage,
        segment: f.segment,
        tier: f.tier,
        team: f.team,
        audience: f.audience,
        location: f.location,
        n: 1,
      })),
    )
    .onConflictDoUpdate({
      target: [
        r.orgId,
        r.metric,
        r.day,
        r.value,
        r.surveyId,
        r.touchpoint,
        r.channel,
        r.locale,
        r.stage,
        r.segment,
        r.tier,
        r.team,
        r.audience,
        r.location,
      ],
      set: { n: sql`${r.n} + excluded.n` },
    });
  const d = feedbackRollupDaily;
  await tx
    .insert(d)
    .values(
      facts.map((f) => ({
        orgId,
        metric: f.metric,
        day,
        surveyId: f.surveyId,
        audience: f.audience,
        value: f.value,
        n: 1,
      })),
    )
    .onConflictDoUpdate({
      target: [d.orgId, d.metric, d.day, d.surveyId, d.audience, d.value],
      set: { n: sql`${d.n} + excluded.n` },
    });
  const m = feedbackRollupMonthly;
  await tx
    .insert(m)
    .values(
      facts.map((f) => ({
        orgId,
        metric: f.metric,
        month,
        surveyId: f.surveyId,
        audience: f.audience,
        value: f.value,
        n: 1,
      })),
    )
    .onConflictDoUpdate({
      target: [m.orgId, m.metric, m.month, m.surveyId, m.audience, m.value],
      set: { n: sql`${m.n} + excluded.n` },
    });
}

const DIMS = sql.raw(
  'survey_id, touchpoint, channel, locale, stage, segment, tier, team, audience, location',
);

/**
 * Recomputes both roll-ups of an organization from its facts, with days in `timeZone`. The caller
 * holds the rebuild lock, so no answer is being recorded meanwhile.
 */
export async function rebuildRollups(tx: Executor, orgId: string, timeZone: string) {
  await tx.execute(sql`delete from feedback_rollup where org_id = ${orgId}`);
  await tx.execute(sql`delete from feedback_rollup_daily where org_id = ${orgId}`);
  await tx.execute(sql`delete from feedback_rollup_monthly where org_id = ${orgId}`);
  await tx.execute(sql`
    insert into feedback_rollup (org_id, metric, day, value, ${DIMS}, n)
    select org_id, metric, (occurred_at at time zone ${timeZone})::date, value, ${DIMS}, count(*)
      from feedback_facts where org_id = ${orgId}
     group by org_id, metric, 3, value, ${DIMS}`);
  await tx.execute(sql`
    insert into feedback_rollup_daily (org_id, metric, day, survey_id, audience, value, n)
    select org_id, metric, day, survey_id, audience, value, sum(n)
      from feedback_rollup where org_id = ${orgId}
     group by org_id, metric, day, survey_id, audience, value`);
  await tx.execute(sql`
    insert into feedback_rollup_monthly (org_id, metric, month, survey_id, audience, value, n)
    select org_id, metric, date_trunc('month', day::timestamp)::date, survey_id, audience, value, sum(n)
      from feedback_rollup_daily where org_id = ${orgId}
     group by org_id, metric, 3, survey_id, audience, value`);
}
