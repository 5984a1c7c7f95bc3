/**
 * The tier engine: each customer's tier from what they qualified with in the rolling window, the
 * downgrade policy deciding when a lower qualification takes effect, and the notices before a
 * downgrade and before points expire (each sent once, however often the job runs).
 */
import { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { defineFanOutJob, defineJob } from '../../../jobs/queue';
import { localDayOf, startOfLocalDay } from '../../../lib/local-day';
import { sendQuietly } from '../../../notify/send-quietly';
import { findCustomers, spendInWindow } from '../../customers/api';
import { findOrgLocaleSettings, findOrgProfile } from '../../orgs/api';
import * as repo from '../data/repo-tiers';
import {
  decideTier,
  ladder,
  nextPeriodStartDay,
  pendingDowngrade,
  periodStartDay,
  progressToNext,
  type TierSettings,
  type TierStep,
} from '../domain/tiers';
import { tierText } from '../messages-tiers';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Customers decided per transaction by the job. */
const PAGE = 1000;

/** What every decision of one run needs: the settings, the ladder and the period ends around now. */
type RunFrame = {
  settings: TierSettings;
  tiers: repo.LoyaltyTier[];
  steps: TierStep[];
  timeZone: string;
  now: Date;
  boundary: Date;
  nextBoundary: Date;
};

async function frameOf(ctx: AppContext, tx: Executor, orgId: string): Promise<RunFrame | undefined> {
  const tiers = await repo.listTiers(tx, orgId);
  if (!tiers.length) return undefined;
  const settings = await repo.findTierSettings(tx, orgId);
  const { timeZone } = await findOrgLocaleSettings(tx, orgId);
  const now = ctx.clock.now();
  const start = periodStartDay(localDayOf(now, timeZone), settings.reviewPeriod);
  return {
    settings,
    tiers,
    steps: tiers.map((t) => ({ code: t.code, threshold: t.threshold })),
    timeZone,
    now,
    boundary: startOfLocalDay(start, timeZone),
    nextBoundary: startOfLocalDay(nextPeriodStartDay(start, settings.reviewPeriod), timeZone),
  };
}

/** Each customer's qualification over the window ending at `end` (exclusive). */
async function qualify(tx: Executor, orgId: string, f: RunFrame, end: Date, customerIds: readonly string[]) {
  const from = new Date(end.getTime() - f.settings.windowDays * DAY_MS);
  return f.settings.basis === 'spend'
    ? spendInWindow(tx, orgId, from, end, customerIds)
    : repo.earnedInWindow(tx, orgId, from, end, customerIds);
}

/**
 * Decides the tiers of these customers (their accounts) and writes the changes with their history,
 * announced as `loyalty.tier_changed`; with `notices`, queues the notices of coming downgrades.
 */
async function decide(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  f: RunFrame,
  holdings: readonly repo.Holding[],
  notices: boolean,
) {
  if (!holdings.length) return 0;
  const ids = holdings.map((h) => h.customerId);
  // The window includes now.
  const qNow = await qualify(tx, orgId, f, new Date(f.now.getTime() + 1), ids);
  const needsBoundary = f.settings.downgrade !== 'none';
  const qEnd = needsBoundary ? await qualify(tx, orgId, f, f.boundary, ids) : new Map<string, number>();
  const changes: repo.TierWrite[] = [];
  const pending: { customerId: string; tier: string; to: string | null; qualification: number }[] = [];
  for (const h of holdings) {
    const qualificationNow = qNow.get(h.customerId) ?? 0;
    const decision = decideTier({
      steps: f.steps,
      policy: f.settings.downgrade,
      current: h,
      qualificationNow,
      boundary: f.boundary,
      qualificationAtBoundary: qEnd.get(h.customerId) ?? 0,
    });
    if (decision.change) {
      changes.push({
        customerId: h.customerId,
        from: h.code,
        to: decision.to,
        direction: decision.direction,
        qualification: qualificationNow,
      });
      continue;
    }
    if (!notices) continue;
    const coming = pendingDowngrade({
      steps: f.steps,
      policy: f.settings.downgrade,
      current: h,
      qualificationNow,
      now: f.now,
      nextBoundary: f.nextBoundary,
      noticeDays: f.settings.downgradeNoticeDays,
    });
    if (coming && h.code)
      pending.push({
        customerId: h.customerId,
        tier: h.code,
        to: coming.to,
        qualification: qualificationNow,
      });
  }
  await repo.writeTierChanges(tx, orgId, changes, f.now);
  const touched = [...changes.map((c) => c.customerId), ...pending.map((p) => p.customerId)];
  const customers = touched.length ? await findCustomers(tx, orgId, touched) : new Map();
  if (changes.length) {
    await ctx.bus.emitMany(
      tx,
      'loyalty.tier_changed',
      changes.map((c) => ({
        orgId,
        customerId: c.customerId,
        externalId: customers.get(c.customerId)?.externalId ?? '',
        from: c.from,
        to: c.to,
        direction: c.direction,
        qualification: c.qualification,
        basis: f.settings.basis,
        changedAt: f.now,
      })),
    );
  }
  if (pending.length) {
    const ref = (p: (typeof pending)[number]) => `${f.nextBoundary.toISOString()}:${p.tier}`;
    const claimed = new Set(
      (
        await repo.claimNotices(
          tx,
          orgId,
          'tier_downgrade',
          pending.map((p) => ({ customerId: p.customerId, ref: ref(p) })),
          f.now,
        )
      ).map((c) => `${c.customerId}|${c.ref}`),
    );
    const fresh = pending.filter((p) => claimed.has(`${p.customerId}|${ref(p)}`));
    const threshold = (code: string) => f.steps.find((s) => s.code === code)?.threshold ?? 0;
    await ctx.bus.emitMany(
      tx,
      'loyalty.tier_downgrade_pending',
      fresh.map((p) => ({
        orgId,
        customerId: p.customerId,
        externalId: customers.get(p.customerId)?.externalId ?? '',
        tier: p.tier,
        to: p.to,
        at: f.nextBoundary,
        qualification: p.qualification,
        missing: Math.max(0, threshold(p.tier) - p.qualification),
        basis: f.settings.basis,
      })),
    );
    for (const p of fresh) {
      await ctx.jobs.enqueue(
        NOTICE_MAIL_JOB,
        {
          orgId,
          payload: {
            kind: 'tier_downgrade',
            customerId: p.customerId,
            tier: p.tier,
            to: p.to,
            at: f.nextBoundary.toISOString(),
            missing:
              f.settings.basis === 'points_earned' ? Math.max(0, threshold(p.tier) - p.qualification) : 0,
          },
          dedupeKey: `loyalty.notice:tier_downgrade:${p.customerId}:${ref(p)}`,
          maxAttempts: 8,
        },
        tx,
      );
    }
  }
  return changes.length;
}

/**
 * After points were earned, in the earner's transaction: the tiers of these customers, upgrades at
 * once (one cheap look at the tiers when the organization has none).
 */
export async function refreshTiersInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  customerIds: readonly string[],
) {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return 0;
  const f = await frameOf(ctx, tx, orgId);
  if (!f) return 0;
  const holdings = await repo.pageHoldings(tx, orgId, { limit: ids.length, customerIds: ids });
  return decide(ctx, tx, orgId, f, holdings, false);
}

