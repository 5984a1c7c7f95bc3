/**
 * Points from customers' events, a whole batch at a time: purchases and referrals earn by the
 * program's rules, a refund naming its purchase (`data.purchaseEventId`) reverses what that
 * purchase earned, in proportion to the amount refunded. An event earns (or is refunded) once,
 * however often it is delivered. Costs one query for an organization without an active program.
 *
 * Refunds of spent points follow the program's `refundWhenSpent`: what is left of the
 * purchase's lot is taken first, then the customer's other lots (soonest expiry first); with
 * `negative_balance` the rest takes the balance below zero (the entry's reason says so), with
 * `forfeit` it is let go. Points of the purchase that already expired are not taken back.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import type { AppContext } from '../../../http/types';
import { findCustomers, lockCustomers, pageEventsInTimeOrder } from '../../customers/api';
import { findOrgLocaleSettings } from '../../orgs/api';
import { activeEarnRules } from '../data/repo-earn-rules';
import {
  eventEntriesStored,
  type LockedAccount,
  type LotWithOwner,
  lockAccounts,
  lockLots,
  lockOpenLots,
  type NewLink,
  type Program,
  purchaseEarns,
  readProgram,
} from '../data/repo-ledger';
import { type EarnRule, minorDigitsOf, pointsFor, refundShare } from '../domain/earn-rules';
import { expiryOf } from '../domain/expiry-dates';
import { allocate } from '../domain/lot-allocation';
import { creditPosting, type Posting, storePostings } from './ledger';

type RecordedEvent = DomainEvents['event.recorded'];

const EARNING_TYPES = new Set(['purchase', 'referral', 'refund']);

/** The `event.recorded` subscriber: each organization's events of the batch, earned in one go. */
export async function earnFromRecordedEvents(ctx: AppContext, tx: Executor, payloads: RecordedEvent[]) {
  const byOrg = new Map<string, RecordedEvent[]>();
  for (const p of payloads) {
    if (!EARNING_TYPES.has(p.type)) continue;
    const list = byOrg.get(p.orgId);
    if (list) list.push(p);
    else byOrg.set(p.orgId, [p]);
  }
  for (const [orgId, events] of byOrg) {
    const program = await readProgram(tx, orgId);
    if (!program.active) continue;
    await earnForEvents(ctx, tx, orgId, events, program, { customersLocked: true });
  }
}

export type EarnOutcome = { earned: number; refunded: number; pointsEarned: number; pointsReversed: number };

/**
 * Earns for `events` (any order; taken in time order) under `program`. The customers are locked
 * here unless the caller holds them (an events batch does).
 */
