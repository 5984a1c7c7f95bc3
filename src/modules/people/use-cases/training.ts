import { parse } from 'csv-parse/sync';
import type { Executor } from '../../../db/database';
import { decodeCursor, type PageQuery, pageByCreation, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { formatDayNumber } from '../../../lib/day-number';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { localDayOf } from '../../../lib/local-day';
import { findInputProblem, isDayInRange } from '../../../lib/safe-input';
import { findOrgLocaleSettings } from '../../orgs/api';
import { findRow, STRUCTURE } from '../data/repo-structure';
import * as repo from '../data/repo-training';
import {
  expiryOf,
  statusOf,
  type TrainingSkill,
  type TrainingStatus,
  trainingMatrix,
} from '../domain/training';

export type { CourseRow } from '../data/repo-training';

/** The organization's today (its time zone). */
async function todayOf(ctx: AppContext, tx: Executor, orgId: string) {
  const { timeZone } = await findOrgLocaleSettings(tx, orgId);
  return formatDayNumber(localDayOf(ctx.clock.now(), timeZone));
}

export type CourseInput = {
  names: Partial<Record<'en' | 'pl' | 'cs' | 'ru', string>>;
  builds: TrainingSkill;
  validityMonths: number | null;
};

const presentCourse = (c: repo.CourseRow) => ({
  id: c.id,
  names: c.names,
  builds: c.builds,
  validityMonths: c.validityMonths,
  createdAt: c.createdAt,
});

export async function listCourses(ctx: AppContext, orgId: string, page: PageQuery) {
  const out = await ctx.db.withOrg(orgId, (tx) =>
    pageByCreation(page, (limit, position) => repo.pageCourses(tx, orgId, limit, position)),
  );
  return { items: out.items.map(presentCourse), nextCursor: out.nextCursor };
}

export async function createCourse(ctx: AppContext, orgId: string, input: CourseInput) {
  return ctx.db.withOrg(orgId, async (tx) => presentCourse(await repo.insertCourse(tx, { orgId, ...input })));
}

export async function getCourse(ctx: AppContext, orgId: string, id: string) {
  const row = await ctx.db.withOrg(orgId, (tx) => repo.findCourse(tx, orgId, id));
  if (!row) throw notFound('course');
  return presentCourse(row);
}

export async function changeCourse(ctx: AppContext, orgId: string, id: string, patch: Partial<CourseInput>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const current = await repo.findCourse(tx, orgId, id);
    if (!current) throw notFound('course');
    const names = patch.names ? { ...current.names, ...patch.names } : undefined;
    const row = await repo.updateCourse(tx, orgId, id, { ...patch, ...(names ? { names } : {}) });
    return presentCourse(row);
  });
}

export async function removeCourse(ctx: AppContext, orgId: string, id: string) {
  const gone = await ctx.db.withOrg(orgId, (tx) => repo.deleteCourse(tx, orgId, id));
  if (!gone) throw notFound('course');
}

export async function listRequirements(ctx: AppContext, orgId: string, page: PageQuery) {
  const out = await ctx.db.withOrg(orgId, (tx) =>
    pageByCreation(page, (limit, position) => repo.pageRequirements(tx, orgId, limit, position)),
  );
  return {
    items: out.items.map((r) => ({
      id: r.id,
      jobRole: r.jobRole,
      courseId: r.courseId,
      createdAt: r.createdAt,
    })),
    nextCursor: out.nextCursor,
  };
}

/** A job role requires a course; asking again answers the same requirement. */
export async function requireCourse(ctx: AppContext, orgId: string, jobRole: string, courseId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findCourse(tx, orgId, courseId)))
      throw invalid('body.courseId', 'is not a course of this organization');
    const r = await repo.upsertRequirement(tx, orgId, jobRole, courseId);
    return { id: r.id, jobRole: r.jobRole, courseId: r.courseId, createdAt: r.createdAt };
  });
}

export async function removeRequirement(ctx: AppContext, orgId: string, id: string) {
  const gone = await ctx.db.withOrg(orgId, (tx) => repo.deleteRequirement(tx, orgId, id));
  if (!gone) throw notFound('requirement');
}

export type CompletionInput = { employeeId: string; courseId: string; completedOn: string };

