import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { DONE_STATUSES, OPEN_STATUSES } from '../domain/model';
import { caseEscalations, caseLinks, cases, caseTimeline } from './tables';

export type CaseRow = typeof cases.$inferSelect;
export type NewCase = Omit<
  typeof cases.$inferInsert,
  'orgId' | 'id' | 'nextDueAt' | 'cycle' | 'slaVersion' | 'status' | 'pausedMinutes'
>;

/** Breached at `now`: a target met late, or reached unmet (a paused clock stops at the pause). */
export const breachedSql = (now: Date): SQL<boolean> => {
  const clockAt = sql`least(${now}::timestamptz, coalesce(${cases.pausedAt}, ${now}::timestamptz))`;
  return sql<boolean>`coalesce(
    (${cases.firstRespondedAt} is null and ${cases.firstResponseDueAt} <= ${clockAt})
    or ${cases.firstRespondedAt} > ${cases.firstResponseDueAt}
    or (${cases.resolvedAt} is null and ${cases.resolutionDueAt} <= ${clockAt})
    or ${cases.resolvedAt} > ${cases.resolutionDueAt},
    false)`;
};

export async function insertCase(tx: Executor, orgId: string, c: NewCase): Promise<CaseRow> {
  const [row] = await tx
    .insert(cases)
    .values({ ...c, orgId, status: 'new', cycle: 1, slaVersion: 1 })
    .returning();
  return row;
}

/** `lock` serialises changes to one case. */
export async function findCase(tx: Executor, orgId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as CaseRow | undefined;
}

export async function updateCase(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<Omit<CaseRow, 'orgId' | 'id' | 'nextDueAt'>>,
): Promise<CaseRow> {
  const [row] = await tx
    .update(cases)
    .set(patch)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)))
    .returning();
  return row;
}

/** The customer's most recent open case, locked: later negative feedback joins it. */
export async function findOpenCaseOfCustomer(tx: Executor, orgId: string, customerId: string) {
  const [row] = await tx
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        eq(cases.customerId, customerId),
        inArray(cases.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(1)
    .for('update');
  return row as CaseRow | undefined;
}

export type CaseFilters = {
  status?: string[];
  ownerId?: string;
  teamId?: string;
  locationId?: string;
  priority?: string[];
  customerId?: string;
  breached?: boolean;
  sort: 'due' | 'created';
  limit: number;
  after?: unknown[];
};

export async function listCases(tx: Executor, orgId: string, f: CaseFilters, now: Date) {
  const where: (SQL | undefined)[] = [eq(cases.orgId, orgId)];
  if (f.status?.length) where.push(inArray(cases.status, f.status));
  if (f.priority?.length) where.push(inArray(cases.priority, f.priority));
  if (f.ownerId) where.push(eq(cases.ownerId, f.ownerId));
  if (f.teamId) where.push(eq(cases.teamId, f.teamId));
  if (f.locationId) where.push(eq(cases.locationId, f.locationId));
  if (f.customerId) where.push(eq(cases.customerId, f.customerId));
  if (f.breached !== undefined) where.push(f.breached ? breachedSql(now) : sql`not ${breachedSql(now)}`);
  if (f.after) where.push(f.sort === 'due' ? afterDue(f.after) : afterCreated(f.after));
  const order =
    f.sort === 'due'
      ? [sql`${cases.nextDueAt} asc nulls last`, asc(cases.id)]
      : [desc(cases.createdAt), desc(cases.id)];
  return tx
    .select({ row: cases, breached: breachedSql(now) })
    .from(cases)
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit + 1);
}

const afterDue = ([due, id]: unknown[]) =>
  due === null
    ? and(isNull(cases.nextDueAt), gt(cases.id, String(id)))
    : or(
        gt(cases.nextDueAt, new Date(String(due))),
        and(eq(cases.nextDueAt, new Date(String(due))), gt(cases.id, String(id))),
        isNull(cases.nextDueAt),
      );

const afterCreated = ([created, id]: unknown[]) =>
  or(
    lt(cases.createdAt, new Date(String(created))),
    and(eq(cases.createdAt, new Date(String(created))), lt(cases.id, String(id))),
  );

/** Links a response or event to a case; false when it already feeds one. */
export async function insertLink(
  tx: Executor,
  orgId: string,
  link: { sourceKey: string; caseId: string; kind: 'response' | 'event' | 'audit'; occurredAt: Date },
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .insert(caseLinks)
    .values({ ...link, orgId, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: caseLinks.sourceKey });
  return rows.length > 0;
}

export async function findLink(tx: Executor, orgId: string, sourceKey: string) {
  const [row] = await tx
    .select({ caseId: caseLinks.caseId })
    .from(caseLinks)
    .where(and(eq(caseLinks.orgId, orgId), eq(caseLinks.sourceKey, sourceKey)));
  return row;
}

export type TimelineInput = {
  caseId: string;
  kind: string;
  authorId?: string | null;
  text?: string | null;
  data?: Record<string, unknown>;
  at: Date;
};

