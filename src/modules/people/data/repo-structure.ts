import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import { after } from '../../../db/keyset';
import { departments, employees, locations, teams } from './tables';

/** The four kinds of the organization's structure, each a table listed by name. */
export const STRUCTURE = {
  location: locations,
  department: departments,
  team: teams,
  employee: employees,
} as const;
export type StructureKind = keyof typeof STRUCTURE;
type Table = (typeof STRUCTURE)[StructureKind];

export type Location = typeof locations.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Employee = typeof employees.$inferSelect;

/** A page of rows by (name, id) after `position`: `limit + 1` rows. */
export async function pageByName<T extends Table>(
  tx: Executor,
  table: T,
  orgId: string,
  limit: number,
  position: [string, string] | undefined,
  where?: SQL,
): Promise<T['$inferSelect'][]> {
  const order = [table.name, table.id] as const;
  return tx
    .select()
    .from(table as typeof locations)
    .where(and(eq(table.orgId, orgId), after(order, position), where))
    .orderBy(...order.map((c) => asc(c)))
    .limit(limit + 1) as Promise<T['$inferSelect'][]>;
}

export async function findRow<T extends Table>(
  tx: Executor,
  table: T,
  orgId: string,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await tx
    .select()
    .from(table as typeof locations)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)));
  return row as T['$inferSelect'] | undefined;
}

/** The ids of `ids` that are rows of the organization. */
export async function existingIds(tx: Executor, table: Table, orgId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await tx
    .select({ id: table.id })
    .from(table as typeof locations)
    .where(and(eq(table.orgId, orgId), inArray(table.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** Undefined when a unique column (name, code, external id) is taken. */
export async function insertRow<T extends Table>(
  tx: Executor,
  table: T,
  orgId: string,
  values: Omit<T['$inferInsert'], 'orgId'>,
): Promise<string | undefined> {
  const [row] = await tx
    .insert(table as typeof locations)
    .values({ ...(values as object), orgId } as typeof locations.$inferInsert)
    .onConflictDoNothing()
    .returning({ id: table.id });
  return row?.id;
}

export async function updateRow<T extends Table>(
  tx: Executor,
  table: T,
  orgId: string,
  id: string,
  patch: Partial<T['$inferInsert']>,
) {
  if (!Object.keys(patch).length) return;
  await tx
    .update(table as typeof locations)
    .set(patch as Partial<typeof locations.$inferInsert>)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)));
}

export async function deleteRow(tx: Executor, table: Table, orgId: string, id: string) {
  const rows = await tx
    .delete(table as typeof locations)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)))
    .returning({ id: table.id });
  return rows.length > 0;
}

/** Whether a unique column other than the key would clash: the row holding `value`, if any. */
export async function findBy<T extends Table>(
  tx: Executor,
  table: T,
  orgId: string,
  column: 'name' | 'code' | 'externalId',
  value: string,
): Promise<T['$inferSelect'] | undefined> {
  const col = (table as unknown as Record<string, SQL>)[column];
  if (!col) return undefined;
  const [row] = await tx
    .select()
    .from(table as typeof locations)
    .where(and(eq(table.orgId, orgId), sql`${col} = ${value}`));
  return row as T['$inferSelect'] | undefined;
}

/** Would making `managerId` the manager of `employeeId` close a loop? Walks up the chain. */
export async function managesThroughChain(
  tx: Executor,
  orgId: string,
  employeeId: string,
  managerId: string,
) {
  const rows = await tx.execute(sql`
    with recursive chain(id, depth) as (
      select ${managerId}::uuid, 0
      union all
      select e.manager_id, c.depth + 1 from employees e join chain c on e.id = c.id
       where e.org_id = ${orgId}::uuid and e.manager_id is not null and c.depth < 100
    )
    select 1 from chain where id = ${employeeId}::uuid limit 1`);
  return rowsOf(rows).length > 0;
}

/** The employees of a team, department or location; `current`: those who have not left. */
export function employeeFilter(f: {
  teamId?: string;
  departmentId?: string;
  locationId?: string;
  current?: boolean;
}) {
  return and(
    f.teamId ? eq(employees.teamId, f.teamId) : undefined,
    f.departmentId ? eq(employees.departmentId, f.departmentId) : undefined,
    f.locationId ? eq(employees.locationId, f.locationId) : undefined,
    f.current === true ? sql`(${employees.leftOn} is null or ${employees.leftOn} > current_date)` : undefined,
    f.current === false ? sql`${employees.leftOn} <= current_date` : undefined,
  );
}
