/**
 * Expiry and the nightly invariant check. Expiry writes, per customer, one `expire` entry taking
 * what is left of every lot past its expiry (entries are never edited); the check compares each
 * account's balance with the sum of its entries and of its lots and stores what disagrees.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../http/types';
import { defineFanOutJob, defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { findCustomers, lockCustomers } from '../../customers/api';
import {
  customersWithExpiredLots,
  findBreaks,
  insertInvariantRun,
  latestInvariantRun,
  lockExpiredLots,
  orgsWithAccounts,
  orgsWithExpiringLots,
} from '../data/repo-expiry';
import { lockAccounts } from '../data/repo-ledger';
import { type Posting, storePostings } from './ledger';

/** Customers expired per transaction; an organization goes round after round. */
const EXPIRY_CHUNK = 2000;
/** Breaks kept in a run's report (all are counted up to BREAKS_COUNTED). */
const BREAKS_KEPT = 100;
const BREAKS_COUNTED = 1000;

/** Expires every lot of the organization past its expiry at the clock's now; returns the points and customers. */
export async function expirePoints(
  ctx: AppContext,
  orgId: string,
): Promise<{ customers: number; points: number }> {
  const total = { customers: 0, points: 0 };
  for (;;) {
    const round = await ctx.db.withOrg(orgId, async (tx) => {
      const now = ctx.clock.now();
      const customerIds = (await customersWithExpiredLots(tx, orgId, now, EXPIRY_CHUNK)).sort();
      if (!customerIds.length) return { customers: 0, points: 0 };
      await lockCustomers(tx, orgId, customerIds);
      const accounts = await lockAccounts(tx, orgId, customerIds, now);
      const lots = await lockExpiredLots(tx, orgId, customerIds, now);
      const byCustomer = new Map<string, typeof lots>();
      for (const lot of lots)
        byCustomer.set(lot.customerId, [...(byCustomer.get(lot.customerId) ?? []), lot]);
      const postings: Posting[] = [];
      for (const [customerId, own] of byCustomer) {
        const points = own.reduce((s, l) => s + l.remaining, 0);
        const entryId = randomUUID();
        const last = own.reduce((m, l) => (l.expiresAt > m ? l.expiresAt : m), own[0].expiresAt);
        const account = accounts.get(customerId);
        if (account) account.balance -= points;
        postings.push({
          entry: {
            id: entryId,
            customerId,
            kind: 'expire',
            points: -points,
            debtPoints: 0,
            reason: `expired: ${points} points of ${own.length} lot(s) past their expiry`,
            sourceKind: 'expiry',
            sourceId: null,
            userId: null,
            amountMinor: null,
            reversesEntryId: null,
            occurredAt: last,
          },
          links: own.map((l) => ({ entryId, lotId: l.id, points: -l.remaining })),
          earned: 0,
        });
      }
      await storePostings(tx, orgId, postings, now);
      const refs = await findCustomers(tx, orgId, [...byCustomer.keys()]);
      await ctx.bus.emitMany(
        tx,
        'loyalty.points_expired',
        postings.map((p) => ({
          orgId,
          customerId: p.entry.customerId,
          externalId: refs.get(p.entry.customerId)?.externalId ?? '',
          entryId: p.entry.id,
          points: p.entry.points,
          balance: accounts.get(p.entry.customerId)?.balance ?? 0,
        })),
      );
      return { customers: postings.length, points: postings.reduce((s, p) => s - p.entry.points, 0) };
    });
    total.customers += round.customers;
    total.points += round.points;
    if (round.customers === 0) return total;
  }
}

/** The invariant check of one organization: stored as a run, logged, and announced when anything disagrees. */
export async function checkLedger(ctx: AppContext, orgId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const ranAt = ctx.clock.now();
    const { accountsChecked, breaks } = await findBreaks(tx, orgId, BREAKS_COUNTED);
    const runId = await insertInvariantRun(tx, orgId, {
      ranAt,
      accountsChecked,
      breaks: breaks.slice(0, BREAKS_KEPT),
      breakCount: breaks.length,
    });
    if (breaks.length) {
      ctx.jobs.log?.error(
        { orgId, runId, breakCount: breaks.length, first: breaks.slice(0, 5) },
        'loyalty ledger invariant broken',
      );
      await ctx.bus.emit(tx, 'loyalty.invariant_broken', {
        orgId,
        runId,
        breakCount: breaks.length,
        accountsChecked,
      });
    }
    return {
      id: runId,
      ranAt,
      accountsChecked,
      breakCount: breaks.length,
      breaks: breaks.slice(0, BREAKS_KEPT),
    };
  });
}

/** The last check's report; null before the first run. */
export async function lastLedgerCheck(ctx: AppContext, orgId: string) {
  return (await ctx.db.withOrg(orgId, (tx) => latestInvariantRun(tx, orgId))) ?? null;
}

export const EXPIRE_POINTS_JOB = defineJob({
  name: 'loyalty.expire-points',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => expirePoints(ctx, job.orgId),
});

export const CHECK_LEDGER_JOB = defineJob({
  name: 'loyalty.check-ledger',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => checkLedger(ctx, job.orgId),
});

/** Daily: every organization with lots that expire. */
export const EXPIRE_ALL_JOB = defineFanOutJob('loyalty.expire-all', orgsWithExpiringLots, EXPIRE_POINTS_JOB);
/** Nightly: every organization with accounts. */
export const CHECK_ALL_JOB = defineFanOutJob('loyalty.check-all', orgsWithAccounts, CHECK_LEDGER_JOB);
