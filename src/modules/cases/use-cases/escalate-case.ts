import { z } from 'zod';
import type { AppContext } from '../../../http/types';
import { defineJob } from '../../../jobs/queue';
import { findCase, insertEscalation, insertTimeline } from '../data/repo-cases';
import { findTeam } from '../data/repo-teams';
import { ESCALATION_KINDS, isOpen } from '../domain/model';
import { queueCaseMail } from './notify';

const escalation = z.object({ caseId: z.string(), kind: z.enum(ESCALATION_KINDS), version: z.number() });

/**
 * The escalation job. A warning goes to the owner (the manager when nobody owns the case); a
 * breach goes to the team's manager. The escalation record, its timeline entry and its e-mail job
 * commit together, and the record is unique per case, kind and cycle: a job run again after a
 * crash, or one left from an older SLA version, does nothing.
 */
export const ESCALATE_JOB = defineJob({
  name: 'cases.escalate',
  scope: 'org',
  payload: escalation,
  handle: (ctx, payload, job) => runEscalation(ctx, job.orgId, payload),
});

async function runEscalation(
  ctx: AppContext,
  orgId: string,
  { caseId, kind, version }: z.output<typeof escalation>,
) {
  await ctx.db.withOrg(orgId, async (tx) => {
    const c = await findCase(tx, orgId, caseId, true);
    if (!c || c.slaVersion !== version || !isOpen(c.status) || c.pausedAt) return;
    if (kind.startsWith('first_response') && c.firstRespondedAt) return;
    const now = ctx.clock.now();
    if (!(await insertEscalation(tx, orgId, { caseId, kind, cycle: c.cycle, at: now }))) return;
    const breach = kind.endsWith('breach');
    const team = c.teamId ? await findTeam(tx, orgId, c.teamId) : undefined;
    const to = breach ? (team?.managerId ?? c.ownerId) : (c.ownerId ?? team?.managerId ?? null);
    await insertTimeline(tx, orgId, {
      caseId,
      kind: breach ? 'escalated' : 'warning',
      data: { escalation: kind, cycle: c.cycle, to },
      at: now,
    });
    if (to) {
      await queueCaseMail(
        ctx,
        tx,
        orgId,
        { template: kind, caseId, userId: to },
        `case:${caseId}:${kind}:${c.cycle}`,
      );
    }
    await ctx.bus.emit(tx, 'case.updated', {
      orgId,
      caseId,
      customerId: c.customerId,
      status: c.status,
      changes: [kind],
    });
  });
}