export async function insertTimeline(tx: Executor, orgId: string, entry: TimelineInput): Promise<number> {
  const [row] = await tx
    .insert(caseTimeline)
    .values({ ...entry, orgId, data: entry.data ?? {} })
    .returning({ id: caseTimeline.id });
  return row.id;
}

const timelineColumns = {
  id: caseTimeline.id,
  kind: caseTimeline.kind,
  authorId: caseTimeline.authorId,
  text: caseTimeline.text,
  data: caseTimeline.data,
  at: caseTimeline.at,
};

export async function listTimeline(tx: Executor, orgId: string, caseId: string, limit = 1000) {
  return tx
    .select(timelineColumns)
    .from(caseTimeline)
    .where(and(eq(caseTimeline.orgId, orgId), eq(caseTimeline.caseId, caseId)))
    .orderBy(asc(caseTimeline.id))
    .limit(limit);
}

export async function findTimelineEntry(tx: Executor, orgId: string, id: number) {
  const [row] = await tx
    .select({ ...timelineColumns, caseId: caseTimeline.caseId })
    .from(caseTimeline)
    .where(and(eq(caseTimeline.orgId, orgId), eq(caseTimeline.id, id)));
  return row;
}

/** Records that an escalation happened; false when it already had. */
export async function insertEscalation(
  tx: Executor,
  orgId: string,
  e: { caseId: string; kind: string; cycle: number; at: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(caseEscalations)
    .values({ ...e, orgId })
    .onConflictDoNothing()
    .returning({ kind: caseEscalations.kind });
  return rows.length > 0;
}

export async function listEscalations(tx: Executor, orgId: string, caseId: string) {
  return tx
    .select({ kind: caseEscalations.kind, cycle: caseEscalations.cycle, at: caseEscalations.at })
    .from(caseEscalations)
    .where(and(eq(caseEscalations.orgId, orgId), eq(caseEscalations.caseId, caseId)))
    .orderBy(asc(caseEscalations.at));
}

/** A customer's cases for the profile (open only) or the export (all). */
export async function listCustomerCases(tx: Executor, orgId: string, customerId: string, openOnly: boolean) {
  return tx
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        eq(cases.customerId, customerId),
        openOnly ? notInArray(cases.status, [...DONE_STATUSES]) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(openOnly ? 100 : 10_000);
}

/** Erasure: free texts written about or by the customer go; the cases' facts stay for statistics. */
export async function blankCustomerTexts(tx: Executor, orgId: string, customerId: string) {
  const ids = tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.customerId, customerId)));
  await tx
    .update(caseTimeline)
    .set({ text: null, data: sql`${caseTimeline.data} - 'subject' - 'from'` })
    .where(and(eq(caseTimeline.orgId, orgId), inArray(caseTimeline.caseId, ids)));
  await tx
    .update(cases)
    .set({ description: null })
    .where(and(eq(cases.orgId, orgId), eq(cases.customerId, customerId)));
}

/** Hours logged on notes in [from, before), per customer of the case (cost to serve). */
export async function sumHandlingHours(tx: Executor, orgId: string, from: Date, before: Date) {
  const minutes = sql<number>`sum((${caseTimeline.data}->>'minutesSpent')::int)`;
  const rows = await tx
    .select({ customerId: cases.customerId, minutes })
    .from(caseTimeline)
    .innerJoin(cases, and(eq(cases.orgId, caseTimeline.orgId), eq(cases.id, caseTimeline.caseId)))
    .where(
      and(
        eq(caseTimeline.orgId, orgId),
        gte(caseTimeline.at, from),
        lt(caseTimeline.at, before),
        sql`${caseTimeline.data} ? 'minutesSpent'`,
        isNotNull(cases.customerId),
      ),
    )
    .groupBy(cases.customerId);
  return rows.map((r) => ({ customerId: r.customerId!, hours: Number(r.minutes) / 60 }));
}

/** Waits for any other transaction handling this customer's feedback (two answers arriving together open one case). */
export async function lockCustomerFeedback(tx: Executor, orgId: string, customerId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`case-customer:${orgId}:${customerId}`}))`);
}

/** Whether the case's timeline records the e-mail sent under this key. */
export async function hasSentMail(tx: Executor, orgId: string, caseId: string, key: string) {
  const [row] = await tx
    .select({ id: caseTimeline.id })
    .from(caseTimeline)
    .where(
      and(
        eq(caseTimeline.orgId, orgId),
        eq(caseTimeline.caseId, caseId),
        eq(caseTimeline.kind, 'email_sent'),
        sql`${caseTimeline.data}->>'key' = ${key}`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** The open cases (of one priority, or all), locked in id order: their deadlines are about to move. */
export async function lockOpenCases(tx: Executor, orgId: string, priority?: string): Promise<CaseRow[]> {
  return tx
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.orgId, orgId),
        inArray(cases.status, [...OPEN_STATUSES]),
        priority ? eq(cases.priority, priority) : undefined,
      ),
    )
    .orderBy(asc(cases.id))
    .for('update');
}

/** These cases, locked in id order (a bulk action changes them in one transaction). */
export async function lockCases(tx: Executor, orgId: string, ids: readonly string[]): Promise<CaseRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), inArray(cases.id, [...ids])))
    .orderBy(asc(cases.id))
    .for('update');
}
