/**
 * Is a perk worth it, per perk and period: the answer is computed by a job and kept, so the page reads
 * it instead of recomputing on every view; asking for a period not yet assessed queues its job. A changed
 * verdict is announced as 'perk.assessed'.
 */
import { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { defineJob } from '../../../jobs/queue';
import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import { invalid, notFound } from '../../../lib/errors';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import { createRandom } from '../../../lib/seeded-random';
import { mapExternalIds, readPurchaseBatches } from '../../customers/api';
import { findOrgLocaleSettings } from '../../orgs/api';
import * as repo from '../data/repo-perks';
import { assessPerk, type PerkAssessment } from '../domain/perk-worth';
import { type DayPurchase, DEFAULT_WINDOW_DAYS, perkUnits } from '../domain/perks';
import { syncPerkGrantsInTx } from './perk-grants';

export type AssessmentKey = repo.AssessmentKey;

/** A period of six months ending one window before today, when the query names none. */
const DEFAULT_PERIOD_DAYS = 182;

export interface WorthQuery {
  from?: string;
  to?: string;
  window?: number;
}

export interface PerkWorth {
  perkId: string;
  code: string;
  name: string;
  costMinor: number;
  currency: string;
  periodFrom: string;
  periodTo: string;
  windowDays: number;
  status: 'pending' | 'ready' | 'failed';
  requestedAt: Date;
  computedAt: Date | null;
  result: PerkAssessment | null;
}

const day = (value: string, field: string) => {
  const n = parseDayNumber(value);
  if (!Number.isInteger(n) || value.length !== 10) throw invalid(field, 'must be a calendar date YYYY-MM-DD');
  return n;
};

/** The period and window asked for, checked: the after window of the period's last day must have ended. */
async function resolveKey(
  tx: Executor,
  ctx: AppContext,
  orgId: string,
  perkId: string,
  q: WorthQuery,
  where: string,
) {
  const { timeZone } = await findOrgLocaleSettings(tx, orgId);
  const today = localDayOf(ctx.clock.now(), timeZone);
  const windowDays = q.window ?? DEFAULT_WINDOW_DAYS;
  const to = q.to === undefined ? today - windowDays - 1 : day(q.to, `${where}.to`);
  const from = q.from === undefined ? to - DEFAULT_PERIOD_DAYS + 1 : day(q.from, `${where}.from`);
  if (from > to) throw invalid(`${where}.from`, `must not be after ${where}.to`);
  if (to + windowDays >= today) {
    throw invalid(
      `${where}.to`,
      `must be at least ${windowDays} days (the window) before today, ${formatDayNumber(today)}: the window after it must have ended`,
    );
  }
  return { perkId, periodFrom: formatDayNumber(from), periodTo: formatDayNumber(to), windowDays };
}

const worthOf = (perk: repo.Perk, row: repo.PerkAssessmentRow): PerkWorth => ({
  perkId: perk.id,
  code: perk.code,
  name: perk.name,
  costMinor: perk.costMinor,
  currency: perk.currency,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  windowDays: row.windowDays,
  status: row.status,
  requestedAt: row.requestedAt,
  computedAt: row.computedAt,
  result: row.result,
});

/** The kept answer for the perk and period; the first to ask queues its computation (status 'pending'). */
export async function readPerkWorth(ctx: AppContext, orgId: string, perkId: string, q: WorthQuery) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const perk = await repo.findPerk(tx, orgId, perkId);
    if (!perk) throw notFound('perk');
    const key = await resolveKey(tx, ctx, orgId, perkId, q, 'query');
    if (await repo.requestAssessment(tx, orgId, key, ctx.clock.now())) {
      await enqueueAssessment(ctx, tx, orgId, key);
    }
    const row = await repo.findAssessment(tx, orgId, key);
    return worthOf(perk, row!);
  });
}

/** Computes the perk and period again (new grants, new purchases): the kept answer stays until the new one. */
export async function refreshPerkWorth(ctx: AppContext, orgId: string, perkId: string, q: WorthQuery) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const perk = await repo.findPerk(tx, orgId, perkId);
    if (!perk) throw notFound('perk');
    const key = await resolveKey(tx, ctx, orgId, perkId, q, 'body');
    if (!(await repo.requestAssessment(tx, orgId, key, ctx.clock.now()))) {
      await repo.markPending(tx, orgId, key, ctx.clock.now());
    }
    await enqueueAssessment(ctx, tx, orgId, key);
    return worthOf(perk, (await repo.findAssessment(tx, orgId, key))!);
  });
}

