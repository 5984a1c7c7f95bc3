import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import { lockCustomers } from '../data/repo-customers';
import * as repo from '../data/repo-lifecycle';
import {
  type DecidedStages,
  idPages,
  listDueForReview,
  loadStageFacts,
  lockAllCustomers,
  noteStageBacklog,
  type StageFacts,
  type StageScope,
  saveDecidedStages,
  takeStageBacklog,
} from '../data/repo-stage-history';
import { type StageMove, stageTimeline } from '../domain/stage-timeline';
import { type Arrival, type Cutoffs, type LifecycleRules, splitArrivals } from '../domain/stages';

/** Customers decided per round trip; a whole organization goes page by page. */
const PAGE = 5_000;
/** More customers due than this, and the review reads the whole organization in order instead. */
const DUE_LIMIT = 50_000;

/** The organization's rules, its time zone and its day starts, each worked out once per run. */
type Rules = { rules: LifecycleRules; timeZone: string; dayStart: (day: number) => number };

async function loadRules(tx: Executor, orgId: string): Promise<Rules> {
  const { rules, timeZone } = await repo.loadStageRules(tx, orgId);
  return { rules, timeZone, dayStart: dayStarts(timeZone) };
}

/**
 * After events arrive (their customers locked by this transaction): decides at once the stage now
 * of every customer these events can move — with the instant it began, in event time — and emits
 * its changes, so that what follows in this transaction sees the new stage. Every customer whose
 * history the events change (those, and those whose past alone changes: a history being imported)
 * is noted for the backlog job, which writes the histories right after and announces nothing of
 * the past. A batch thus costs little more than storing its events.
 */
export async function refreshStagesOfArrivals(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  arrived: Arrival[],
) {
  if (!arrived.length) return 0;
  const rules = await loadRules(tx, orgId);
  const { current, past } = splitArrivals(arrived, cutoffsOf(rules, ctx.clock.now()));
  if (current.length || past.length) {
    await noteStageBacklog(tx, orgId, [...current, ...past], ctx.clock.now());
    await ctx.jobs.enqueue(HISTORY_BACKLOG_JOB, { orgId }, tx);
  }
  return current.length
    ? await rewriteLocked(ctx, tx, orgId, { ids: current }, rules, { withHistory: false })
    : 0;
}

/** The instants the rules' windows start at `now`: the start of the day N days before today. */
function cutoffsOf({ rules, timeZone, dayStart }: Rules, now: Date): Cutoffs {
  const today = localDayOf(now, timeZone);
  const from = (days: number) => new Date(dayStart(today - days));
  return {
    regularFrom: from(rules.regularWindowDays),
    referralFrom: from(rules.referralWindowDays),
    activeFrom: from(rules.lostAfterDays),
  };
}

/** Backlog notes rewritten per transaction: a long import is taken in turns. */
const BACKLOG_NOTES = 20;

/** Rewrites the histories of the customers on the backlog, in turns; answers how many current stages changed. */
export async function rewriteBacklog(ctx: AppContext, orgId: string) {
  let changed = 0;
  for (;;) {
    const turn = await ctx.db.withOrg(orgId, async (tx) => {
      const ids = await takeStageBacklog(tx, orgId, BACKLOG_NOTES);
      if (!ids.length) return null;
      const rules = await loadRules(tx, orgId);
      let moved = 0;
      for (let i = 0; i < ids.length; i += PAGE) {
        const page = ids.slice(i, i + PAGE);
        await lockCustomers(tx, orgId, page);
        moved += await rewriteLocked(ctx, tx, orgId, { ids: page }, rules);
      }
      return moved;
    });
    if (turn === null) return changed;
    changed += turn;
  }
}

/** Runs after a batch whose events changed customers' past: one run takes every note there is. */
export const HISTORY_BACKLOG_JOB = defineJob({
  name: 'customers.rewrite-histories',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => rewriteBacklog(ctx, job.orgId),
});

/**
 * Rewrites the stage histories of `customerIds` (as modelled values arrive), or of the whole
 * organization (the full recompute) `pageSize` customers at a time, at the clock's now; emits the
 * changes of the current stage.
 */
export async function refreshStages(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  customerIds?: string[],
  { pageSize = PAGE } = {},
) {
  const rules = await loadRules(tx, orgId);
  if (customerIds) {
    const ids = [...new Set(customerIds)];
    await lockCustomers(tx, orgId, ids);
    return rewriteLocked(ctx, tx, orgId, { ids }, rules);
  }
  // Every customer is locked at once in the global order; pages then follow the ids, each read
  // as one range of the per-customer indexes.
  await lockAllCustomers(tx, orgId);
  const pages = await idPages(tx, orgId, pageSize);
  const now = ctx.clock.now().getTime();
  const read = (i: number) => loadStageFacts(tx, orgId, pages[i], rules.timeZone);
  // The server and this process work at once: a page's writes (one statement) run while the next
  // page, read before them, is decided here. Pages are disjoint: the order of one page's reads and
  // another's writes changes nothing.
  let changed = 0;
  let page = pages.length ? decidePage(await read(0), rules, now) : null;
  for (let i = 1; page; i++) {
    const facts = i < pages.length ? await read(i) : null;
    const writing = handled(storePage(ctx, tx, orgId, page));
    await new Promise<void>((resolve) => setImmediate(resolve)); // the statement leaves first
    page = facts && decidePage(facts, rules, now);
    changed += await writing;
  }
  return changed;
}

