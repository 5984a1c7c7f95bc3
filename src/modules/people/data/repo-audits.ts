import { and, asc, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { before, toMilliseconds } from '../../../db/keyset';
import { locations, teams } from './tables';
import { auditAnswers, auditChecklists, auditPhotos, auditVisits } from './tables-audits';

export type AuditChecklistRow = typeof auditChecklists.$inferSelect;
export type AuditVisitRow = typeof auditVisits.$inferSelect;
export type AuditAnswerRow = typeof auditAnswers.$inferSelect;

// Checklists

export const listChecklists = (tx: Executor, orgId: string) =>
  tx
    .select()
    .from(auditChecklists)
    .where(eq(auditChecklists.orgId, orgId))
    .orderBy(asc(auditChecklists.name), asc(auditChecklists.id));

export async function findChecklist(tx: Executor, orgId: string, id: string, lock = false) {
  const q = tx
    .select()
    .from(auditChecklists)
    .where(and(eq(auditChecklists.orgId, orgId), eq(auditChecklists.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function findChecklistByName(tx: Executor, orgId: string, name: string) {
  const [row] = await tx
    .select({ id: auditChecklists.id })
    .from(auditChecklists)
    .where(and(eq(auditChecklists.orgId, orgId), eq(auditChecklists.name, name)));
  return row;
}

export async function insertChecklist(
  tx: Executor,
  orgId: string,
  values: Omit<typeof auditChecklists.$inferInsert, 'orgId'>,
) {
  const [row] = await tx
    .insert(auditChecklists)
    .values({ ...values, orgId })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateChecklist(
  tx: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof auditChecklists.$inferInsert>,
) {
  const [row] = await tx
    .update(auditChecklists)
    .set(values)
    .where(and(eq(auditChecklists.orgId, orgId), eq(auditChecklists.id, id)))
    .returning();
  return row;
}

export async function deleteChecklist(tx: Executor, orgId: string, id: string) {
  await tx.delete(auditChecklists).where(and(eq(auditChecklists.orgId, orgId), eq(auditChecklists.id, id)));
}

export async function hasVisits(tx: Executor, orgId: string, checklistId: string) {
  const [row] = await tx
    .select({ id: auditVisits.id })
    .from(auditVisits)
    .where(and(eq(auditVisits.orgId, orgId), eq(auditVisits.checklistId, checklistId)))
    .limit(1);
  return Boolean(row);
}

// Visits

export type VisitFilter = { locationId?: string; checklistId?: string; status?: 'scheduled' | 'done' };

/** A newest-first page of visits by (scheduled at, id) before `position`: `limit + 1` rows. */
export function pageVisits(
  tx: Executor,
  orgId: string,
  limit: number,
  position: [string, string] | undefined,
  f: VisitFilter,
) {
  const order = [toMilliseconds(auditVisits.scheduledAt), auditVisits.id] as const;
  const where: (SQL | undefined)[] = [
    eq(auditVisits.orgId, orgId),
    f.locationId ? eq(auditVisits.locationId, f.locationId) : undefined,
    f.checklistId ? eq(auditVisits.checklistId, f.checklistId) : undefined,
    f.status ? eq(auditVisits.status, f.status) : undefined,
    before(order, position),
  ];
  return tx
    .select()
    .from(auditVisits)
    .where(and(...where))
    .orderBy(...order.map((c) => desc(c)))
    .limit(limit + 1);
}

export async function findVisit(tx: Executor, orgId: string, id: string, lock = false) {
  const q = tx
    .select()
    .from(auditVisits)
    .where(and(eq(auditVisits.orgId, orgId), eq(auditVisits.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function insertVisit(
  tx: Executor,
  orgId: string,
  values: Omit<typeof auditVisits.$inferInsert, 'orgId'>,
) {
  const [row] = await tx
    .insert(auditVisits)
    .values({ ...values, orgId })
    .returning();
  return row;
}

export async function updateVisit(
  tx: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof auditVisits.$inferInsert>,
) {
  const [row] = await tx
    .update(auditVisits)
    .set(values)
    .where(and(eq(auditVisits.orgId, orgId), eq(auditVisits.id, id)))
    .returning();
  return row;
}

export async function deleteVisit(tx: Executor, orgId: string, id: string) {
  await tx.delete(auditVisits).where(and(eq(auditVisits.orgId, orgId), eq(auditVisits.id, id)));
}

export async function insertAnswers(
  tx: Executor,
  orgId: string,
  visitId: string,
  answers: { itemId: string; result: 'pass' | 'fail' | 'na'; note: string | null }[],
) {
  if (!answers.length) return;
  await tx.insert(auditAnswers).values(answers.map((a) => ({ ...a, orgId, visitId })));
}

export const listAnswers = (tx: Executor, orgId: string, visitId: string) =>
  tx
    .select({ itemId: auditAnswers.itemId, result: auditAnswers.result, note: auditAnswers.note })
    .from(auditAnswers)
    .where(and(eq(auditAnswers.orgId, orgId), eq(auditAnswers.visitId, visitId)));

/** The user who manages a team of the location (by team name), if any. */
export async function findLocationManager(tx: Executor, orgId: string, locationId: string) {
  const [row] = await tx
    .select({ managerId: teams.managerId, teamId: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.locationId, locationId), isNotNull(teams.managerId)))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(1);
  return row;
}

export async function findLocationName(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select({ id: locations.id, name: locations.name, code: locations.code })
    .from(locations)
    .where(and(eq(locations.orgId, orgId), eq(locations.id, id)));
  return row;
}

// Photos

export async function insertPhoto(
  tx: Executor,
  orgId: string,
  values: Omit<typeof auditPhotos.$inferInsert, 'orgId'>,
) {
  const [row] = await tx
    .insert(auditPhotos)
    .values({ ...values, orgId })
    .returning({
      id: auditPhotos.id,
      itemId: auditPhotos.itemId,
      contentType: auditPhotos.contentType,
      size: auditPhotos.size,
      createdAt: auditPhotos.createdAt,
    });
  return row;
}

export const listPhotos = (tx: Executor, orgId: string, visitId: string) =>
  tx
    .select({
      id: auditPhotos.id,
      itemId: auditPhotos.itemId,
      contentType: auditPhotos.contentType,
      size: auditPhotos.size,
      createdAt: auditPhotos.createdAt,
    })
    .from(auditPhotos)
    .where(and(eq(auditPhotos.orgId, orgId), eq(auditPhotos.visitId, visitId)))
    .orderBy(asc(auditPhotos.createdAt), asc(auditPhotos.id));

export async function findPhoto(tx: Executor, orgId: string, visitId: string, id: string) {
  const [row] = await tx
    .select({ contentType: auditPhotos.contentType, data: auditPhotos.data })
    .from(auditPhotos)
    .where(and(eq(auditPhotos.orgId, orgId), eq(auditPhotos.visitId, visitId), eq(auditPhotos.id, id)));
  return row;
}

export async function countPhotos(tx: Executor, orgId: string, visitId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditPhotos)
    .where(and(eq(auditPhotos.orgId, orgId), eq(auditPhotos.visitId, visitId)));
  return row?.n ?? 0;
}

// Trends

export type TrendRow = {
  locationId: string;
  month: string;
  visits: number;
  score: number | null;
  failed: number;
  service: number | null;
  aesthetic: number | null;
  ethical: number | null;
};

/** Done visits per location and month (in `timeZone`): their count, mean scores and failed count. */
export async function auditTrends(
  tx: Executor,
  orgId: string,
  timeZone: string,
  from: Date,
  to: Date,
  locationId?: string,
): Promise<TrendRow[]> {
  const comp = (c: string) => sql`round(avg((${auditVisits.componentScores} ->> ${c})::numeric), 2)::float8`;
  const month = sql<string>`to_char(${auditVisits.doneAt} at time zone ${timeZone}, 'YYYY-MM')`;
  const result = await tx.execute(sql`
    select ${auditVisits.locationId} as "locationId", ${month} as month, count(*)::int as visits,
      round(avg(${auditVisits.score}), 2)::float8 as score,
      (count(*) filter (where ${auditVisits.failed}))::int as failed,
      ${comp('service')} as service, ${comp('aesthetic')} as aesthetic, ${comp('ethical')} as ethical
    from ${auditVisits}
    where ${auditVisits.orgId} = ${orgId} and ${auditVisits.status} = 'done'
      and ${auditVisits.doneAt} >= ${from.toISOString()} and ${auditVisits.doneAt} < ${to.toISOString()}
      ${locationId ? sql`and ${auditVisits.locationId} = ${locationId}` : sql``}
    group by 1, 2 order by 1, 2`);
  return rowsOf<TrendRow>(result);
}
