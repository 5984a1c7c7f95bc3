/**
 * The points ledger's movements, for every part of the loyalty program: earn, spend, restore a
 * spend, adjust by hand, and the balance. Each takes the caller's transaction; every movement is
 * a new entry with its reason and source, linked to the lots it gave to or took from.
 *
 * Locking: a writer locks the customer (the customers module's one order), then the account
 * row, then the lots. A spend checks the locked account, so concurrent spends queue and none
 * overdraws.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { findCustomer, lockCustomers } from '../../customers/api';
import { findOrgLocaleSettings } from '../../orgs/api';
import {
  findEntry,
  findRestoreOf,
  insertEntries,
  insertLinks,
  insertLots,
  type LockedAccount,
  linksOf,
  lockAccounts,
  lockLots,
  lockOpenLots,
  moveAccounts,
  moveLots,
  type NewEntry,
  type NewLink,
  type NewLot,
  readBalance,
  readProgram,
} from '../data/repo-ledger';
import { expiryOf } from '../domain/expiry-dates';
import type { EntryKind, EntrySource } from '../domain/ledger-model';
import { allocate } from '../domain/lot-allocation';

/** The balance does not cover a spend: 409, problem type `urn:orientir:problem:conflict`, detail starting `insufficient_points`. */
export class InsufficientPointsError extends AppError {
  readonly reasonCode = 'insufficient_points';
  constructor(
    readonly balance: number,
    readonly asked: number,
  ) {
    super('conflict', `insufficient_points: the balance (${balance}) does not cover ${asked} points`);
  }
}

export const isInsufficientPoints = (err: unknown): err is InsufficientPointsError =>
  err instanceof InsufficientPointsError;

export type EarnInput = {
  orgId: string;
  customerId: string;
  points: number;
  reason: string;
  source: EntrySource;
  /** When the lot expires: undefined follows the program's expiry mode; null never expires. */
  expiresAt?: Date | null;
  /** The lot cannot be spent before this instant (it still counts in the balance). */
  lockedUntil?: Date | null;
  /** When it happened (default now). */
  occurredAt?: Date;
};

export type SpendInput = {
  orgId: string;
  customerId: string;
  points: number;
  reason: string;
  source: EntrySource;
};

/** Refused input of a ledger call: a programming error of the caller or a bad request. */
function check(points: number, reason: string) {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new AppError('validation', `points: must be a positive whole number`, [
      { field: 'points', message: 'must be a positive whole number' },
    ]);
  }
  if (!reason.trim() || reason.length > 500) {
    throw new AppError('validation', 'reason: required, at most 500 characters', [
      { field: 'reason', message: 'required, at most 500 characters' },
    ]);
  }
}

/** An entry, its lot and links and the account's move, ready to store together. */
export type Posting = { entry: NewEntry; lot?: NewLot; links: NewLink[]; earned: number };

/**
 * Points coming in as a new lot: any debt is paid off first (the lot keeps what is left of the
 * points), the account's figures move in `account` (the caller's locked copy).
 */
export function creditPosting(
  account: LockedAccount,
  o: {
    kind: EntryKind;
    points: number;
    reason: string;
    source: EntrySource;
    occurredAt: Date;
    earnedAt: Date;
    expiresAt: Date | null;
    lockedUntil: Date | null;
    amountMinor?: number | null;
    countsAsEarned: boolean;
  },
): Posting {
  const entryId = randomUUID();
  const lotId = randomUUID();
  const settle = Math.min(account.debt, o.points);
  const remaining = o.points - settle;
  account.debt -= settle;
  account.balance += o.points;
  if (o.countsAsEarned) account.earnedTotal += o.points;
  return {
    entry: {
      id: entryId,
      customerId: account.customerId,
      kind: o.kind,
      points: o.points,
      debtPoints: settle,
      reason: o.reason,
      sourceKind: o.source.kind,
      sourceId: o.source.id ?? null,
      userId: o.source.userId ?? null,
      amountMinor: o.amountMinor ?? null,
      reversesEntryId: null,
      occurredAt: o.occurredAt,
    },
    lot: {
      id: lotId,
      customerId: account.customerId,
      entryId,
      amount: o.points,
      remaining,
      earnedAt: o.earnedAt,
      expiresAt: o.expiresAt,
      lockedUntil: o.lockedUntil,
    },
    links: remaining > 0 ? [{ entryId, lotId, points: remaining }] : [],
    earned: o.countsAsEarned ? o.points : 0,
  };
}

/**
 * Stores postings: entries, then lots (with what was left of them at creation), then links;
 * lots move by every link but their own creation's, accounts by their entries.
 */
export async function storePostings(tx: Executor, orgId: string, postings: readonly Posting[], now: Date) {
  if (!postings.length) return;
  await insertEntries(
    tx,
    orgId,
    postings.map((p) => p.entry),
    now,
  );
  await insertLots(
    tx,
    orgId,
    postings.flatMap((p) => (p.lot ? [p.lot] : [])),
  );
  const links = postings.flatMap((p) => p.links);
  await insertLinks(tx, orgId, links);
  const creation = new Set(postings.flatMap((p) => (p.lot ? [`${p.entry.id}/${p.lot.id}`] : [])));
  await moveLots(
    tx,
    orgId,
    links.filter((l) => !creation.has(`${l.entryId}/${l.lotId}`)),
  );
  const moves = new Map<string, { customerId: string; balance: number; earned: number; debt: number }>();
  for (const p of postings) {
    const m = moves.get(p.entry.customerId) ?? {
      customerId: p.entry.customerId,
      balance: 0,
      earned: 0,
      debt: 0,
    };
    m.balance += p.entry.points;
    m.earned += p.earned;
    m.debt -= p.entry.debtPoints;
    moves.set(p.entry.customerId, m);
  }
  await moveAccounts(tx, orgId, [...moves.values()], now);
}

