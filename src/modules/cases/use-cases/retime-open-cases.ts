import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { type CaseRow, insertTimeline, lockOpenCases, updateCase } from '../data/repo-cases';
import type { Priority } from '../domain/model';
import { retimeAfterChange, type SlaDeadlines, type SlaTargets } from '../domain/sla';
import { scheduleEscalations } from './schedule-escalations';
import { findSlaTargets, loadCaseSetup } from './setup';

export type RetimeReason = 'sla_policy' | 'business_hours';

const DEADLINES = ['firstResponseDueAt', 'resolutionDueAt'] as const;

/**
 * After an SLA policy (of one priority) or the business hours changed, in the caller's transaction:
 * each open case it governs gets the targets and deadlines it would get now, from the change on
 * (`retimeAfterChange`), and a `deadline_changed` entry on its timeline saying what moved. A case
 * waiting for the customer takes the new targets; its deadlines move when the wait ends.
 */
export async function retimeOpenCases(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  change: { reason: RetimeReason; priority?: Priority },
) {
  const now = ctx.clock.now();
  const setup = await loadCaseSetup(ctx, tx, orgId);
  const targetsOf = new Map<string, SlaTargets>();
  let retimed = 0;
  for (const c of await lockOpenCases(tx, orgId, change.priority)) {
    const key = `${c.tier}\u0000${c.priority}`;
    if (!targetsOf.has(key))
      targetsOf.set(key, await findSlaTargets(tx, orgId, c.tier, c.priority as Priority));
    const targets = targetsOf.get(key)!;
    const sameTargets =
      targets.firstResponseMinutes === c.firstResponseMinutes &&
      targets.resolutionMinutes === c.resolutionMinutes;
    if (change.reason === 'sla_policy' && sameTargets) continue;
    if (c.pausedAt) {
      if (!sameTargets) await updateCase(tx, orgId, c.id, { ...targets });
      continue;
    }
    const deadlines = retimeAfterChange(c, targets, setup.settings.warnShare, setup.calendar, now);
    const moved = movedDeadlines(c, deadlines);
    if (!moved && sameTargets) continue;
    const next = await updateCase(tx, orgId, c.id, {
      ...targets,
      ...deadlines,
      slaVersion: c.slaVersion + 1,
      updatedAt: now,
    });
    await scheduleEscalations(ctx, tx, orgId, next);
    if (moved) {
      await insertTimeline(tx, orgId, {
        caseId: c.id,
        kind: 'deadline_changed',
        data: { reason: change.reason, ...moved },
        at: now,
      });
      await ctx.bus.emit(tx, 'case.updated', {
        orgId,
        caseId: c.id,
        customerId: c.customerId,
        status: c.status,
        changes: ['deadlines'],
      });
    }
    retimed++;
  }
  return retimed;
}

/** The deadlines that moved, each as `{from, to}`; undefined when none did. */
function movedDeadlines(c: CaseRow, next: SlaDeadlines) {
  const moved: Record<string, { from: string; to: string }> = {};
  for (const field of DEADLINES) {
    if (c[field].getTime() !== next[field].getTime())
      moved[field] = { from: c[field].toISOString(), to: next[field].toISOString() };
  }
  return Object.keys(moved).length ? moved : undefined;
}
