import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { findLatestResolver } from '../../cases/api';
import * as repo from '../data/repo-recognition';
import { findRow } from '../data/repo-structure';
import { employees } from '../data/tables';
import { peopleNamed, praiseScore } from '../domain/praise';
import { PRAISE_MAIL_JOB } from './praise-mail';

/** A resolved case counts as the reason for a customer's praise for this long after. */
const CASE_PRAISE_DAYS = 30;
/** Praise older than this that names no one is not worth a manager's time (a history being imported). */
const PENDING_WITHIN_DAYS = 30;
/** Praise of older answers (a history being imported) is kept, but announced to nobody. */
const ANNOUNCE_WITHIN_DAYS = 7;
const DAY = 86_400_000;

/**
 * A customer's answer that is praise (a promoter's or a satisfied customer's, with words) goes to the
 * person it names — or, naming no one, to whoever resolved the customer's case lately — and so to
 * their manager too; naming no one we can tell, or several people, it waits for a manager.
 */
export async function takePraiseOfResponses(
  ctx: AppContext,
  tx: Executor,
  payloads: DomainEvents['response.created'][],
) {
  // The staff of a location (or all) is read once per batch: an import brings thousands of answers.
  const staffCache = new Map<string, ReturnType<typeof repo.staffWithDates>>();
  const staffOf = async (p: DomainEvents['response.created'], anywhere = false) => {
    const locationId = anywhere ? null : p.location;
    const key = `${p.orgId}/${locationId ?? ''}`;
    if (!staffCache.has(key)) staffCache.set(key, repo.staffWithDates(tx, p.orgId, locationId));
    // Those who worked there on the day of the answer.
    const day = p.submittedAt.toISOString().slice(0, 10);
    return (await staffCache.get(key)!).filter(
      (e) => (!e.hiredOn || e.hiredOn <= day) && (!e.leftOn || e.leftOn > day),
    );
  };
  for (const p of payloads) {
    if (p.audience !== 'customers') continue;
    const score = praiseScore(p.scores, p.texts);
    if (!score) continue;
    const comment = p.texts.filter((t) => t.trim()).join('\n');
    let named = peopleNamed(comment, await staffOf(p));
    // Nobody of that location: perhaps someone of another.
    if (!named.length && p.location) named = peopleNamed(comment, await staffOf(p, true));
    let matchedBy: 'name' | 'case' | 'none' = named.length ? 'name' : 'none';
    let caseId: string | null = null;
    if (!named.length && p.customerId) {
      const since = new Date(p.submittedAt.getTime() - CASE_PRAISE_DAYS * DAY);
      const resolver = await findLatestResolver(tx, p.orgId, p.customerId, since);
      const employeeId = resolver && (await repo.employeeOfUser(tx, p.orgId, resolver.ownerId));
      if (employeeId) {
        named = [employeeId];
        matchedBy = 'case';
        caseId = resolver.caseId;
      }
    }
    const age = ctx.clock.now().getTime() - p.submittedAt.getTime();
    if (named.length !== 1 && age > PENDING_WITHIN_DAYS * DAY) continue;
    await receive(
      ctx,
      tx,
      p.orgId,
      {
        source: 'response',
        sourceKey: `response:${p.responseId}`,
        responseId: p.responseId,
        caseId,
        customerId: p.customerId,
        metric: score.metric,
        score: score.score,
        comment,
        locationId: p.location ?? null,
        status: named.length === 1 ? 'confirmed' : 'pending',
        matchedBy,
        receivedAt: p.submittedAt,
      },
      named,
    );
  }
}

/** "Yes, my issue is solved": thanks to whoever resolved it. */
export async function takePraiseOfFollowUp(
  ctx: AppContext,
  tx: Executor,
  p: DomainEvents['case.follow_up_answered'],
) {
  if (p.answer !== 'yes' || !p.ownerId) return;
  const employeeId = await repo.employeeOfUser(tx, p.orgId, p.ownerId);
  if (!employeeId) return;
  const staff = await findRow(tx, employees, p.orgId, employeeId);
  await receive(
    ctx,
    tx,
    p.orgId,
    {
      source: 'follow_up',
      sourceKey: `follow_up:${p.caseId}:${ctx.clock.now().toISOString()}`,
      responseId: null,
      caseId: p.caseId,
      customerId: p.customerId,
      metric: null,
      score: null,
      comment: null,
      locationId: staff?.locationId ?? null,
      status: 'confirmed',
      matchedBy: 'case',
      receivedAt: ctx.clock.now(),
    },
    [employeeId],
  );
}

