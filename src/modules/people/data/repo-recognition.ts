import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/array-literal';
import { type Executor, rowsOf } from '../../../db/database';
import { before as olderThan, toMilliseconds } from '../../../db/keyset';
import { employees } from './tables';
import { praise, praiseRecipients } from './tables-recognition';

export type Praise = typeof praise.$inferSelect;

/** Everyone of one location (or of all), with when they worked there. */
export async function staffWithDates(tx: Executor, orgId: string, locationId?: string | null) {
  return tx
    .select({ id: employees.id, name: employees.name, hiredOn: employees.hiredOn, leftOn: employees.leftOn })
    .from(employees)
    .where(and(eq(employees.orgId, orgId), locationId ? eq(employees.locationId, locationId) : undefined))
    .limit(10_000);
}

export async function employeeOfUser(tx: Executor, orgId: string, userId: string) {
  const [row] = await tx
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.orgId, orgId), eq(employees.userId, userId)));
  return row?.id;
}

/** Stores praise with its recipients; undefined when its source was seen before. */
export async function insertPraise(
  tx: Executor,
  orgId: string,
  row: Omit<Praise, 'orgId' | 'id' | 'decidedBy' | 'decidedAt'>,
  employeeIds: readonly string[],
) {
  const [stored] = await tx
    .insert(praise)
    .values({ ...row, orgId })
    .onConflictDoNothing()
    .returning({ id: praise.id });
  if (!stored) return undefined;
  await setRecipients(tx, orgId, stored.id, employeeIds);
  return stored.id;
}

export async function setRecipients(
  tx: Executor,
  orgId: string,
  praiseId: string,
  employeeIds: readonly string[],
) {
  await tx
    .delete(praiseRecipients)
    .where(and(eq(praiseRecipients.orgId, orgId), eq(praiseRecipients.praiseId, praiseId)));
  if (employeeIds.length)
    await tx
      .insert(praiseRecipients)
      .values(employeeIds.map((employeeId) => ({ orgId, praiseId, employeeId })));
}