/** Decides every account's tier, a page per transaction, and sends the due notices; how many changed. */
export async function reviewTiers(ctx: AppContext, orgId: string) {
  let changed = 0;
  let afterId: string | undefined;
  // Spend qualifies customers without points: they get an account to hold their tier.
  await ctx.db.withOrg(orgId, async (tx) => {
    const f = await frameOf(ctx, tx, orgId);
    if (f?.settings.basis !== 'spend') return;
    const lowest = ladder(f.steps)[0].threshold;
    const from = new Date(f.now.getTime() - f.settings.windowDays * DAY_MS);
    const spent = await spendInWindow(tx, orgId, from, new Date(f.now.getTime() + 1));
    const qualified = [...spent].filter(([, v]) => v > 0 && v >= lowest).map(([id]) => id);
    await repo.ensureAccounts(tx, orgId, qualified, f.now);
  });
  for (;;) {
    const page = await ctx.db.withOrg(orgId, async (tx) => {
      const f = await frameOf(ctx, tx, orgId);
      if (!f) return undefined;
      const holdings = await repo.pageHoldings(tx, orgId, { limit: PAGE, afterId });
      changed += await decide(ctx, tx, orgId, f, holdings, true);
      return holdings;
    });
    if (!page || page.length < PAGE) break;
    afterId = page[page.length - 1].customerId;
  }
  return changed;
}

