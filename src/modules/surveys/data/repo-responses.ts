import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { before, toMilliseconds } from '../../../db/keyset';
import type { Answers } from '../domain/questions';
import { surveyRateCounters, surveyResponses } from './tables';

export type ResponseRow = {
  id: string;
  surveyId: string;
  version: number;
  customerId: string | null;
  invitationId: string | null;
  status: string;
  channel: string;
  touchpoint: string | null;
  /** The location it was given at, when known. */
  locationId: string | null;
  locale: string;
  answers: Answers;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  nonce: string | null;
  submittedAt: Date | null;
  createdAt: Date;
};

const responseColumns = {
  id: surveyResponses.id,
  surveyId: surveyResponses.surveyId,
  version: surveyResponses.version,
  customerId: surveyResponses.customerId,
  invitationId: surveyResponses.invitationId,
  status: surveyResponses.status,
  channel: surveyResponses.channel,
  touchpoint: surveyResponses.touchpoint,
  locationId: surveyResponses.locationId,
  locale: surveyResponses.locale,
  answers: surveyResponses.answers,
  nps: surveyResponses.nps,
  csat: surveyResponses.csat,
  ces: surveyResponses.ces,
  nonce: surveyResponses.nonce,
  submittedAt: surveyResponses.submittedAt,
  createdAt: surveyResponses.createdAt,
};

export type NewResponse = Omit<ResponseRow, 'createdAt' | 'id'> & { id?: string; now: Date };

/** Inserts a response; an id, nonce or invitation already stored inserts nothing and returns undefined. */
/**
 * Response imports of an organization run one at a time: each response bumps shared counters
 * (roll-ups, term counts) in its own order, so two imports at once would lock them in different
 * orders. Taken first, before the import's customers.
 */
export async function lockResponseImports(tx: Executor, orgId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`response-import:${orgId}`}, 0))`);
}

export async function insertResponse(
  tx: Executor,
  orgId: string,
  r: NewResponse,
): Promise<string | undefined> {
  const { now, ...fields } = r;
  const [row] = await tx
    .insert(surveyResponses)
    .values({ orgId, ...fields, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: surveyResponses.id });
  return row?.id;
}

export async function updateResponse(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<ResponseRow, 'status' | 'answers' | 'nps' | 'csat' | 'ces' | 'submittedAt' | 'locale' | 'nonce'>
  > & {
    now: Date;
  },
) {
  const { now, ...fields } = patch;
  await tx
    .update(surveyResponses)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.id, id)));
}

export async function findResponseByNonce(tx: Executor, orgId: string, surveyId: string, nonce: string) {
  const [row] = await tx
    .select(responseColumns)
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.orgId, orgId),
        eq(surveyResponses.surveyId, surveyId),
        eq(surveyResponses.nonce, nonce),
      ),
    );
  return row as ResponseRow | undefined;
}

export async function findResponseByInvitation(tx: Executor, orgId: string, invitationId: string) {
  const [row] = await tx
    .select(responseColumns)
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.invitationId, invitationId)));
  return row as ResponseRow | undefined;
}

export type ResponseFilter = {
  limit: number;
  after?: [string, string];
  status?: string;
  channel?: string;
  touchpoint?: string;
  locationId?: string;
  version?: number;
  customerId?: string;
  from?: Date;
  to?: Date;
};

/** When a response was answered: its submission, or its creation while it is partial; to the millisecond. */
const answeredAt = toMilliseconds(
  sql`coalesce(${surveyResponses.submittedAt}, ${surveyResponses.createdAt})`,
);

/** A survey's responses newest first (answered time, then id descending): live answers lead the list. */
export async function listResponses(tx: Executor, orgId: string, surveyId: string, f: ResponseFilter) {
  const time = sql`coalesce(${surveyResponses.submittedAt}, ${surveyResponses.createdAt})`;
  const rows = await tx
    .select(responseColumns)
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.orgId, orgId),
        eq(surveyResponses.surveyId, surveyId),
        f.status ? eq(surveyResponses.status, f.status) : undefined,
        f.channel ? eq(surveyResponses.channel, f.channel) : undefined,
        f.touchpoint ? eq(surveyResponses.touchpoint, f.touchpoint) : undefined,
        f.locationId ? eq(surveyResponses.locationId, f.locationId) : undefined,
        f.version ? eq(surveyResponses.version, f.version) : undefined,
        f.customerId ? eq(surveyResponses.customerId, f.customerId) : undefined,
        f.from ? gte(time, f.from) : undefined,
        f.to ? lte(time, f.to) : undefined,
        before([answeredAt, surveyResponses.id], f.after && [new Date(f.after[0]), f.after[1]]),
      ),
    )
    .orderBy(desc(answeredAt), desc(surveyResponses.id))
    .limit(f.limit + 1);
  return rows as ResponseRow[];
}

/** A customer's responses, newest first: the profile's latest feedback and the GDPR export. */
export async function listCustomerResponses(tx: Executor, orgId: string, customerId: string, limit: number) {
  const rows = await tx
    .select(responseColumns)
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.customerId, customerId)))
    .orderBy(desc(sql`coalesce(${surveyResponses.submittedAt}, ${surveyResponses.createdAt})`))
    .limit(limit);
  return rows as ResponseRow[];
}

/** Erasure: the customer's responses keep their scores but lose free text and the link to the person. */
export async function unlinkCustomerResponses(
  tx: Executor,
  orgId: string,
  customerId: string,
  blank: (row: ResponseRow) => Answers,
  now: Date,
) {
  const rows = await listCustomerResponses(tx, orgId, customerId, 100_000);
  for (const row of rows) {
    await tx
      .update(surveyResponses)
      .set({ answers: blank(row), customerId: null, updatedAt: now })
      .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.id, row.id)));
  }
}

/** Adds one public submission to this minute's counter of the survey; returns the count so far. */
export async function countSubmission(tx: Executor, orgId: string, surveyId: string, windowStart: Date) {
  const [row] = await tx
    .insert(surveyRateCounters)
    .values({ orgId, surveyId, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [surveyRateCounters.orgId, surveyRateCounters.surveyId, surveyRateCounters.windowStart],
      set: { count: sql`${surveyRateCounters.count} + 1` },
    })
    .returning({ count: surveyRateCounters.count });
  return row.count;
}

export async function purgeRateCounters(tx: Executor, before: Date) {
  await tx.delete(surveyRateCounters).where(lte(surveyRateCounters.windowStart, before));
}

/** Whether a response of this organization has this id. */
export async function responseExists(tx: Executor, orgId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), eq(surveyResponses.id, id)))
    .limit(1);
  return Boolean(row);
}

/** The scores of several responses at once, keyed by id (cases show the score that opened them). */
export async function findResponseScores(tx: Executor, orgId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length)
    return new Map<string, { nps: number | null; csat: number | null; ces: number | null }>();
  const rows = await tx
    .select({
      id: surveyResponses.id,
      nps: surveyResponses.nps,
      csat: surveyResponses.csat,
      ces: surveyResponses.ces,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, orgId), inArray(surveyResponses.id, unique)));
  return new Map(rows.map(({ id, ...scores }) => [id, scores]));
}
