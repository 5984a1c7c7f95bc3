import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { toMilliseconds } from '../../../db/keyset';
import { responseIdsWithCases } from '../../cases/api';
import { customerIdsWith } from '../../customers/api';
import { type InboxSort, SCORE_BANDS, type ScoreBand } from '../domain/inbox';
import { surveyResponses, surveys, surveyVersions } from './tables';

export type InboxFilter = {
  surveyId?: string;
  touchpoint?: string;
  locationId?: string;
  channel?: string;
  locale?: string;
  band?: ScoreBand;
  hasComment?: boolean;
  /** The customer's stage and service tier now. */
  stage?: string;
  tier?: string;
  hasCase?: boolean;
  q?: string;
  from?: Date;
  to?: Date;
  sort: InboxSort;
  /** The last row's place: (sort key as text, answered at, id). */
  after?: [string, string, string];
  limit: number;
};

export type InboxRow = {
  id: string;
  surveyId: string;
  surveyName: string;
  customerId: string | null;
  channel: string;
  touchpoint: string | null;
  locationId: string | null;
  locale: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  answeredAt: Date;
  comment: string | null;
  sortKey: string;
};

const r = surveyResponses;
const answeredAt = toMilliseconds(sql`coalesce(${r.submittedAt}, ${r.createdAt})`);
// Scores of different scales side by side: each on 0..1 of its own scale; -1 when unscored.
const scoreShare = sql`coalesce(${r.nps} / 10.0, (${r.csat} - 1) / 4.0, (${r.ces} - 1) / 6.0, -1)::float8`;
// The answers to the text questions of the response's version, one per line.
const comment = sql<string | null>`(
  select nullif(string_agg(${r.answers} ->> (q.value ->> 'id'), E'\n' order by q.ordinality), '')
    from ${surveyVersions} v, jsonb_array_elements(v.questions) with ordinality q
   where v.org_id = ${r.orgId} and v.survey_id = ${r.surveyId} and v.version = ${r.version}
     and q.value ->> 'type' = 'text' and coalesce(${r.answers} ->> (q.value ->> 'id'), '') <> '')`;

/** A page of the inbox: every survey's responses, filtered, in the sort's order. */
export async function listInbox(tx: Executor, orgId: string, f: InboxFilter): Promise<InboxRow[]> {
  // Staff answers are never listed one by one: the eNPS report shows them in groups only.
  const where: (SQL | undefined)[] = [
    eq(r.orgId, orgId),
    eq(r.status, 'complete'),
    eq(surveys.audience, 'customers'),
  ];
  if (f.surveyId) where.push(eq(r.surveyId, f.surveyId));
  if (f.touchpoint) where.push(eq(r.touchpoint, f.touchpoint));
  if (f.locationId) where.push(eq(r.locationId, f.locationId));
  if (f.channel) where.push(eq(r.channel, f.channel));
  if (f.locale) where.push(eq(r.locale, f.locale));
  if (f.band) {
    const band = SCORE_BANDS[f.band];
    const column = { nps: r.nps, csat: r.csat, ces: r.ces }[band.metric];
    where.push(sql`${column} between ${band.min} and ${band.max}`);
  }
  if (f.hasComment !== undefined)
    where.push(f.hasComment ? sql`${comment} is not null` : sql`${comment} is null`);
  if (f.stage !== undefined || f.tier !== undefined)
    where.push(sql`${r.customerId} in ${customerIdsWith(orgId, { stage: f.stage, tier: f.tier })}`);
  if (f.hasCase !== undefined) {
    const withCase = sql`${r.id} in ${responseIdsWithCases(orgId)}`;
    where.push(f.hasCase ? withCase : sql`not (${withCase})`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`${comment} ilike ${like}`);
  }
  if (f.from) where.push(gte(answeredAt, f.from));
  if (f.to) where.push(lt(answeredAt, f.to));
  const byScore = f.sort === 'score' || f.sort === '-score';
  const descending = f.sort === 'newest' || f.sort === '-score';
  const key = byScore ? scoreShare : sql`0::float8`;
  if (f.after) {
    const [k, at, id] = f.after;
    const place = sql`(${key}, ${answeredAt}, ${r.id})`;
    const cursor = sql`(${k}::float8, ${new Date(at)}::timestamptz, ${id}::uuid)`;
    where.push(descending ? sql`${place} < ${cursor}` : sql`${place} > ${cursor}`);
  }
  const direction = sql.raw(descending ? 'desc' : 'asc');
  const rows = await tx
    .select({
      id: r.id,
      surveyId: r.surveyId,
      surveyName: surveys.name,
      customerId: r.customerId,
      channel: r.channel,
      touchpoint: r.touchpoint,
      locationId: r.locationId,
      locale: r.locale,
      nps: r.nps,
      csat: r.csat,
      ces: r.ces,
      answeredAt: sql<Date>`coalesce(${r.submittedAt}, ${r.createdAt})`,
      comment,
      sortKey: sql<string>`(${key})::text`,
    })
    .from(r)
    .innerJoin(surveys, and(eq(surveys.orgId, r.orgId), eq(surveys.id, r.surveyId)))
    .where(and(...where))
    .orderBy(sql`${key} ${direction}`, sql`${answeredAt} ${direction}`, sql`${r.id} ${direction}`)
    .limit(f.limit + 1);
  return rows.map((row) => ({ ...row, answeredAt: new Date(row.answeredAt) })) as InboxRow[];
}

/** The complete responses of these ids, with their comments: those chosen in the inbox. */
export async function findInboxRows(tx: Executor, orgId: string, ids: string[]) {
  return tx
    .select({
      id: r.id,
      surveyId: r.surveyId,
      customerId: r.customerId,
      nps: r.nps,
      csat: r.csat,
      ces: r.ces,
      answeredAt: sql<Date>`coalesce(${r.submittedAt}, ${r.createdAt})`,
      comment,
    })
    .from(r)
    .where(and(eq(r.orgId, orgId), eq(r.status, 'complete'), inArray(r.id, ids)));
}
