import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { feedbackAnswers, feedbackTerms } from './tables';

export type NewAnswer = {
  responseId: string;
  surveyId: string;
  audience: string;
  occurredAt: Date;
  customerId: string | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  texts: string[];
  langs: string[];
  topics: string[];
};

/** Stores a response's open answers; false when the response was stored before. */
export async function insertAnswer(tx: Executor, orgId: string, a: NewAnswer): Promise<boolean> {
  const rows = await tx
    .insert(feedbackAnswers)
    .values({ orgId, ...a })
    .onConflictDoNothing()
    .returning({ id: feedbackAnswers.responseId });
  return rows.length > 0;
}

/** One counter of the term table: answers (kind 'a'), a term ('t') or a phrase ('p'). */
export type TermBump = {
  audience: string;
  lang: string;
  month: string;
  cls: string;
  kind: 'a' | 't' | 'p';
  term: string;
  label: string;
  n: number;
};

/**
 * Adds to the persisted term counts in one statement. Several spellings share a term; the label
 * kept is the shortest, then the first in code-point order, whatever order answers arrive in.
 */
export async function bumpTerms(tx: Executor, orgId: string, bumps: TermBump[]) {
  if (!bumps.length) return;
  const t = feedbackTerms;
  await tx
    .insert(t)
    .values(bumps.map((b) => ({ orgId, ...b })))
    .onConflictDoUpdate({
      target: [t.orgId, t.audience, t.lang, t.month, t.cls, t.kind, t.term],
      set: {
        n: sql`${t.n} + excluded.n`,
        label: sql`case when length(excluded.label) < length(${t.label})
          or (length(excluded.label) = length(${t.label}) and excluded.label < ${t.label} collate "C")
          then excluded.label else ${t.label} end`,
      },
    });
}

export type TermRow = {
  lang: string;
  cls: string;
  kind: 'a' | 't' | 'p';
  term: string;
  label: string;
  n: number;
};

/** Term counts summed over months [fromMonth, toMonth] for one audience (and language). */
export async function sumTerms(
  tx: Executor,
  orgId: string,
  q: { audience: string; lang?: string; fromMonth?: string; toMonth?: string },
): Promise<TermRow[]> {
  const conditions = [
    sql`org_id = ${orgId}`,
    sql`audience = ${q.audience}`,
    ...(q.lang ? [sql`lang = ${q.lang}`] : []),
    ...(q.fromMonth ? [sql`month >= ${q.fromMonth}::date`] : []),
    ...(q.toMonth ? [sql`month <= ${q.toMonth}::date`] : []),
  ];
  const result = await tx.execute(sql`
    select lang, cls, kind, term, sum(n)::int as n,
           (array_agg(label order by length(label), label collate "C"))[1] as label
      from feedback_terms where ${sql.join(conditions, sql` and `)}
     group by lang, cls, kind, term`);
  return rowsOf<TermRow>(result).map((r) => ({ ...r, n: Number(r.n) }));
}

export type TaggableAnswer = {
  responseId: string;
  texts: string[] | null;
  langs: string[];
  topics: string[];
};

/** A page of answers in response-id order, for re-tagging. */
export async function listAnswersAfter(
  tx: Executor,
  orgId: string,
  after: string | null,
  limit: number,
): Promise<TaggableAnswer[]> {
  const a = feedbackAnswers;
  return tx
    .select({ responseId: a.responseId, texts: a.texts, langs: a.langs, topics: a.topics })
    .from(a)
    .where(and(eq(a.orgId, orgId), after === null ? undefined : gt(a.responseId, after)))
    .orderBy(a.responseId)
    .limit(limit);
}

export async function setAnswerTopics(tx: Executor, orgId: string, responseId: string, topics: string[]) {
  await tx
    .update(feedbackAnswers)
    .set({ topics })
    .where(and(eq(feedbackAnswers.orgId, orgId), eq(feedbackAnswers.responseId, responseId)));
}

export type TopicCountRow = { topic: string | null; nps: number | null; n: number };

const answerConditions = (
  orgId: string,
  q: { audience: string; surveyId?: string; from?: Date; to?: Date },
) => [
  sql`org_id = ${orgId}`,
  sql`audience = ${q.audience}`,
  ...(q.surveyId ? [sql`survey_id = ${q.surveyId}`] : []),
  ...(q.from ? [sql`occurred_at >= ${q.from.toISOString()}::timestamptz`] : []),
  ...(q.to ? [sql`occurred_at < ${q.to.toISOString()}::timestamptz`] : []),
];

export type AnswerQuery = { audience: string; surveyId?: string; from?: Date; to?: Date };

/** Answers per topic (null: all answers) and NPS value (null: no NPS given). */
export async function countTopics(tx: Executor, orgId: string, q: AnswerQuery): Promise<TopicCountRow[]> {
  const where = sql.join(answerConditions(orgId, q), sql` and `);
  const result = await tx.execute(sql`
    select t.topic::text as topic, nps, count(*)::int as n
      from feedback_answers cross join lateral unnest(topics) as t(topic)
     where ${where} group by 1, 2
    union all
    select null, nps, count(*)::int from feedback_answers where ${where} group by 2`);
  return rowsOf<TopicCountRow>(result).map((r) => ({
    topic: r.topic,
    nps: r.nps === null ? null : Number(r.nps),
    n: Number(r.n),
  }));
}

export type TopicMonthRow = { topic: string | null; month: string; n: number };

/** Answers per topic (null: all answers) and local month. */
export async function countTopicsByMonth(
  tx: Executor,
  orgId: string,
  q: AnswerQuery & { timeZone: string },
): Promise<TopicMonthRow[]> {
  const where = sql.join(answerConditions(orgId, q), sql` and `);
  const month = sql`date_trunc('month', occurred_at at time zone ${q.timeZone})::date::text`;
  const result = await tx.execute(sql`
    select t.topic::text as topic, ${month} as month, count(*)::int as n
      from feedback_answers cross join lateral unnest(topics) as t(topic)
     where ${where} group by 1, 2
    union all
    select null, ${month}, count(*)::int from feedback_answers where ${where} group by 2
    order by 2`);
  return rowsOf<TopicMonthRow>(result).map((r) => ({ ...r, n: Number(r.n) }));
}

/** Responses of a customer with open answers still holding text. */
export async function listCustomerAnswers(tx: Executor, orgId: string, customerId: string) {
  const a = feedbackAnswers;
  return tx
    .select({ responseId: a.responseId, occurredAt: a.occurredAt, texts: a.texts, topics: a.topics })
    .from(a)
    .where(and(eq(a.orgId, orgId), eq(a.customerId, customerId), isNotNull(a.texts)))
    .orderBy(a.occurredAt)
    .limit(10_000);
}

/** Erasure: the texts and the link go; topics and term counts stay as anonymous aggregates. */
export async function eraseCustomerAnswers(tx: Executor, orgId: string, customerId: string) {
  await tx
    .update(feedbackAnswers)
    .set({ texts: null, customerId: null })
    .where(and(eq(feedbackAnswers.orgId, orgId), eq(feedbackAnswers.customerId, customerId)));
}