/** Notices of points expiring within the notice days: one per customer per run, each lot noticed once. */
export async function noticeExpiringPoints(ctx: AppContext, orgId: string) {
  let noticed = 0;
  let afterId: string | undefined;
  for (;;) {
    const page = await ctx.db.withOrg(orgId, async (tx) => {
      const settings = await repo.findTierSettings(tx, orgId);
      if (settings.expiryNoticeDays <= 0) return undefined;
      const now = ctx.clock.now();
      const until = new Date(now.getTime() + settings.expiryNoticeDays * DAY_MS);
      const lots = await repo.expiringLots(tx, orgId, now, until, PAGE, afterId);
      if (!lots.length) return undefined;
      const claimed = new Set(
        (
          await repo.claimNotices(
            tx,
            orgId,
            'points_expiring',
            lots.map((l) => ({ customerId: l.customerId, ref: l.lotId })),
            now,
          )
        ).map((c) => c.ref),
      );
      const byCustomer = new Map<string, repo.ExpiringLot[]>();
      for (const l of lots) {
        if (!claimed.has(l.lotId)) continue;
        byCustomer.set(l.customerId, [...(byCustomer.get(l.customerId) ?? []), l]);
      }
      const customers = await findCustomers(tx, orgId, [...byCustomer.keys()]);
      const balances = await repo.balancesOf(tx, orgId, [...byCustomer.keys()]);
      const payloads = [...byCustomer].map(([customerId, own]) => ({
        orgId,
        customerId,
        externalId: customers.get(customerId)?.externalId ?? '',
        points: own.reduce((s, l) => s + l.remaining, 0),
        expiresAt: own[0].expiresAt,
        balance: balances.get(customerId) ?? 0,
        lots: own.map((l) => ({ lotId: l.lotId, points: l.remaining, expiresAt: l.expiresAt })),
      }));
      await ctx.bus.emitMany(tx, 'loyalty.points_expiring', payloads);
      for (const p of payloads) {
        await ctx.jobs.enqueue(
          NOTICE_MAIL_JOB,
          {
            orgId,
            payload: {
              kind: 'points_expiring',
              customerId: p.customerId,
              points: p.points,
              at: p.expiresAt.toISOString(),
            },
            dedupeKey: `loyalty.notice:points_expiring:${p.customerId}:${p.lots[0].lotId}`,
            maxAttempts: 8,
          },
          tx,
        );
      }
      noticed += payloads.length;
      return lots;
    });
    if (!page) break;
    afterId = page[page.length - 1].customerId;
  }
  return noticed;
}

/** The daily run for one organization: tiers, then the notices. */
export const TIER_JOB = defineJob({
  name: 'loyalty.tiers',
  scope: 'org',
  payload: z.object({}),
  handle: async (ctx, _payload, job) => {
    await reviewTiers(ctx, job.orgId);
    await noticeExpiringPoints(ctx, job.orgId);
  },
});

/** Every day: each organization with tiers or an active program. */
export const TIERS_ALL_JOB = defineFanOutJob('loyalty.tiers-all', repo.orgsWithTiersOrPrograms, TIER_JOB);