/** `promise` itself, marked as handled until awaited: it may fail while the caller is busy. */
function handled<T>(promise: Promise<T>) {
  promise.catch(() => {});
  return promise;
}

/**
 * The daily run: only the customers whose stage time alone changes by now (a purchase turned too
 * old, a referral left its window), found through their `stage_review_at`.
 */
export async function reviewDueStages(ctx: AppContext, tx: Executor, orgId: string) {
  const due = await listDueForReview(tx, orgId, ctx.clock.now(), DUE_LIMIT);
  if (due.length === DUE_LIMIT) return refreshStages(ctx, tx, orgId);
  const rules = await loadRules(tx, orgId);
  let changed = 0;
  // `due` comes in external-id order: page after page, the locks follow the global order.
  for (let i = 0; i < due.length; i += PAGE) {
    const ids = due.slice(i, i + PAGE);
    await lockCustomers(tx, orgId, ids);
    changed += await rewriteLocked(ctx, tx, orgId, { ids }, rules);
  }
  return changed;
}

/**
 * Decides and stores the stages (and, `withHistory`, the histories) of customers this transaction
 * holds locked; emits the changes of the current stage.
 */
async function rewriteLocked(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  scope: StageScope,
  rules: Rules,
  { withHistory = true } = {},
) {
  const facts = await loadStageFacts(tx, orgId, scope, rules.timeZone, { withHistory });
  return storePage(ctx, tx, orgId, decidePage(facts, rules, ctx.clock.now().getTime()));
}

type Moved = { customerId: string; externalId: string; from: string; to: string; at: Date };
type DecidedPage = { decided: DecidedStages[]; moved: Moved[] };

/** The decided states of customers that differ from the stored ones, and the changes of their stage now. */
function decidePage(facts: Map<string, StageFacts>, rules: Rules, now: number): DecidedPage {
  const decided: DecidedStages[] = [];
  const moved: Moved[] = [];
  for (const f of facts.values()) {
    const d = decide(f, rules, now);
    if (!d) continue;
    decided.push(d);
    if (d.stage !== f.stage) {
      const at = new Date(d.stageChangedAt ?? now);
      moved.push({ customerId: f.customerId, externalId: f.externalId, from: f.stage, to: d.stage, at });
    }
  }
  return { decided, moved };
}

/** Stores a decided page and emits its changes of the current stage; answers how many there are. */
async function storePage(ctx: AppContext, tx: Executor, orgId: string, { decided, moved }: DecidedPage) {
  await saveDecidedStages(tx, orgId, decided);
  await ctx.bus.emitMany(
    tx,
    'customer.stage_changed',
    moved.map((m) => ({ orgId, ...m })),
  );
  return moved.length;
}

/** The customer's state decided from its facts, or null when the stored state is that already. */
function decide(f: StageFacts, { rules, dayStart }: Rules, now: number): DecidedStages | null {
  const t = stageTimeline({ signals: f.signals, rules, until: now, dayStart, alive: f.alive });
  const first = f.signals.reduce((min, s) => Math.min(min, s.at), Number.POSITIVE_INFINITY);
  const known = Math.min(first, f.createdInSourceAt ?? Number.POSITIVE_INFINITY);
  const since = Number.isFinite(known) ? known : f.createdAt;
  const stored = f.history;
  const keep = stored ? keptMoves(stored, t.moves) : 0;
  const sameHistory = !stored || (keep === stored.length && keep === t.moves.length);
  if (
    sameHistory &&
    t.stage === f.stage &&
    t.stageSince === f.stageChangedAt &&
    since === f.since &&
    t.reviewAt === f.reviewAt
  )
    return null;
  return {
    customerId: f.customerId,
    history:
      !stored || sameHistory
        ? null
        : { dropFrom: keep < stored.length ? stored[keep].at : null, added: t.moves.slice(keep) },
    stage: t.stage,
    stageChangedAt: t.stageSince,
    since,
    reviewAt: t.reviewAt,
  };
}

/** How many moves from the start the stored and decided histories share. */
function keptMoves(stored: StageMove[], decided: StageMove[]) {
  let i = 0;
  while (
    i < stored.length &&
    i < decided.length &&
    stored[i].at === decided[i].at &&
    stored[i].from === decided[i].from &&
    stored[i].to === decided[i].to
  )
    i++;
  return i;
}

/** Day starts by time zone, each worked out once per process (a zone's calendar does not change). */
const DAY_STARTS = new Map<string, Map<number, number>>();
/** Beyond this many days a zone's cache starts again: a bound, never reached by real histories. */
const DAY_STARTS_MAX = 200_000;

function dayStarts(timeZone: string) {
  if (timeZone === 'UTC') return (day: number) => day * 86_400_000;
  const cache = DAY_STARTS.get(timeZone) ?? new Map<number, number>();
  DAY_STARTS.set(timeZone, cache);
  return (day: number) => {
    let at = cache.get(day);
    if (at === undefined) {
      if (cache.size >= DAY_STARTS_MAX) cache.clear();
      at = startOfLocalDay(day, timeZone).getTime();
      cache.set(day, at);
    }
    return at;
  };
}