export async function findPraise(tx: Executor, orgId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(praise)
    .where(and(eq(praise.orgId, orgId), eq(praise.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row as Praise | undefined;
}

export async function decide(
  tx: Executor,
  orgId: string,
  id: string,
  change: {
    status: 'confirmed' | 'dismissed';
    matchedBy?: 'manager';
    decidedBy: string | null;
    decidedAt: Date;
  },
) {
  await tx
    .update(praise)
    .set(change)
    .where(and(eq(praise.orgId, orgId), eq(praise.id, id)));
}

export type FeedFilter = {
  status?: 'confirmed' | 'pending' | 'dismissed';
  employeeIds?: readonly string[];
  teamId?: string;
  locationId?: string;
  customerId?: string;
};

/** Praise newest first, with its recipients' ids; filtered by recipient, their team or location. */
export async function pageFeed(
  tx: Executor,
  orgId: string,
  f: FeedFilter,
  limit: number,
  position?: readonly [string, string],
) {
  const recipientIn = (condition: SQL) =>
    sql`exists (select 1 from praise_recipients r join employees e on e.org_id = r.org_id and e.id = r.employee_id
                 where r.org_id = ${praise.orgId} and r.praise_id = ${praise.id} and ${condition})`;
  const rows = await tx
    .select()
    .from(praise)
    .where(
      and(
        eq(praise.orgId, orgId),
        f.status ? eq(praise.status, f.status) : undefined,
        f.customerId ? eq(praise.customerId, f.customerId) : undefined,
        f.employeeIds
          ? f.employeeIds.length
            ? recipientIn(sql`e.id = any(${textArray(f.employeeIds)}::uuid[])`)
            : sql`false`
          : undefined,
        f.teamId ? recipientIn(sql`e.team_id = ${f.teamId}::uuid`) : undefined,
        f.locationId
          ? or(eq(praise.locationId, f.locationId), recipientIn(sql`e.location_id = ${f.locationId}::uuid`))
          : undefined,
        olderThan(
          [toMilliseconds(praise.receivedAt), praise.id],
          position && [new Date(position[0]), position[1]],
        ),
      ),
    )
    .orderBy(desc(praise.receivedAt), desc(praise.id))
    .limit(limit + 1);
  return withRecipients(tx, orgId, rows);
}

/** The praise `id` with its recipients. */
export async function findPraiseWithRecipients(tx: Executor, orgId: string, id: string) {
  const row = await findPraise(tx, orgId, id);
  return row && (await withRecipients(tx, orgId, [row]))[0];
}

async function withRecipients(tx: Executor, orgId: string, rows: Praise[]) {
  const ids = rows.map((r) => r.id);
  const recipients = ids.length
    ? await tx
        .select({
          praiseId: praiseRecipients.praiseId,
          id: employees.id,
          name: employees.name,
          managerId: employees.managerId,
        })
        .from(praiseRecipients)
        .innerJoin(
          employees,
          and(eq(employees.orgId, praiseRecipients.orgId), eq(employees.id, praiseRecipients.employeeId)),
        )
        .where(and(eq(praiseRecipients.orgId, orgId), inArray(praiseRecipients.praiseId, ids)))
    : [];
  return rows.map((r) => ({ ...r, recipients: recipients.filter((x) => x.praiseId === r.id) }));
}

/** The people an employee manages, directly or further down. */
export async function reportsOf(tx: Executor, orgId: string, employeeId: string) {
  const rows = await tx.execute(sql`
    with recursive below(id, depth) as (
      select id, 1 from employees where org_id = ${orgId}::uuid and manager_id = ${employeeId}::uuid
      union all
      select e.id, b.depth + 1 from employees e join below b on e.manager_id = b.id
       where e.org_id = ${orgId}::uuid and b.depth < 50
    )
    select distinct id::text from below`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** Erasure: the customer's words go and the praise no longer names them; the thanks stay with the staff. */
export async function forgetCustomer(tx: Executor, orgId: string, customerId: string) {
  await tx
    .update(praise)
    .set({ comment: null, customerId: null })
    .where(and(eq(praise.orgId, orgId), eq(praise.customerId, customerId)));
}

/** Confirmed praise per person received from `from` up to and including `to`. */
export async function praiseCounts(tx: Executor, orgId: string, window: { from: Date; to: Date }) {
  const rows = await tx
    .select({ employeeId: praiseRecipients.employeeId, n: sql<number>`count(*)::int` })
    .from(praiseRecipients)
    .innerJoin(
      praise,
      and(eq(praise.orgId, praiseRecipients.orgId), eq(praise.id, praiseRecipients.praiseId)),
    )
    .where(
      and(
        eq(praiseRecipients.orgId, orgId),
        eq(praise.status, 'confirmed'),
        sql`${praise.receivedAt} >= ${window.from.toISOString()}::timestamptz and ${praise.receivedAt} <= ${window.to.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(praiseRecipients.employeeId);
  return new Map(rows.map((r) => [r.employeeId, Number(r.n)]));
}

/** Who a confirmed praise is e-mailed to: each person it names and their manager, with the customer's words. */
export async function findPraiseMailFacts(tx: Executor, orgId: string, praiseId: string) {
  const rows = rowsOf<{
    comment: string | null;
    name: string;
    email: string | null;
    manager_name: string | null;
    manager_email: string | null;
  }>(
    await tx.execute(sql`
      select p.comment, e.name, e.email, m.name as manager_name, m.email as manager_email
        from praise p
        join praise_recipients r on r.org_id = p.org_id and r.praise_id = p.id
        join employees e on e.org_id = r.org_id and e.id = r.employee_id
        left join employees m on m.org_id = e.org_id and m.id = e.manager_id
       where p.org_id = ${orgId}::uuid and p.id = ${praiseId}::uuid and p.status = 'confirmed'
       order by e.name`),
  );
  return rows.map((r) => ({
    comment: r.comment,
    name: r.name,
    email: r.email,
    manager: r.manager_email ? { name: r.manager_name ?? '', email: r.manager_email } : null,
  }));
}
