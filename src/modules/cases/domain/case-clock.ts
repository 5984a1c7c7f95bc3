import { type BusinessCalendar, businessMinutesBetween } from '../../../lib/business-time';
import { type CaseStatus, DONE_STATUSES } from './model';

/** The fields of a case its SLA clock reads and writes. */
export type ClockedCase = {
  status: string;
  createdAt: Date;
  cycle: number;
  cycleStartedAt: Date;
  firstRespondedAt: Date | null;
  firstResponseBusinessMinutes: number | null;
  pausedAt: Date | null;
  pausedMinutes: number;
  resolvedAt: Date | null;
  resolutionBusinessMinutes: number | null;
  closedAt: Date | null;
};

export type ClockChange = { patch: Partial<ClockedCase>; retime: boolean; reopened: boolean };

/** The first response, when this is it: how long it took in business time. */
export function firstResponsePatch(c: ClockedCase, now: Date, cal: BusinessCalendar): Partial<ClockedCase> {
  if (c.firstRespondedAt) return {};
  return {
    firstRespondedAt: now,
    firstResponseBusinessMinutes: businessMinutesBetween(c.createdAt, now, cal),
  };
}

/**
 * What a status move does to the SLA clock: waiting for the customer stops it (and counts as
 * a response), leaving the wait restarts it later by the time waited, resolving measures the
 * resolution, reopening starts a new cycle with a fresh resolution target.
 */
export function moveStatus(c: ClockedCase, to: CaseStatus, now: Date, cal: BusinessCalendar): ClockChange {
  const patch: Partial<ClockedCase> = { status: to };
  let retime = false;
  let pausedMinutes = c.pausedMinutes;
  const reopened = DONE_STATUSES.includes(c.status as CaseStatus) && !DONE_STATUSES.includes(to);

  if (c.pausedAt && to !== 'waiting_customer') {
    pausedMinutes += businessMinutesBetween(c.pausedAt, now, cal);
    Object.assign(patch, { pausedAt: null, pausedMinutes });
    retime = true;
  }
  if (to === 'waiting_customer' && !c.pausedAt) {
    Object.assign(patch, { pausedAt: now }, firstResponsePatch(c, now, cal));
  }
  if (to === 'resolved' || to === 'closed') {
    Object.assign(patch, firstResponsePatch(c, now, cal));
    if (!c.resolvedAt) {
      const worked = businessMinutesBetween(c.cycleStartedAt, now, cal) - pausedMinutes;
      Object.assign(patch, { resolvedAt: now, resolutionBusinessMinutes: Math.max(0, worked) });
    }
    if (to === 'closed') patch.closedAt = now;
    retime = false;
  }
  if (reopened) {
    Object.assign(patch, {
      cycle: c.cycle + 1,
      cycleStartedAt: now,
      pausedAt: null,
      pausedMinutes: 0,
      resolvedAt: null,
      resolutionBusinessMinutes: null,
      closedAt: null,
    });
    retime = true;
  }
  return { patch, retime, reopened };
}
