import { addBusinessMinutes, type BusinessCalendar } from '../../../lib/business-time';
import type { Priority } from './model';

export type SlaTargets = { firstResponseMinutes: number; resolutionMinutes: number };

const hours = (h: number) => h * 60;

/**
 * Default targets in business minutes: the more a customer is worth, the faster the answer
 * (premium < priority < standard at every priority).
 */
export const DEFAULT_SLA_TARGETS: Record<string, Record<Priority, SlaTargets>> = {
  premium: {
    urgent: { firstResponseMinutes: 30, resolutionMinutes: hours(4) },
    high: { firstResponseMinutes: 60, resolutionMinutes: hours(8) },
    normal: { firstResponseMinutes: hours(2), resolutionMinutes: hours(16) },
    low: { firstResponseMinutes: hours(4), resolutionMinutes: hours(32) },
  },
  priority: {
    urgent: { firstResponseMinutes: 60, resolutionMinutes: hours(8) },
    high: { firstResponseMinutes: hours(2), resolutionMinutes: hours(16) },
    normal: { firstResponseMinutes: hours(4), resolutionMinutes: hours(24) },
    low: { firstResponseMinutes: hours(8), resolutionMinutes: hours(48) },
  },
  standard: {
    urgent: { firstResponseMinutes: hours(2), resolutionMinutes: hours(16) },
    high: { firstResponseMinutes: hours(4), resolutionMinutes: hours(24) },
    normal: { firstResponseMinutes: hours(8), resolutionMinutes: hours(40) },
    low: { firstResponseMinutes: hours(16), resolutionMinutes: hours(80) },
  },
};

export type SlaClock = {
  createdAt: Date;
  cycle: number;
  cycleStartedAt: Date;
  /** Business minutes spent waiting for the customer in this cycle. */
  pausedMinutes: number;
  firstRespondedAt: Date | null;
  firstResponseWarnAt: Date;
  firstResponseDueAt: Date;
};

export type SlaDeadlines = {
  firstResponseWarnAt: Date;
  firstResponseDueAt: Date;
  resolutionWarnAt: Date;
  resolutionDueAt: Date;
};

/**
 * Warning and due times of both targets. Waiting for the customer pushes them back by the
 * business time spent waiting; a first response already given keeps its deadlines (they are
 * what it is measured against).
 */
export function computeDeadlines(
  clock: SlaClock,
  targets: SlaTargets,
  warnShare: number,
  cal: BusinessCalendar,
): SlaDeadlines {
  const from = (start: Date, minutes: number) =>
    addBusinessMinutes(start, minutes + clock.pausedMinutes, cal);
  const firstResponseOpen = clock.firstRespondedAt === null && clock.cycle === 1;
  return {
    firstResponseWarnAt: firstResponseOpen
      ? from(clock.createdAt, targets.firstResponseMinutes * warnShare)
      : clock.firstResponseWarnAt,
    firstResponseDueAt: firstResponseOpen
      ? from(clock.createdAt, targets.firstResponseMinutes)
      : clock.firstResponseDueAt,
    resolutionWarnAt: from(clock.cycleStartedAt, targets.resolutionMinutes * warnShare),
    resolutionDueAt: from(clock.cycleStartedAt, targets.resolutionMinutes),
  };
}

/**
 * Due times of an open case after its SLA policy or the business hours changed at `now`, from
 * the change on: a warning or deadline already reached keeps its time (it is the case's history);
 * the others are computed anew with the new targets and calendar, and none of them falls before
 * the change (a deadline cannot have passed before it existed).
 */
export function retimeAfterChange(
  clock: SlaClock & SlaDeadlines,
  targets: SlaTargets,
  warnShare: number,
  cal: BusinessCalendar,
  now: Date,
): SlaDeadlines {
  const fresh = computeDeadlines(clock, targets, warnShare, cal);
  const next = (old: Date, computed: Date) => (old <= now ? old : computed < now ? now : computed);
  return {
    firstResponseWarnAt: next(clock.firstResponseWarnAt, fresh.firstResponseWarnAt),
    firstResponseDueAt: next(clock.firstResponseDueAt, fresh.firstResponseDueAt),
    resolutionWarnAt: next(clock.resolutionWarnAt, fresh.resolutionWarnAt),
    resolutionDueAt: next(clock.resolutionDueAt, fresh.resolutionDueAt),
  };
}