const presentCompletion = (c: repo.CompletionRow, validityMonths: number | null) => ({
  id: c.id,
  employeeId: c.employeeId,
  courseId: c.courseId,
  completedOn: c.completedOn,
  expiresOn: expiryOf(c.completedOn, validityMonths),
  createdAt: c.createdAt,
});

/**
 * Records completions in one transaction: every person and course is checked first, a bad one
 * refuses them all, naming it (`field` of each row: `body.completions.3.courseId`).
 */
async function recordCompletionsInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  rows: (CompletionInput & { field: string })[],
) {
  const courses = new Map((await repo.allCourses(tx, orgId)).map((c) => [c.id, c]));
  const today = await todayOf(ctx, tx, orgId);
  for (const r of rows) {
    if (!courses.has(r.courseId))
      throw invalid(`${r.field}.courseId`, 'is not a course of this organization');
    if (!(await findRow(tx, STRUCTURE.employee, orgId, r.employeeId)))
      throw invalid(`${r.field}.employeeId`, 'is not an employee of this organization');
    if (r.completedOn > today) throw invalid(`${r.field}.completedOn`, 'is in the future');
  }
  const inserted = await repo.insertCompletions(
    tx,
    orgId,
    rows.map(({ field: _, ...r }) => r),
  );
  for (const c of inserted) {
    await ctx.bus.emit(tx, 'training.completed', {
      orgId,
      completionId: c.id,
      employeeId: c.employeeId,
      courseId: c.courseId,
      completedOn: c.completedOn,
    });
  }
  return { inserted, courses };
}

export async function recordCompletion(ctx: AppContext, orgId: string, input: CompletionInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { inserted, courses } = await recordCompletionsInTx(ctx, tx, orgId, [{ ...input, field: 'body' }]);
    if (!inserted.length)
      throw new AppError('conflict', 'completedOn: this completion is already recorded', [
        { field: 'body.completedOn', message: 'is already recorded for this person and course' },
      ]);
    return presentCompletion(inserted[0], courses.get(input.courseId)?.validityMonths ?? null);
  });
}

export async function listCompletions(ctx: AppContext, orgId: string, page: PageQuery, employeeId?: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const validity = new Map((await repo.allCourses(tx, orgId)).map((c) => [c.id, c.validityMonths]));
    const out = await pageByCreation(page, (limit, position) =>
      repo.pageCompletions(tx, orgId, limit, position, employeeId),
    );
    return {
      items: out.items.map((c) => presentCompletion(c, validity.get(c.courseId) ?? null)),
      nextCursor: out.nextCursor,
    };
  });
}

export async function removeCompletion(ctx: AppContext, orgId: string, id: string) {
  const gone = await ctx.db.withOrg(orgId, (tx) => repo.deleteCompletion(tx, orgId, id));
  if (!gone) throw notFound('completion');
}

/**
 * Imports completions from CSV with the header `employeeExternalId,courseId,completedOn`: people
 * by their HR id; a bad line refuses the file, naming it (`body.line.3.completedOn`).
 */
export async function importCompletions(ctx: AppContext, orgId: string, text: string) {
  const unsafe = findInputProblem(text);
  if (unsafe) throw invalid('body', unsafe.message);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (err) {
    throw invalid('body', `is not readable CSV (${(err as Error).message})`);
  }
  if (records.length > 10_000) throw invalid('body', 'has more than 10000 lines');
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return ctx.db.withOrg(orgId, async (tx) => {
    const ids = await repo.employeesByExternalId(
      tx,
      orgId,
      records.map((r) => r.employeeExternalId ?? ''),
    );
    const rows = records.map((r, i) => {
      const field = `body.line.${i + 2}`;
      const employeeId = ids.get(r.employeeExternalId ?? '');
      if (!employeeId)
        throw invalid(`${field}.employeeExternalId`, 'is not an employee of this organization');
      if (!UUID.test(r.courseId ?? '')) throw invalid(`${field}.courseId`, 'is not a course id');
      const completedOn = r.completedOn ?? '';
      if (!isDayInRange(completedOn)) throw invalid(`${field}.completedOn`, 'is not a day (YYYY-MM-DD)');
      return { employeeId, courseId: r.courseId.toLowerCase(), completedOn, field };
    });
    const { inserted } = await recordCompletionsInTx(ctx, tx, orgId, rows);
    return { recorded: inserted.length, alreadyRecorded: rows.length - inserted.length };
  });
}