/** The lot expiry of points earned at `at` under the organization's program. */
export async function programExpiry(tx: Executor, orgId: string, at: Date): Promise<Date | null> {
  const program = await readProgram(tx, orgId);
  if (program.expiry === 'never') return null;
  const { timeZone } = await findOrgLocaleSettings(tx, orgId);
  return expiryOf(at, program.expiry, program.expiryDays, timeZone);
}

async function lockOne(ctx: AppContext, tx: Executor, orgId: string, customerId: string) {
  await lockCustomers(tx, orgId, [customerId]);
  const account = (await lockAccounts(tx, orgId, [customerId], ctx.clock.now())).get(customerId);
  if (!account) throw new AppError('not_found', 'customer not found');
  return account;
}

/** Points earned: a new lot and an `earn` entry. Returns the entry id. */
export async function earnPoints(ctx: AppContext, tx: Executor, input: EarnInput): Promise<string> {
  check(input.points, input.reason);
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ?? now;
  const account = await lockOne(ctx, tx, input.orgId, input.customerId);
  const expiresAt =
    input.expiresAt === undefined ? await programExpiry(tx, input.orgId, occurredAt) : input.expiresAt;
  const posting = creditPosting(account, {
    kind: 'earn',
    points: input.points,
    reason: input.reason,
    source: input.source,
    occurredAt,
    earnedAt: occurredAt,
    expiresAt,
    lockedUntil: input.lockedUntil ?? null,
    countsAsEarned: true,
  });
  await storePostings(tx, input.orgId, [posting], now);
  await ctx.bus.emit(tx, 'loyalty.points_earned', {
    orgId: input.orgId,
    customerId: input.customerId,
    externalId: (await findCustomer(tx, input.orgId, input.customerId))?.externalId ?? '',
    entryId: posting.entry.id,
    points: input.points,
    balance: account.balance,
    reason: input.reason,
    sourceKind: input.source.kind,
    sourceId: input.source.id ?? null,
    expiresAt,
  });
  return posting.entry.id;
}

/**
 * Points taken out of the customer's spendable lots, soonest expiry first; refused with
 * InsufficientPointsError (409) when the balance or the unlocked lots do not cover them.
 */
export async function spendPoints(
  ctx: AppContext,
  tx: Executor,
  input: SpendInput,
  kind: Extract<EntryKind, 'spend' | 'adjust'> = 'spend',
): Promise<{ entryId: string; balance: number }> {
  check(input.points, input.reason);
  const now = ctx.clock.now();
  const account = await lockOne(ctx, tx, input.orgId, input.customerId);
  const lots = await lockOpenLots(tx, input.orgId, [input.customerId]);
  const { takes, short } = allocate(lots, input.points, now);
  if (short > 0 || account.balance < input.points) {
    throw new InsufficientPointsError(account.balance, input.points);
  }
  const entryId = randomUUID();
  await storePostings(
    tx,
    input.orgId,
    [
      {
        entry: {
          id: entryId,
          customerId: input.customerId,
          kind,
          points: -input.points,
          debtPoints: 0,
          reason: input.reason,
          sourceKind: input.source.kind,
          sourceId: input.source.id ?? null,
          userId: input.source.userId ?? null,
          amountMinor: null,
          reversesEntryId: null,
          occurredAt: now,
        },
        links: takes.map((t) => ({ entryId, lotId: t.lotId, points: -t.points })),
        earned: 0,
      },
    ],
    now,
  );
  return { entryId, balance: account.balance - input.points };
}

/**
 * A spend's points come back as a new `restore` entry, into the lots they came from (a lot that
 * expired meanwhile is expired again by the next expiry run; a debt is paid off first). Restoring
 * a spend twice gives back once: the first restore's id is answered.
 */
export async function restoreSpend(
  ctx: AppContext,
  tx: Executor,
  input: { orgId: string; entryId: string; reason: string; source?: EntrySource },
): Promise<string> {
  const spend = await findEntry(tx, input.orgId, input.entryId);
  if (spend?.kind !== 'spend') throw new AppError('not_found', 'spend entry not found');
  check(-spend.points, input.reason);
  const account = await lockOne(ctx, tx, input.orgId, spend.customerId);
  const done = await findRestoreOf(tx, input.orgId, spend.id);
  if (done) return done;
  const now = ctx.clock.now();
  const taken = await linksOf(tx, input.orgId, spend.id);
  await lockLots(
    tx,
    input.orgId,
    taken.map((l) => l.lotId),
  );
  const points = -spend.points;
  const settle = Math.min(account.debt, points);
  let toLots = points - settle;
  const entryId = randomUUID();
  const links: NewLink[] = [];
  for (const l of taken) {
    if (toLots <= 0) break;
    const back = Math.min(-l.points, toLots);
    links.push({ entryId, lotId: l.lotId, points: back });
    toLots -= back;
  }
  await storePostings(
    tx,
    input.orgId,
    [
      {
        entry: {
          id: entryId,
          customerId: spend.customerId,
          kind: 'restore',
          points,
          debtPoints: settle,
          reason: input.reason,
          sourceKind: input.source?.kind ?? spend.sourceKind,
          sourceId: input.source?.id ?? spend.sourceId,
          userId: input.source?.userId ?? null,
          amountMinor: null,
          reversesEntryId: spend.id,
          occurredAt: now,
        },
        links,
        earned: 0,
      },
    ],
    now,
  );
  return entryId;
}

/** The customer's balance (0 without an account). */
export const balanceOf = (tx: Executor, orgId: string, customerId: string) =>
  readBalance(tx, orgId, customerId);