export async function earnForEvents(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  events: readonly RecordedEvent[],
  program: Program,
  { customersLocked = false } = {},
): Promise<EarnOutcome> {
  const outcome: EarnOutcome = { earned: 0, refunded: 0, pointsEarned: 0, pointsReversed: 0 };
  if (!events.length) return outcome;
  const now = ctx.clock.now();
  const sorted = [...events].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.eventId < b.eventId ? -1 : 1),
  );
  const customerIds = [...new Set(sorted.map((e) => e.customerId))];
  if (!customersLocked) await lockCustomers(tx, orgId, customerIds);
  const accounts = await lockAccounts(tx, orgId, customerIds, now);
  const done = await eventEntriesStored(
    tx,
    orgId,
    sorted.map((e) => e.eventId),
  );
  const todo = sorted.filter((e) => !done.has(`${e.type === 'refund' ? 'refund' : 'earn'}/${e.eventId}`));
  if (!todo.length) return outcome;

  const earning = todo.filter((e) => e.type !== 'refund');
  const refunds = todo.filter((e) => e.type === 'refund');
  let rules: EarnRule[] = [];
  let digits = 2;
  let timeZone = 'UTC';
  if (earning.length || refunds.length) {
    const org = await findOrgLocaleSettings(tx, orgId);
    digits = minorDigitsOf(org.baseCurrency);
    timeZone = org.timeZone;
  }
  if (earning.length) rules = await activeEarnRules(tx, orgId);

  // Refunds read the purchases they name, stored before or earned in this very batch.
  const purchaseIdOf = (e: RecordedEvent) =>
    typeof e.data.purchaseEventId === 'string' ? (e.data.purchaseEventId as string) : null;
  const named = refunds.map(purchaseIdOf).filter((id): id is string => id !== null);
  const earns = new Map((await purchaseEarns(tx, orgId, named)).map((p) => [p.eventId, p]));
  // Lots the refunds may take from: the refunding customers' open lots and the purchases' own.
  const lots = new Map<string, LotWithOwner>();
  if (refunds.length) {
    const refunding = [...new Set(refunds.map((r) => r.customerId))];
    for (const l of await lockOpenLots(tx, orgId, refunding)) lots.set(l.id, l);
    const own = [...earns.values()].flatMap((p) => (p.lotId && !lots.has(p.lotId) ? [p.lotId] : []));
    for (const l of await lockLots(tx, orgId, own)) lots.set(l.id, l);
  }

  const postings: Posting[] = [];
  for (const e of todo) {
    const account = accounts.get(e.customerId) as LockedAccount;
    if (e.type !== 'refund') {
      const items = Array.isArray(e.data.items) ? (e.data.items as object[]) : [];
      const { points, parts } = pointsFor(
        rules,
        { type: e.type, occurredAt: e.occurredAt, amountMinor: e.amountMinor, items },
        account.tierCode,
        digits,
      );
      if (points <= 0) continue;
      const posting = creditPosting(account, {
        kind: 'earn',
        points,
        reason: clip(`${e.type} ${e.eventId}: ${parts.join('; ')}`),
        source: { kind: 'event', id: e.eventId },
        occurredAt: e.occurredAt,
        earnedAt: e.occurredAt,
        expiresAt: expiryOf(e.occurredAt, program.expiry, program.expiryDays, timeZone),
        lockedUntil: null,
        amountMinor: e.amountMinor,
        countsAsEarned: true,
      });
      postings.push(posting);
      outcome.earned++;
      outcome.pointsEarned += points;
      if (posting.lot) {
        const lot = posting.lot;
        lots.set(lot.id, { ...lot, remaining: lot.remaining });
        earns.set(e.eventId, {
          entryId: posting.entry.id,
          eventId: e.eventId,
          customerId: e.customerId,
          points,
          amountMinor: e.amountMinor,
          lotId: lot.id,
          reversed: 0,
          expired: 0,
        });
      }
      continue;
    }
    const purchaseId = purchaseIdOf(e);
    const earn = purchaseId ? earns.get(purchaseId) : undefined;
    if (!earn || earn.customerId !== e.customerId) continue;
    const posting = refundPosting(account, earn, e, lots, program, now);
    if (!posting) continue;
    postings.push(posting);
    earn.reversed += -posting.entry.points;
    outcome.refunded++;
    outcome.pointsReversed += -posting.entry.points;
  }
  await storePostings(tx, orgId, postings, now);
  await announceEarns(ctx, tx, orgId, postings, accounts);
  return outcome;
}

