import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import { type CaseRow, findCase, insertTimeline, updateCase } from '../data/repo-cases';
import { moveStatus } from '../domain/case-clock';
import { type CaseStatus, canMove, type Priority } from '../domain/model';
import { computeDeadlines } from '../domain/sla';
import { checkCaseReferences } from './check-references';
import { queueCaseMail } from './notify';
import { noteAssignment } from './open-case';
import { scheduleEscalations } from './schedule-escalations';
import { type CaseSetup, findSlaTargets, loadCaseSetup } from './setup';

export type CasePatch = {
  title?: string;
  status?: CaseStatus | 'reopened';
  priority?: Priority;
  ownerId?: string | null;
  teamId?: string | null;
  rootCause?: string | null;
  outcome?: string | null;
  locationId?: string | null;
};

/** Due times again after the clock moved (a wait ended, a reopening, a new priority); a new SLA version. */
async function retime(ctx: AppContext, tx: Executor, orgId: string, c: CaseRow, setup: CaseSetup) {
  const deadlines = computeDeadlines(
    c,
    { firstResponseMinutes: c.firstResponseMinutes, resolutionMinutes: c.resolutionMinutes },
    setup.settings.warnShare,
    setup.calendar,
  );
  const next = await updateCase(tx, orgId, c.id, { ...deadlines, slaVersion: c.slaVersion + 1 });
  await scheduleEscalations(ctx, tx, orgId, next);
  return next;
}

/**
 * Applies a change to a case in its own transaction: status moves with their effect on the
 * SLA clock, priority (new targets), owner, team, root cause and outcome; each on the timeline.
 */
export const changeCase = (
  ctx: AppContext,
  orgId: string,
  caseId: string,
  p: CasePatch,
  authorId: string | null,
): Promise<CaseRow> => ctx.db.withOrg(orgId, (tx) => changeCaseInTx(ctx, tx, orgId, caseId, p, authorId));

/** {@link changeCase} in the caller's transaction. */
export async function changeCaseInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  caseId: string,
  p: CasePatch,
  authorId: string | null,
): Promise<CaseRow> {
  const c = await findCase(tx, orgId, caseId, true);
  if (!c) throw notFound('case');
  const setup = await loadCaseSetup(ctx, tx, orgId);
  await checkCaseReferences(tx, orgId, p, setup.settings.rootCauses);
  const now = ctx.clock.now();
  const patch: Partial<CaseRow> = { updatedAt: now };
  const changes: string[] = [];
  const log: { kind: string; data: Record<string, unknown> }[] = [];
  let needsRetime = false;

  const to = p.status === 'reopened' ? 'in_progress' : p.status;
  const reopen =
    p.status === 'reopened' || (to === 'in_progress' && (c.status === 'resolved' || c.status === 'closed'));
  if (to && (to !== c.status || reopen)) {
    if (
      !canMove(c.status as CaseStatus, to) ||
      (reopen && c.status !== 'resolved' && c.status !== 'closed')
    ) {
      throw new AppError('conflict', `status: a ${c.status} case cannot become ${p.status}`);
    }
    const move = moveStatus(c, to, now, setup.calendar);
    Object.assign(patch, move.patch);
    needsRetime ||= move.retime;
    changes.push('status');
    log.push({ kind: move.reopened ? 'reopened' : 'status_changed', data: { from: c.status, to } });
  }
  if (p.priority && p.priority !== c.priority) {
    Object.assign(patch, { priority: p.priority }, await findSlaTargets(tx, orgId, c.tier, p.priority));
    needsRetime = true;
    changes.push('priority');
    log.push({ kind: 'priority_changed', data: { from: c.priority, to: p.priority } });
  }
  if (p.teamId !== undefined && p.teamId !== c.teamId) {
    patch.teamId = p.teamId;
    changes.push('team');
    log.push({ kind: 'team_changed', data: { from: c.teamId, to: p.teamId } });
  }
  if (p.locationId !== undefined && p.locationId !== c.locationId) {
    patch.locationId = p.locationId;
    changes.push('location');
  }
  if (p.ownerId !== undefined && p.ownerId !== c.ownerId) {
    patch.ownerId = p.ownerId;
    changes.push('owner');
  }
  if (p.title !== undefined && p.title !== c.title) {
    patch.title = p.title;
    changes.push('title');
  }
  if (p.rootCause !== undefined && p.rootCause !== c.rootCause) {
    patch.rootCause = p.rootCause;
    changes.push('rootCause');
    log.push({ kind: 'root_cause_set', data: { rootCause: p.rootCause } });
  }
  if (p.outcome !== undefined && p.outcome !== c.outcome) {
    patch.outcome = p.outcome;
    changes.push('outcome');
    log.push({ kind: 'outcome_set', data: {} });
  }
  if (!changes.length) return c;

  let next = await updateCase(tx, orgId, c.id, patch);
  if (needsRetime && !next.pausedAt && next.status !== 'resolved' && next.status !== 'closed') {
    next = await retime(ctx, tx, orgId, next, setup);
  }
  for (const entry of log) await insertTimeline(tx, orgId, { caseId: c.id, authorId, at: now, ...entry });
  if (p.ownerId && p.ownerId !== c.ownerId) await noteAssignment(ctx, tx, orgId, next, p.ownerId, authorId);
  if (p.ownerId === null && c.ownerId !== null)
    await insertTimeline(tx, orgId, {
      caseId: c.id,
      kind: 'unassigned',
      authorId,
      at: now,
      data: { from: c.ownerId },
    });
  if (changes.includes('owner') || changes.includes('team')) {
    await ctx.bus.emit(tx, 'case.assigned', {
      orgId,
      caseId: c.id,
      customerId: c.customerId,
      ownerId: next.ownerId,
      teamId: next.teamId,
    });
  }

  await ctx.bus.emit(tx, 'case.updated', {
    orgId,
    caseId: c.id,
    customerId: c.customerId,
    status: next.status,
    changes,
  });
  if (next.status === 'resolved' && c.status !== 'resolved') {
    await ctx.bus.emit(tx, 'case.resolved', {
      orgId,
      caseId: c.id,
      customerId: c.customerId,
      responseId: c.responseId,
    });
    if (setup.settings.followUp && c.customerId) {
      await queueCaseMail(
        ctx,
        tx,
        orgId,
        { template: 'follow_up', caseId: c.id, cycle: next.cycle },
        `case:${c.id}:follow-up:${next.cycle}`,
      );
    }
  }
  return next;
}
