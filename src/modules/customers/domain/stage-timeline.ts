import type { LifecycleRules, Stage } from './stages';

/**
 * What the lifecycle rules read of one event: its instant (ms) and the calendar day it falls on
 * in the organization's time zone (days since 1970-01-01). `contact` is any event that is none
 * of the others; only a customer's first contact matters.
 */
export type StageSignal = {
  at: number;
  day: number;
  kind: 'purchase' | 'referral' | 'response' | 'contact';
  /** A response's NPS answer, when it has one. */
  nps?: number | null;
};

export type TimelineInput = {
  signals: readonly StageSignal[];
  rules: LifecycleRules;
  /** Now: moves after it have not happened yet. */
  until: number;
  /** The instant a calendar day starts in the organization's time zone. */
  dayStart: (day: number) => number;
  /** The value model's probability of being alive, when it gave one, and the day it did. */
  alive?: { probability: number; at: number; day: number } | null;
};

export type StageMove = { at: number; from: Stage; to: Stage };

export type Timeline = {
  /** Every change of stage up to `until`, oldest first. */
  moves: StageMove[];
  /** The stage at `until`. */
  stage: Stage;
  /** The instant of the stage's last change, null while potential. */
  stageSince: number | null;
  /** The next instant the stage changes with no new event (time alone), null if never. */
  reviewAt: number | null;
};

type Instant = { at: number; day: number };

/**
 * A customer's stages in event time (the rules of stages.ts, applied at every instant): the
 * first purchase makes a buyer at that purchase; the purchase that brings `regularMinPurchases`
 * within `regularWindowDays` makes a regular then; a purchase leaves the window, and a buyer
 * becomes lost, at the start of the calendar day it turns one day too old; a promoter answer or a
 * referral makes a regular loyal at its instant. A pure function of the events: any order and any
 * batches of the same events give the same history.
 */
export function stageTimeline({ signals, rules, until, dayStart, alive }: TimelineInput): Timeline {
  const sorted = [...signals].sort((a, b) => a.at - b.at);
  const instants = candidateInstants(sorted, rules, dayStart, alive);
  const state = new RuleState(rules, alive ?? null);
  const moves: StageMove[] = [];
  let stage: Stage = 'potential';
  let next = 0;
  for (const instant of instants) {
    while (next < sorted.length && sorted[next].at <= instant.at) state.take(sorted[next++]);
    const now = state.stageAt(instant);
    if (now === stage) continue;
    if (instant.at > until) return { moves, stage, stageSince: lastAt(moves), reviewAt: instant.at };
    moves.push({ at: instant.at, from: stage, to: now });
    stage = now;
  }
  return { moves, stage, stageSince: lastAt(moves), reviewAt: null };
}

const lastAt = (moves: StageMove[]) => (moves.length ? moves[moves.length - 1].at : null);

/**
 * Every instant the stage can change at, in time order: each event, and the starts of the days a
 * purchase or referral leaves a window it counts in.
 */
function candidateInstants(
  sorted: readonly StageSignal[],
  rules: LifecycleRules,
  dayStart: (day: number) => number,
  alive: TimelineInput['alive'],
): Instant[] {
  const out: Instant[] = [];
  const dayAfter = (day: number, days: number) => ({ at: dayStart(day + days + 1), day: day + days + 1 });
  for (const s of sorted) {
    out.push({ at: s.at, day: s.day });
    if (s.kind === 'purchase') {
      out.push(dayAfter(s.day, rules.regularWindowDays), dayAfter(s.day, rules.lostAfterDays));
    } else if (s.kind === 'referral') {
      out.push(dayAfter(s.day, rules.referralWindowDays));
    }
  }
  if (alive && rules.lostAliveBelow !== null) out.push({ at: alive.at, day: alive.day });
  out.sort((a, b) => a.at - b.at);
  return out.filter((x, i) => i === 0 || x.at !== out[i - 1].at);
}

/** What the events so far say, read at an instant. */
class RuleState {
  private contact = false;
  /** Days of the purchases taken, in time order; `windowStart` is the first one still counted. */
  private purchaseDays: number[] = [];
  private windowStart = 0;
  private lastPurchaseAt = Number.NEGATIVE_INFINITY;
  private lastReferralDay: number | null = null;
  private latestNps: number | null = null;

  constructor(
    private readonly rules: LifecycleRules,
    private readonly alive: TimelineInput['alive'],
  ) {}

  take(s: StageSignal) {
    this.contact = true;
    if (s.kind === 'purchase') {
      this.purchaseDays.push(s.day);
      this.lastPurchaseAt = s.at;
    } else if (s.kind === 'referral') this.lastReferralDay = s.day;
    else if (s.kind === 'response' && s.nps !== null && s.nps !== undefined) this.latestNps = s.nps;
  }

  /** The stage at an instant on calendar day `day`; instants are read in time order. */
  stageAt({ at, day }: Instant): Stage {
    const r = this.rules;
    const days = this.purchaseDays;
    if (!days.length) return this.contact ? 'visitor' : 'potential';
    if (day - days[days.length - 1] > r.lostAfterDays || this.judgedNotAlive(at)) return 'lost';
    while (day - days[this.windowStart] > r.regularWindowDays) this.windowStart++;
    if (days.length - this.windowStart < r.regularMinPurchases) return 'buyer';
    const promoter = this.latestNps !== null && this.latestNps >= r.loyalMinNps;
    const referred = this.lastReferralDay !== null && day - this.lastReferralDay <= r.referralWindowDays;
    return promoter || referred ? 'loyal' : 'regular';
  }

  /** The model's verdict counts from when it was given, and only if it saw the last purchase. */
  private judgedNotAlive(at: number) {
    const { alive, rules } = this;
    return (
      rules.lostAliveBelow !== null &&
      !!alive &&
      alive.at <= at &&
      alive.at >= this.lastPurchaseAt &&
      alive.probability < rules.lostAliveBelow
    );
  }
}