/** The refund's reversing entry, taking from `lots` (updated in place); undefined when nothing is left to take back. */
function refundPosting(
  account: LockedAccount,
  earn: {
    entryId: string;
    eventId: string;
    points: number;
    amountMinor: number | null;
    lotId: string | null;
    reversed: number;
    expired: number;
  },
  refund: RecordedEvent,
  lots: Map<string, LotWithOwner>,
  program: Program,
  now: Date,
): Posting | undefined {
  const share = refundShare(earn.points, earn.amountMinor, refund.amountMinor);
  const due = Math.min(share, earn.points - earn.reversed - earn.expired);
  if (due <= 0) return undefined;
  const entryId = randomUUID();
  const links: NewLink[] = [];
  let left = due;
  const own = earn.lotId ? lots.get(earn.lotId) : undefined;
  if (own && own.remaining > 0) {
    const take = Math.min(own.remaining, left);
    own.remaining -= take;
    links.push({ entryId, lotId: own.id, points: -take });
    left -= take;
  }
  if (left > 0) {
    const others = [...lots.values()].filter((l) => l.customerId === account.customerId && l.remaining > 0);
    const { takes } = allocate(others, left, now, { includeLocked: true });
    for (const t of takes) {
      const lot = lots.get(t.lotId) as LotWithOwner;
      lot.remaining -= t.points;
      links.push({ entryId, lotId: t.lotId, points: -t.points });
      left -= t.points;
    }
  }
  const spent = left;
  const debt = program.refundWhenSpent === 'negative_balance' ? spent : 0;
  const points = due - (spent - debt);
  if (points <= 0) return undefined;
  let reason = `refund ${refund.eventId} of purchase ${earn.eventId}: ${due} of ${earn.points} points reversed`;
  if (spent > 0) {
    reason +=
      debt > 0
        ? `; ${spent} of them were already spent, so the balance goes below zero by ${spent} (policy negative_balance)`
        : `; ${spent} of them were already spent and are not taken back (policy forfeit)`;
  }
  account.balance -= points;
  account.earnedTotal -= points;
  account.debt += debt;
  return {
    entry: {
      id: entryId,
      customerId: account.customerId,
      kind: 'refund',
      points: -points,
      debtPoints: -debt,
      reason: clip(reason),
      sourceKind: 'event',
      sourceId: refund.eventId,
      userId: null,
      amountMinor: refund.amountMinor,
      reversesEntryId: earn.entryId,
      occurredAt: refund.occurredAt,
    },
    links,
    earned: -points,
  };
}

const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 499)}…` : s);

/** `loyalty.points_earned` for each earn of the postings, with the balance after it. */
async function announceEarns(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  postings: readonly Posting[],
  accounts: Map<string, LockedAccount>,
) {
  const earned = postings.filter((p) => p.entry.kind === 'earn');
  if (!earned.length) return;
  const refs = await findCustomers(
    tx,
    orgId,
    earned.map((p) => p.entry.customerId),
  );
  await ctx.bus.emitMany(
    tx,
    'loyalty.points_earned',
    earned.map((p) => ({
      orgId,
      customerId: p.entry.customerId,
      externalId: refs.get(p.entry.customerId)?.externalId ?? '',
      entryId: p.entry.id,
      points: p.entry.points,
      balance: accounts.get(p.entry.customerId)?.balance ?? 0,
      reason: p.entry.reason,
      sourceKind: p.entry.sourceKind,
      sourceId: p.entry.sourceId,
      expiresAt: p.lot?.expiresAt ?? null,
    })),
  );
}

/** Events per transaction of a catch-up. */
const PAST_PAGE = 2000;

/**
 * Earns for the events stored before the program started (or before a rule changed), in time
 * order from `from` (default: all of them), a page per transaction. Events that earned (or were
 * refunded) already are skipped, so it may run again, or overlap live earning, without doubling.
 * It earns under the rules and tiers of today, with each lot's expiry counted from its event's
 * time: points already past it are expired by the next expiry run.
 */
export async function earnPastEvents(ctx: AppContext, orgId: string, { from }: { from?: Date } = {}) {
  const total = { events: 0, earned: 0, refunded: 0, pointsEarned: 0, pointsReversed: 0 };
  let position: { occurredAt: Date; id: string } | undefined;
  for (;;) {
    const page = await ctx.db.withOrg(orgId, async (tx) => {
      const program = await readProgram(tx, orgId);
      if (!program.active) return [];
      const events = await pageEventsInTimeOrder(tx, orgId, [...EARNING_TYPES], PAST_PAGE, position, from);
      const outcome = await earnForEvents(ctx, tx, orgId, events, program);
      total.earned += outcome.earned;
      total.refunded += outcome.refunded;
      total.pointsEarned += outcome.pointsEarned;
      total.pointsReversed += outcome.pointsReversed;
      return events;
    });
    total.events += page.length;
    if (page.length < PAST_PAGE) return total;
    const last = page[page.length - 1];
    position = { occurredAt: last.occurredAt, id: last.eventId };
  }
}