async function receive(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  row: Parameters<typeof repo.insertPraise>[2],
  employeeIds: string[],
) {
  // Several people named: kept as candidates for the manager to confirm.
  const id = await repo.insertPraise(tx, orgId, row, employeeIds);
  if (!id || row.status !== 'confirmed') return;
  if (ctx.clock.now().getTime() - row.receivedAt.getTime() > ANNOUNCE_WITHIN_DAYS * DAY) return;
  await announce(ctx, tx, orgId, id, row.source, employeeIds);
}

async function announce(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  praiseId: string,
  source: 'response' | 'follow_up',
  employeeIds: readonly string[],
) {
  const managerIds: string[] = [];
  for (const id of employeeIds) {
    const e = await findRow(tx, employees, orgId, id);
    if (e?.managerId) managerIds.push(e.managerId);
  }
  await ctx.jobs.enqueue(
    PRAISE_MAIL_JOB,
    { orgId, payload: { praiseId }, dedupeKey: `praise-mail:${praiseId}` },
    tx,
  );
  await ctx.bus.emit(tx, 'praise.received', {
    orgId,
    praiseId,
    source,
    employeeIds: [...employeeIds],
    managerIds: [...new Set(managerIds)],
  });
}

export type FeedQuery = PageQuery & {
  status?: 'confirmed' | 'pending' | 'dismissed';
  teamId?: string;
  locationId?: string;
  employeeId?: string;
  mine?: boolean;
};

/**
 * The recognition feed, newest first: of a team, a location or a person; `mine` is the caller's own
 * praise and their people's (as their manager).
 */
export async function recognitionFeed(ctx: AppContext, orgId: string, userId: string | null, q: FeedQuery) {
  const before = decodeCursor(q.cursor, ['instant', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    let employeeIds: string[] | undefined = q.employeeId ? [q.employeeId] : undefined;
    if (q.mine) {
      const me = userId ? await repo.employeeOfUser(tx, orgId, userId) : undefined;
      employeeIds = me ? [me, ...(await repo.reportsOf(tx, orgId, me))] : [];
    }
    const rows = await repo.pageFeed(
      tx,
      orgId,
      { status: q.status, teamId: q.teamId, locationId: q.locationId, employeeIds },
      q.limit,
      before,
    );
    return pageOf(rows, q.limit, (r) => [r.receivedAt.toISOString(), r.id]);
  });
}

/** A manager names who the praise is for (one or several people) and it reaches them. */
export async function confirmPraise(
  ctx: AppContext,
  orgId: string,
  id: string,
  employeeIds: string[],
  userId: string | null,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const row = await repo.findPraise(tx, orgId, id, true);
    if (!row) throw notFound('praise');
    if (row.status !== 'pending')
      throw new AppError('conflict', `status: the praise is ${row.status} already`, [
        { field: 'status', message: `is ${row.status} already` },
      ]);
    for (const [i, employeeId] of employeeIds.entries())
      if (!(await findRow(tx, employees, orgId, employeeId)))
        throw invalid(`body.employeeIds.${i}`, 'is not a person of this organization');
    await repo.setRecipients(tx, orgId, id, [...new Set(employeeIds)]);
    await repo.decide(tx, orgId, id, {
      status: 'confirmed',
      matchedBy: 'manager',
      decidedBy: userId,
      decidedAt: ctx.clock.now(),
    });
    await announce(ctx, tx, orgId, id, row.source, employeeIds);
    return (await repo.findPraiseWithRecipients(tx, orgId, id))!;
  });
}

export async function dismissPraise(ctx: AppContext, orgId: string, id: string, userId: string | null) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const row = await repo.findPraise(tx, orgId, id, true);
    if (!row) throw notFound('praise');
    if (row.status !== 'pending')
      throw new AppError('conflict', `status: the praise is ${row.status} already`, [
        { field: 'status', message: `is ${row.status} already` },
      ]);
    await repo.decide(tx, orgId, id, { status: 'dismissed', decidedBy: userId, decidedAt: ctx.clock.now() });
    return (await repo.findPraiseWithRecipients(tx, orgId, id))!;
  });
}
