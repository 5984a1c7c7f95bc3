import type { Executor } from '../../../db/database';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { findOrgLocaleSettings, findUserRef } from '../../orgs/api';
import * as repo from '../data/repo-structure';
import type { departments, employees, locations, teams } from '../data/tables';

// Locations, departments, teams and employees: references checked, names kept unique, then the repo.

export type StructureKind = repo.StructureKind;
type Kind = StructureKind;
const TABLES = repo.STRUCTURE;
/** How each kind is named in messages, and the column that must stay unique besides the id. */
const UNIQUE: Record<Kind, { what: string; column: 'name' | 'code' | 'externalId'; field: string }> = {
  location: { what: 'location', column: 'code', field: 'code' },
  department: { what: 'department', column: 'name', field: 'name' },
  team: { what: 'team', column: 'name', field: 'name' },
  employee: { what: 'employee', column: 'externalId', field: 'externalId' },
};

/** The references a body may hold, each to a kind of the structure (or a user). */
const REFERENCES = {
  departmentId: 'department',
  locationId: 'location',
  teamId: 'team',
  managerId: 'employee',
} as const satisfies Record<string, Kind>;

async function checkReferences(tx: Executor, orgId: string, kind: Kind, body: Record<string, unknown>) {
  for (const [field, refKind] of Object.entries(REFERENCES)) {
    const id = body[field];
    if (typeof id !== 'string') continue;
    // A team's manager is a user (who manages its cases); an employee's is another employee.
    if (kind === 'team' && field === 'managerId') {
      if (!(await findUserRef(tx, orgId, id)))
        throw invalid('body.managerId', 'is not a user of this organization');
      continue;
    }
    if (!(await repo.findRow(tx, TABLES[refKind], orgId, id)))
      throw invalid(`body.${field}`, `is not a ${refKind} of this organization`);
  }
  if (kind === 'employee' && typeof body.userId === 'string' && !(await findUserRef(tx, orgId, body.userId)))
    throw invalid('body.userId', 'is not a user of this organization');
}

function clash(kind: Kind, value: string) {
  const { what, field } = UNIQUE[kind];
  return new AppError('conflict', `${field}: a ${what} with ${field} "${value}" already exists`, [
    { field: `body.${field}`, message: 'is taken' },
  ]);
}

export async function listStructure(
  ctx: AppContext,
  orgId: string,
  kind: Kind,
  page: PageQuery,
  filter?: { teamId?: string; departmentId?: string; locationId?: string; current?: boolean },
) {
  // The cursor names the last row shown; the page goes on after its (name, id).
  const [lastId] = decodeCursor(page.cursor, ['uuid']) ?? [];
  const rows = await ctx.db.withOrg(orgId, async (tx) => {
    const last = lastId ? await repo.findRow(tx, TABLES[kind], orgId, lastId) : undefined;
    if (lastId && !last)
      throw invalid('query.cursor', `names a ${UNIQUE[kind].what} that is not there any more`);
    return repo.pageByName(
      tx,
      TABLES[kind],
      orgId,
      page.limit,
      last ? [last.name, last.id] : undefined,
      kind === 'employee' && filter ? repo.employeeFilter(filter) : undefined,
    );
  });
  return pageOf(rows, page.limit, (r) => [r.id]);
}

export async function getStructure(ctx: AppContext, orgId: string, kind: Kind, id: string) {
  const row = await ctx.db.withOrg(orgId, (tx) => repo.findRow(tx, TABLES[kind], orgId, id));
  if (!row) throw notFound(UNIQUE[kind].what);
  return row;
}

type Inputs = {
  location: Omit<typeof locations.$inferInsert, 'orgId'>;
  department: Omit<typeof departments.$inferInsert, 'orgId'>;
  team: Omit<typeof teams.$inferInsert, 'orgId'>;
  employee: Omit<typeof employees.$inferInsert, 'orgId'>;
};

export async function createStructure<K extends Kind>(
  ctx: AppContext,
  orgId: string,
  kind: K,
  body: Inputs[K],
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await checkReferences(tx, orgId, kind, body as Record<string, unknown>);
    const values: Record<string, unknown> = { ...body, createdAt: ctx.clock.now() };
    if (kind === 'location' && !values.timeZone)
      values.timeZone = (await findOrgLocaleSettings(tx, orgId)).timeZone;
    if (kind === 'employee') values.updatedAt = ctx.clock.now();
    const id = await repo.insertRow(tx, TABLES[kind], orgId, values as never);
    if (!id) throw clash(kind, String((body as Record<string, unknown>)[UNIQUE[kind].column]));
    return (await repo.findRow(tx, TABLES[kind], orgId, id))!;
  });
}

export async function changeStructure<K extends Kind>(
  ctx: AppContext,
  orgId: string,
  kind: K,
  id: string,
  patch: Partial<Inputs[K]>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findRow(tx, TABLES[kind], orgId, id))) throw notFound(UNIQUE[kind].what);
    const body = patch as Record<string, unknown>;
    await checkReferences(tx, orgId, kind, body);
    const unique = body[UNIQUE[kind].column];
    if (typeof unique === 'string') {
      const holder = await repo.findBy(tx, TABLES[kind], orgId, UNIQUE[kind].column, unique);
      if (holder && holder.id !== id) throw clash(kind, unique);
    }
    if (kind === 'employee' && typeof body.managerId === 'string') {
      if (body.managerId === id || (await repo.managesThroughChain(tx, orgId, id, body.managerId)))
        throw invalid('body.managerId', 'would make this person their own manager through the chain');
    }
    const values = kind === 'employee' ? { ...body, updatedAt: ctx.clock.now() } : body;
    await repo.updateRow(tx, TABLES[kind], orgId, id, values as never);
    return (await repo.findRow(tx, TABLES[kind], orgId, id))!;
  });
}

export async function removeStructure(ctx: AppContext, orgId: string, kind: Kind, id: string) {
  const removed = await ctx.db.withOrg(orgId, (tx) => repo.deleteRow(tx, TABLES[kind], orgId, id));
  if (!removed) throw notFound(UNIQUE[kind].what);
}
