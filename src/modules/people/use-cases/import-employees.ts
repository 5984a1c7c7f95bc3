import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { AppError, type FieldError } from '../../../lib/errors';
import * as repo from '../data/repo-structure';
import { departments, employees, locations, teams } from '../data/tables';
import { ZEmployeeRowSchema } from '../http/schemas';

export type EmployeeRow = z.infer<typeof ZEmployeeRowSchema>;

/**
 * Upserts people of an HR file by external id, in one transaction: teams and departments named
 * but not there yet are created, locations must exist (by code), managers are people of the file
 * or already stored. A reference that cannot be resolved refuses the whole file, naming the row.
 */
export async function importEmployees(
  ctx: AppContext,
  orgId: string,
  rows: EmployeeRow[],
  field = 'body.employees',
) {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (seen.has(r.externalId))
      throw refused([
        { field: `${field}.${i}.externalId`, message: `repeats row ${seen.get(r.externalId)}` },
      ]);
    seen.set(r.externalId, i);
  });
  return ctx.db.withOrg(orgId, async (tx) => {
    const now = ctx.clock.now();
    const teamIds = await namedIds(
      tx,
      orgId,
      'team',
      rows.map((r) => r.team),
      now,
    );
    const departmentIds = await namedIds(
      tx,
      orgId,
      'department',
      rows.map((r) => r.department),
      now,
    );
    const errors: FieldError[] = [];
    const locationIds = new Map<string, string>();
    for (const [i, r] of rows.entries()) {
      if (!r.locationCode || locationIds.has(r.locationCode)) continue;
      const loc = await repo.findBy(tx, locations, orgId, 'code', r.locationCode);
      if (loc) locationIds.set(r.locationCode, loc.id);
      else errors.push({ field: `${field}.${i}.locationCode`, message: 'is not the code of a location' });
    }
    if (errors.length) throw refused(errors);
    let created = 0;
    let updated = 0;
    const ids = new Map<string, string>();
    // First the people, then their managers: a manager may come later in the file.
    for (const r of rows) {
      const values = {
        externalId: r.externalId,
        name: r.name,
        ...(r.email !== undefined && { email: r.email }),
        ...(r.jobRole !== undefined && { jobRole: r.jobRole }),
        ...(r.team !== undefined && { teamId: r.team ? teamIds.get(r.team)! : null }),
        ...(r.department !== undefined && {
          departmentId: r.department ? departmentIds.get(r.department)! : null,
        }),
        ...(r.locationCode !== undefined && {
          locationId: r.locationCode ? locationIds.get(r.locationCode)! : null,
        }),
        ...(r.hiredOn !== undefined && { hiredOn: r.hiredOn }),
        ...(r.leftOn !== undefined && { leftOn: r.leftOn }),
      };
      const stored = await repo.findBy(tx, employees, orgId, 'externalId', r.externalId);
      if (stored) {
        await repo.updateRow(tx, employees, orgId, stored.id, { ...values, updatedAt: now });
        ids.set(r.externalId, stored.id);
        updated++;
      } else {
        const id = await repo.insertRow(tx, employees, orgId, {
          jobRole: '',
          ...values,
          createdAt: now,
          updatedAt: now,
        });
        ids.set(r.externalId, id!);
        created++;
      }
    }
    for (const [i, r] of rows.entries()) {
      if (r.managerExternalId === undefined) continue;
      let managerId: string | null = null;
      if (r.managerExternalId) {
        managerId =
          ids.get(r.managerExternalId) ??
          (await repo.findBy(tx, employees, orgId, 'externalId', r.managerExternalId))?.id ??
          null;
        if (!managerId)
          errors.push({ field: `${field}.${i}.managerExternalId`, message: 'is not a known person' });
        else if (
          managerId === ids.get(r.externalId) ||
          (await repo.managesThroughChain(tx, orgId, ids.get(r.externalId)!, managerId))
        )
          errors.push({ field: `${field}.${i}.managerExternalId`, message: 'would make a loop of managers' });
      }
      if (!errors.length) await repo.updateRow(tx, employees, orgId, ids.get(r.externalId)!, { managerId });
    }
    if (errors.length) throw refused(errors);
    return { created, updated };
  });
}

/** The ids of the teams or departments named, creating those not there yet. */
async function namedIds(
  tx: Executor,
  orgId: string,
  kind: 'team' | 'department',
  names: (string | null | undefined)[],
  now: Date,
) {
  const table = kind === 'team' ? teams : departments;
  const out = new Map<string, string>();
  for (const name of new Set(names.filter((n): n is string => !!n))) {
    const row =
      (await repo.findBy(tx, table, orgId, 'name', name))?.id ??
      (await repo.insertRow(tx, table, orgId, { name, createdAt: now }));
    out.set(name, row!);
  }
  return out;
}

const refused = (errors: FieldError[]) =>
  new AppError('validation', `${errors[0].field}: ${errors[0].message}`, errors.slice(0, 100));

/** The CSV columns of an HR file, by the names of the batch's fields (case and spaces ignored). */
const COLUMNS: Record<string, keyof EmployeeRow> = Object.fromEntries(
  Object.keys(ZEmployeeRowSchema.shape).map((k) => [k.toLowerCase(), k as keyof EmployeeRow]),
);

/** Rows of a CSV file with a header line: each checked like a batch row; problems name the line. */
export function readEmployeeCsv(text: string): EmployeeRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    throw new AppError('validation', `body: ${(err as Error).message}`, [
      { field: 'body', message: (err as Error).message },
    ]);
  }
  const [header, ...lines] = records;
  if (!header)
    throw new AppError('validation', 'body: the file is empty', [{ field: 'body', message: 'is empty' }]);
  const keys = header.map((h) => COLUMNS[h.trim().toLowerCase().replace(/[\s_]/g, '')]);
  const unknown = header.findIndex((_, i) => !keys[i]);
  if (unknown >= 0)
    throw new AppError(
      'validation',
      `body: column "${header[unknown]}" is not one of ${Object.values(COLUMNS).join(', ')}`,
      [{ field: `line 1.${header[unknown]}`, message: 'is not a known column' }],
    );
  if (lines.length > 5000)
    throw new AppError('validation', 'body: at most 5000 people per file', [
      { field: 'body', message: 'has more than 5000 rows' },
    ]);
  const errors: FieldError[] = [];
  const rows = lines.map((cells, n) => {
    const raw = Object.fromEntries(keys.map((k, i) => [k, cells[i].trim() === '' ? null : cells[i].trim()]));
    const parsed = ZEmployeeRowSchema.safeParse(raw);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push({ field: `line ${n + 2}.${issue.path.join('.')}`, message: issue.message });
    return parsed.data as EmployeeRow;
  });
  if (errors.length) throw refused(errors);
  return rows;
}