const noticeMail = z.union([
  z.object({
    kind: z.literal('points_expiring'),
    customerId: z.string(),
    points: z.number(),
    at: z.string(),
  }),
  z.object({
    kind: z.literal('tier_downgrade'),
    customerId: z.string(),
    tier: z.string(),
    to: z.string().nullable(),
    at: z.string(),
    missing: z.number(),
  }),
]);

/**
 * A notice e-mailed to the customer in their language, composed when it is sent: nothing goes to
 * an erased customer, one without an address, or one who refused e-mail or the loyalty program's
 * messages (consent `email` or `loyalty` false).
 */
export const NOTICE_MAIL_JOB = defineJob({
  name: 'loyalty.notice-mail',
  scope: 'org',
  payload: noticeMail,
  handle: async (ctx, mail, job) => {
    if (!ctx.mailer.configured) return;
    const orgId = job.orgId;
    const composed = await ctx.db.withOrg(orgId, async (tx) => {
      const customer = (await findCustomers(tx, orgId, [mail.customerId])).get(mail.customerId);
      const org = await findOrgProfile(tx, orgId);
      if (!customer?.email || customer.erasedAt || !org) return undefined;
      if (customer.consent.email === false || customer.consent.loyalty === false) return undefined;
      const locale = pickLocale(customer.locale, org.defaultLocale);
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: org.timeZone }).format(
        new Date(mail.at),
      );
      if (mail.kind === 'points_expiring') {
        const balance = (await repo.balancesOf(tx, orgId, [customer.id])).get(customer.id) ?? 0;
        const vars = { org: org.name, points: mail.points, date, balance };
        return {
          to: customer.email,
          subject: tierText(locale, 'expiringSubject', vars),
          text: tierText(locale, 'expiringBody', vars),
        };
      }
      const tiers = await repo.listTiers(tx, orgId);
      const name = (code: string | null) =>
        code === null ? tierText(locale, 'noTier') : (tiers.find((t) => t.code === code)?.name ?? code);
      const vars = { org: org.name, tier: name(mail.tier), next: name(mail.to), date, missing: mail.missing };
      return {
        to: customer.email,
        subject: tierText(locale, 'downgradeSubject', vars),
        text: tierText(locale, 'downgradeBody', vars),
      };
    });
    if (composed) await sendQuietly(ctx.mailer, composed);
  },
});

/**
 * Where a customer stands: their tier (with the company's name for it), what they qualified with in
 * the window ending now, and what is missing to the next tier; undefined without tiers.
 */
export async function tierProgressInTx(ctx: AppContext, tx: Executor, orgId: string, customerId: string) {
  const f = await frameOf(ctx, tx, orgId);
  if (!f) return undefined;
  const holding = await repo.findHolding(tx, orgId, customerId);
  const qualification =
    (await qualify(tx, orgId, f, new Date(f.now.getTime() + 1), [customerId])).get(customerId) ?? 0;
  const named = (code: string) => f.tiers.find((t) => t.code === code)?.name ?? code;
  const code = holding?.code ?? null;
  const next = progressToNext(
    f.steps,
    code !== null && f.steps.some((s) => s.code === code) ? code : null,
    qualification,
  );
  return {
    tier: code === null ? null : { code, name: named(code), since: holding?.since ?? null },
    basis: f.settings.basis,
    qualification,
    next: next && { ...next, name: named(next.code) },
  };
}

/** Points just earned, in the earner's transaction: the earners' tiers go up at once when they qualify. */
export async function takeEarnings(
  ctx: AppContext,
  tx: Executor,
  payloads: readonly { orgId: string; customerId: string }[],
) {
  const byOrg = new Map<string, string[]>();
  for (const p of payloads) byOrg.set(p.orgId, [...(byOrg.get(p.orgId) ?? []), p.customerId]);
  for (const [orgId, ids] of byOrg) await refreshTiersInTx(ctx, tx, orgId, ids);
}