const enqueueAssessment = (ctx: AppContext, tx: Executor, orgId: string, key: AssessmentKey) =>
  ctx.jobs.enqueue(ASSESS_PERK_JOB, { orgId, payload: key }, tx);

/** Customer ids per lookup of their external ids. */
const ID_CHUNK = 10_000;

/** A number from the perk's code (FNV-1a), so the same perk and data always draw the same controls and pairs. */
function seedOf(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Everyone's purchases up to `before`, per customer, sorted by day. */
async function purchasesBefore(tx: Executor, orgId: string, timeZone: string, before: Date) {
  const purchases = new Map<string, DayPurchase[]>();
  for await (const batch of readPurchaseBatches(tx, orgId, { timeZone, before })) {
    for (let i = 0; i < batch.customerIds.length; i++) {
      const id = batch.customerIds[i];
      let list = purchases.get(id);
      if (!list) {
        list = [];
        purchases.set(id, list);
      }
      list.push({ day: batch.days[i], amountMinor: batch.amountsMinor[i] });
    }
  }
  for (const list of purchases.values()) list.sort((a, b) => a.day - b.day);
  return purchases;
}

/** The job's work: grants read again from the source, the analysis, kept; the webhook when the verdict changed. */
export async function computePerkWorth(ctx: AppContext, orgId: string, key: AssessmentKey) {
  const computed = await ctx.db.withOrg(orgId, async (tx) => {
    const perk = await repo.findPerk(tx, orgId, key.perkId);
    const previous = await repo.findAssessment(tx, orgId, key);
    if (!perk || !previous) return undefined;
    await syncPerkGrantsInTx(ctx, tx, orgId, perk);
    const { timeZone } = await findOrgLocaleSettings(tx, orgId);
    const from = parseDayNumber(key.periodFrom);
    const to = parseDayNumber(key.periodTo);
    const w = key.windowDays;
    const end = startOfLocalDay(to + w + 1, timeZone);
    const grants = (
      await repo.grantsOfPerk(tx, orgId, perk.id, startOfLocalDay(from - w, timeZone), end)
    ).map((g) => ({ customerId: g.customerId, day: localDayOf(g.grantedAt, timeZone) }));
    const purchases = await purchasesBefore(tx, orgId, timeZone, end);
    const tiers = new Map(
      (await repo.tiersHeldSince(tx, orgId, end)).map((t) => [
        t.customerId,
        { tierCode: t.tierCode, sinceDay: localDayOf(t.since, timeZone) },
      ]),
    );
    const externalIds = new Map<string, string>();
    const ids = [...new Set([...purchases.keys(), ...grants.map((g) => g.customerId)])];
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      for (const [id, ext] of await mapExternalIds(tx, orgId, ids.slice(start, start + ID_CHUNK)))
        externalIds.set(id, ext);
    }
    const random = createRandom(seedOf(perk.code));
    const units = perkUnits({
      grants,
      purchases,
      tiers,
      periodFrom: from,
      periodTo: to,
      window: w,
      costMinor: perk.costMinor,
      random: random.next,
      sortKey: (id) => externalIds.get(id) ?? id,
    });
    const result = assessPerk({ ...units, seed: seedOf(perk.code) });
    await repo.storeAssessment(tx, orgId, key, result, ctx.clock.now());
    const before = previous.result?.verdict ?? null;
    if (before !== result.verdict) {
      await ctx.bus.emit(tx, 'perk.assessed', {
        orgId,
        perkId: perk.id,
        code: perk.code,
        periodFrom: key.periodFrom,
        periodTo: key.periodTo,
        windowDays: w,
        verdict: result.verdict,
        previousVerdict: before,
        reason: result.reason,
        pairs: result.pairs,
        netPerCustomerMinor: result.net?.estimate ?? null,
        netCi95: result.net?.ci95 ?? null,
      });
    }
    return result;
  });
  return computed;
}

export const ASSESS_PERK_JOB = defineJob({
  name: 'loyalty.assess-perk',
  scope: 'org',
  payload: z.object({
    perkId: z.string().uuid(),
    periodFrom: z.string(),
    periodTo: z.string(),
    windowDays: z.number().int(),
  }),
  handle: async (ctx, key, job) => {
    await computePerkWorth(ctx, job.orgId, key);
  },
});