/** Per person and required course: its status today. */
async function statusesOf(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  filter: { teamId?: string; locationId?: string },
  position?: readonly [string, string],
) {
  const today = await todayOf(ctx, tx, orgId);
  const people = await repo.currentEmployees(tx, orgId, today, filter, position);
  const courses = new Map((await repo.allCourses(tx, orgId)).map((c) => [c.id, c]));
  const required = new Map<string, string[]>();
  for (const r of await repo.allRequirements(tx, orgId)) {
    required.set(r.jobRole, [...(required.get(r.jobRole) ?? []), r.courseId]);
  }
  const done = new Map<string, string[]>();
  for (const c of await repo.completionsOf(
    tx,
    orgId,
    people.map((p) => p.id),
  )) {
    const key = `${c.employeeId}/${c.courseId}`;
    done.set(key, [...(done.get(key) ?? []), c.completedOn]);
  }
  const status = (personId: string, courseId: string) =>
    statusOf(done.get(`${personId}/${courseId}`) ?? [], courses.get(courseId)?.validityMonths ?? null, today);
  return { today, people, courses, required, status };
}

/**
 * The training matrix per team or per location: for the people who have not left, the courses
 * their job roles require, and how many are done, expired and missing, with the coverage.
 */
export async function trainingMatrixOf(ctx: AppContext, orgId: string, by: 'team' | 'location') {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { today, people, required, status } = await statusesOf(ctx, tx, orgId, {});
    const names = await repo.groupNames(tx, orgId, by);
    const matrix = trainingMatrix(
      people.map((p) => ({ id: p.id, jobRole: p.jobRole, group: by === 'team' ? p.teamId : p.locationId })),
      required,
      (personId, courseId) => status(personId, courseId).status,
    );
    const rows = [...matrix.entries()].map(([id, counts]) => ({
      id,
      name: id ? (names.get(id) ?? null) : null,
      ...counts,
    }));
    rows.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
    return { by, today, rows };
  });
}

export type TrainingGap = {
  courseId: string;
  status: Exclude<TrainingStatus, 'done'>;
  completedOn: string | null;
  expiresOn: string | null;
};

/**
 * Each person's gaps: the required courses expired or missing today, of one team or location or
 * of everyone; people without gaps are left out.
 */
export async function trainingGaps(
  ctx: AppContext,
  orgId: string,
  filter: { teamId?: string; locationId?: string },
  page: PageQuery,
) {
  // The cursor names the last person shown; the page goes on after their (name, id).
  const [lastId] = decodeCursor(page.cursor, ['uuid']) ?? [];
  return ctx.db.withOrg(orgId, async (tx) => {
    const last = lastId ? await findRow(tx, STRUCTURE.employee, orgId, lastId) : undefined;
    if (lastId && !last) throw invalid('query.cursor', 'names a person who is not there any more');
    const position: [string, string] | undefined = last ? [last.name, last.id] : undefined;
    const { today, people, required, status } = await statusesOf(ctx, tx, orgId, filter, position);
    const items = [];
    for (const p of people) {
      const gaps: TrainingGap[] = [];
      for (const courseId of required.get(p.jobRole) ?? []) {
        const s = status(p.id, courseId);
        if (s.status !== 'done')
          gaps.push({ courseId, status: s.status, completedOn: s.completedOn, expiresOn: s.expiresOn });
      }
      if (gaps.length)
        items.push({
          employeeId: p.id,
          name: p.name,
          jobRole: p.jobRole,
          teamId: p.teamId,
          locationId: p.locationId,
          gaps,
        });
      // One more than a page: the next cursor follows from it.
      if (items.length > page.limit) break;
    }
    return { today, ...pageOf(items, page.limit, (i) => [i.employeeId]) };
  });
}

/** One person's required courses with their status today, and the other courses they completed. */
export async function employeeTraining(ctx: AppContext, orgId: string, employeeId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const e = await findRow(tx, STRUCTURE.employee, orgId, employeeId);
    if (!e) throw notFound('employee');
    const { today, required, status } = await statusesOf(ctx, tx, orgId, {});
    return {
      today,
      employee: { id: e.id, name: e.name, jobRole: e.jobRole },
      required: (required.get(e.jobRole) ?? []).map((courseId) => ({ courseId, ...status(e.id, courseId) })),
    };
  });
}
