import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import type { CaseRow } from '../data/repo-cases';
import { type EscalationKind, isOpen } from '../domain/model';
import { ESCALATE_JOB } from './escalate-case';

/**
 * Queues the warnings and escalations of the case's current SLA version, in the caller's
 * transaction. Jobs of older versions find the version changed and do nothing.
 */
export async function scheduleEscalations(ctx: AppContext, tx: Executor, orgId: string, c: CaseRow) {
  if (!isOpen(c.status) || c.pausedAt) return;
  const due: [EscalationKind, Date][] = [
    ['resolution_warning', c.resolutionWarnAt],
    ['resolution_breach', c.resolutionDueAt],
  ];
  if (!c.firstRespondedAt) {
    due.unshift(
      ['first_response_warning', c.firstResponseWarnAt],
      ['first_response_breach', c.firstResponseDueAt],
    );
  }
  for (const [kind, runAt] of due) {
    await ctx.jobs.enqueue(
      ESCALATE_JOB,
      {
        orgId,
        payload: { caseId: c.id, kind, version: c.slaVersion },
        runAt,
        dedupeKey: `case:${c.id}:${kind}:${c.slaVersion}`,
        maxAttempts: 10,
      },
      tx,
    );
  }
}
