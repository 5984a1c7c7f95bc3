/** Referrals: codes and links, claims with their guards, attribution of the first purchase, and the daily rewards. */
import { z } from 'zod';
import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { AppError, notFound } from '../../../lib/errors';
import {
  type CustomerRef,
  ensureCustomer,
  findCustomerByExternalId,
  findCustomers,
  firstPurchases,
  recordEvent,
} from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import * as repo from '../data/repo-referrals';
import { newReferralCode, normalizeReferralCode } from '../domain/referral-code';
import {
  fingerprintsOf,
  newcomerRefusal,
  type ReferralRefusal,
  type ReferralSource,
  type ReferralStatus,
  selfReferral,
} from '../domain/referral-guards';
import { earnPoints } from './ledger';

const DAY_MS = 86_400_000;

export type ReferralSettings = repo.ReferralSettingsRow;

export async function readReferralSettings(ctx: AppContext, orgId: string): Promise<ReferralSettings> {
  return ctx.db.withOrg(orgId, (tx) => repo.findReferralSettings(tx, orgId));
}

export async function changeReferralSettings(
  ctx: AppContext,
  orgId: string,
  patch: Partial<ReferralSettings>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const next = { ...(await repo.findReferralSettings(tx, orgId)), ...patch };
    await repo.saveReferralSettings(tx, orgId, next, ctx.clock.now());
    return next;
  });
}

/** The public path of a customer's referral link. */
export const referralPath = (code: string) => `/ref/${code}`;

/** The customer's code, made the first time it is asked (a random clash is drawn again). */
async function codeOf(ctx: AppContext, tx: Executor, orgId: string, customerId: string) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const found = await repo.findCodeOf(tx, orgId, customerId);
    if (found) return found;
    await repo.insertCode(tx, orgId, customerId, newReferralCode(), ctx.clock.now());
  }
  throw new Error('no free referral code after eight draws');
}

/** A referral as the API shows it: the two customers by external id. */
export type ReferralView = {
  id: string;
  code: string;
  referrerExternalId: string | null;
  referredExternalId: string;
  source: ReferralSource;
  status: ReferralStatus;
  reason: string | null;
  claimedAt: Date;
  purchaseAt: Date | null;
  qualifiesAt: Date | null;
  rewardedAt: Date | null;
  referrerPoints: number | null;
  referredPoints: number | null;
};

async function viewsOf(tx: Executor, orgId: string, rows: repo.ReferralRow[]): Promise<ReferralView[]> {
  const ids = rows.flatMap((r) => (r.referrerId ? [r.referrerId, r.referredId] : [r.referredId]));
  const people = await findCustomers(tx, orgId, ids);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    referrerExternalId: r.referrerId ? (people.get(r.referrerId)?.externalId ?? null) : null,
    referredExternalId: people.get(r.referredId)?.externalId ?? '',
    source: r.source,
    status: r.status,
    reason: r.reason,
    claimedAt: r.claimedAt,
    purchaseAt: r.purchaseAt,
    qualifiesAt: r.qualifiesAt,
    rewardedAt: r.rewardedAt,
    referrerPoints: r.referrerPoints,
    referredPoints: r.referredPoints,
  }));
}

/** GET /customers/{externalId}/referral: the customer's code and link, and the referrals they made. */
export async function customerReferral(ctx: AppContext, orgId: string, externalId: string, baseUrl: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerByExternalId(tx, orgId, externalId);
    if (!customer || customer.erasedAt) throw notFound('customer');
    const { code, visits } = await codeOf(ctx, tx, orgId, customer.id);
    const made = await repo.pageReferrals(tx, orgId, { referrerId: customer.id }, 100);
    const by = await repo.referralsOfReferred(tx, orgId, [customer.id]);
    const referredBy = by.get(customer.id);
    return {
      code,
      link: `${baseUrl}${referralPath(code)}`,
      visits,
      referrals: await viewsOf(tx, orgId, made.slice(0, 100)),
      referredBy: referredBy ? (await viewsOf(tx, orgId, [referredBy]))[0] : null,
    };
  });
}

export type ReferralListQuery = PageQuery & { status?: ReferralStatus };

/** GET /loyalty/referrals: newest first, optionally of one status. */
export async function listReferrals(ctx: AppContext, orgId: string, q: ReferralListQuery) {
  const position = decodeCursor(q.cursor, ['instant', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await repo.pageReferrals(tx, orgId, { status: q.status }, q.limit, position);
    const page = pageOf(rows, q.limit, (r) => [r.claimedAt.toISOString(), r.id]);
    const totals = await repo.referralTotals(tx, orgId);
    return {
      items: await viewsOf(tx, orgId, page.items),
      nextCursor: page.nextCursor,
      totals: {
        codes: totals.codes,
        visits: totals.visits,
        byStatus: Object.fromEntries(totals.byStatus.map((s) => [s.status, s.n])),
      },
    };
  });
}

/** One customer naming a code: through the API, an attribute on creation, or a purchase's data. */
type Claim = {
  referredId: string;
  code: string;
  source: ReferralSource;
  at: Date;
  /** The purchase the code came with: it is the one attributed. */
  purchase?: { eventId: string; at: Date; minor: number | null; data: Record<string, unknown> };
};

/**
 * Stores the claims, each as a referral waiting for its first purchase, attributed (it came with
 * one) or refused with its reason: an unknown code, the referrer under another name (same
 * customer, e-mail, phone or payment fingerprint), a customer known before or who bought before,
 * one already referred. A claim repeating a customer's own referral answers that referral.
 */
async function claimInTx(tx: Executor, orgId: string, claims: Claim[]) {
  if (!claims.length) return [];
  const settings = await repo.findReferralSettings(tx, orgId);
  const owners = await repo.ownersOfCodes(tx, orgId, [...new Set(claims.map((c) => c.code))]);
  const referredIds = claims.map((c) => c.referredId);
  const existing = await repo.referralsOfReferred(tx, orgId, referredIds);
  const people = await findCustomers(tx, orgId, [...referredIds, ...owners.values()]);
  const firsts = await firstPurchases(tx, orgId, referredIds);
  const out: repo.ReferralRow[] = [];
  for (const c of claims) {
    const referrerId = owners.get(c.code) ?? null;
    const before = existing.get(c.referredId);
    if (before && before.code === c.code && before.referrerId === referrerId) {
      out.push(before);
      continue;
    }
    const referred = people.get(c.referredId);
    const referrer = referrerId ? people.get(referrerId) : undefined;
    const first = firsts.get(c.referredId);
    const refusal: ReferralRefusal | null = !referrer
      ? 'unknown_code'
      : before
        ? 'already_referred'
        : (selfReferral(partyOf(referrer), partyOf(referred!, c.purchase?.data)) ??
          newcomerRefusal({
            knownSince: referred!.since,
            claimedAt: c.at,
            newCustomerDays: settings.newCustomerDays,
            earlierPurchaseAt: first && first.eventId !== c.purchase?.eventId ? first.occurredAt : null,
          }));
    const row: repo.NewReferral = {
      referrerId,
      referredId: c.referredId,
      code: c.code,
      source: c.source,
      claimedAt: c.at,
      status: refusal ? 'refused' : c.purchase ? 'attributed' : 'pending',
      reason: refusal,
      ...(c.purchase &&
        !refusal && {
          purchaseEventId: c.purchase.eventId,
          purchaseAt: c.purchase.at,
          purchaseMinor: c.purchase.minor,
          qualifiesAt: new Date(c.purchase.at.getTime() + settings.qualifyingDays * DAY_MS),
        }),
    };
    const stored = await repo.insertReferral(tx, orgId, row);
    if (stored) {
      out.push(stored);
      if (!refusal) existing.set(c.referredId, stored);
    } else {
      // Another claim for the customer won the race: this one is refused beside it.
      out.push(
        (await repo.insertReferral(tx, orgId, { ...row, status: 'refused', reason: 'already_referred' }))!,
      );
    }
  }
  return out;
}

const partyOf = (c: CustomerRef, data?: Record<string, unknown>) => ({
  id: c.id,
  email: c.email,
  phone: c.phone,
  paymentFingerprints: fingerprintsOf(c.attributes, data),
});

/**
 * POST /loyalty/referrals: a customer (created when new) names a referrer's code. Answers the
 * referral, refused ones too (with their reason); a code no customer has is a 422 naming body.code.
 */
export async function claimReferral(
  ctx: AppContext,
  orgId: string,
  input: { code: string; customerExternalId: string },
) {
  const code = normalizeReferralCode(input.code);
  const unknown = () =>
    new AppError('unprocessable', 'code: no customer has this referral code', [
      { field: 'body.code', message: 'no customer has this referral code' },
    ]);
  if (!code) throw unknown();
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.ownersOfCodes(tx, orgId, [code])).size) throw unknown();
    const referredId = await ensureCustomer(ctx, tx, orgId, input.customerExternalId);
    const [row] = await claimInTx(tx, orgId, [{ referredId, code, source: 'api', at: ctx.clock.now() }]);
    return (await viewsOf(tx, orgId, [row]))[0];
  });
}

const codeIn = (v: unknown) => (typeof v === 'string' ? normalizeReferralCode(v) : undefined);

/** New customers whose attributes name a referral code (`attributes.referralCode`) are referred by it. */
export async function takeNewCustomers(
  ctx: AppContext,
  tx: Executor,
  payloads: DomainEvents['customer.created'][],
) {
  for (const [orgId, batch] of byOrg(payloads)) {
    if (!(await repo.usesReferrals(tx, orgId))) continue;
    const people = await findCustomers(
      tx,
      orgId,
      batch.map((p) => p.customerId),
    );
    const claims: Claim[] = [];
    for (const c of people.values()) {
      const code = codeIn(c.attributes.referralCode);
      if (code) claims.push({ referredId: c.id, code, source: 'attribute', at: ctx.clock.now() });
    }
    await claimInTx(tx, orgId, claims);
  }
}

const REFUND_LINKS = ['purchaseEventId', 'purchaseId', 'refundOf', 'originalEventId'] as const;

/**
 * Purchases and refunds, over a whole batch: a purchase naming a code (`data.referralCode`) claims
 * it; the first purchase of a customer whose referral waits for one is attributed; a refund of the
 * attributed purchase within its qualifying period voids the referral. An organization whose
 * customers have no codes costs one lookup.
 */
export async function takeReferralEvents(
  _ctx: AppContext,
  tx: Executor,
  payloads: DomainEvents['event.recorded'][],
) {
  const money = payloads.filter((p) => p.type === 'purchase' || p.type === 'refund');
  if (!money.length) return;
  for (const [orgId, batch] of byOrg(money)) {
    if (!(await repo.usesReferrals(tx, orgId))) continue;
    const purchases = batch
      .filter((p) => p.type === 'purchase')
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.eventId < b.eventId ? -1 : 1));
    const claims: Claim[] = [];
    const named = new Set<string>();
    for (const p of purchases) {
      const code = codeIn(p.data.referralCode);
      if (!code || named.has(p.customerId)) continue;
      named.add(p.customerId);
      claims.push({
        referredId: p.customerId,
        code,
        source: 'event',
        at: p.occurredAt,
        purchase: { eventId: p.eventId, at: p.occurredAt, minor: p.amountMinor, data: p.data },
      });
    }
    await claimInTx(tx, orgId, claims);
    const open = await repo.openReferralsOf(tx, orgId, [...new Set(batch.map((p) => p.customerId))]);
    if (!open.length) continue;
    const settings = await repo.findReferralSettings(tx, orgId);
    const attribute: Parameters<typeof repo.attributePurchases>[2] = [];
    for (const r of open.filter((x) => x.status === 'pending')) {
      const first = purchases.find((p) => p.customerId === r.referredId && p.occurredAt >= r.claimedAt);
      if (!first) continue;
      attribute.push({
        id: r.id,
        eventId: first.eventId,
        at: first.occurredAt,
        minor: first.amountMinor,
        qualifiesAt: new Date(first.occurredAt.getTime() + settings.qualifyingDays * DAY_MS),
      });
    }
    await repo.attributePurchases(tx, orgId, attribute);
    for (const r of open.filter((x) => x.status === 'attributed')) {
      const refund = batch.find(
        (p) =>
          p.type === 'refund' &&
          p.customerId === r.referredId &&
          p.occurredAt >= r.purchaseAt! &&
          p.occurredAt < r.qualifiesAt! &&
          refundConcerns(p.data, r.purchaseEventId!),
      );
      if (refund) await repo.setStatus(tx, orgId, r.id, 'void', { reason: 'refunded' });
    }
  }
}

/** A refund that names its purchase concerns only that one; one that names none, any. */
function refundConcerns(data: Record<string, unknown>, purchaseEventId: string) {
  const named = REFUND_LINKS.map((k) => data[k]).filter((v): v is string => typeof v === 'string');
  return named.length === 0 || named.includes(purchaseEventId);
}

function byOrg<T extends { orgId: string }>(payloads: T[]) {
  const out = new Map<string, T[]>();
  for (const p of payloads) out.set(p.orgId, [...(out.get(p.orgId) ?? []), p]);
  return out;
}

const ROUND = 200;

/**
 * The organization's referrals whose qualifying period is over: each qualifies (a `referral`
 * event on the referrer, which the lifecycle's "loyal" rule reads; `referral.qualified`), then both
 * customers earn their points (`referral.rewarded`) unless the referrer reached the cap of
 * rewarded referrals in the period, which refuses the reward with `cap_reached`.
 */
export async function rewardDueReferrals(ctx: AppContext, orgId: string) {
  let rewarded = 0;
  for (;;) {
    const done = await ctx.db.withOrg(orgId, async (tx) => {
      const now = ctx.clock.now();
      const due = await repo.lockDueReferrals(tx, orgId, now, ROUND);
      if (!due.length) return 0;
      const settings = await repo.findReferralSettings(tx, orgId);
      for (const r of due) {
        const referrerId = r.referrerId!;
        await recordEvent(ctx, tx, orgId, {
          id: `referral:${r.id}`,
          customerId: referrerId,
          type: 'referral',
          occurredAt: r.qualifiesAt!,
          data: { referralId: r.id, referredCustomerId: r.referredId },
        });
        await ctx.bus.emit(tx, 'referral.qualified', {
          orgId,
          referralId: r.id,
          referrerId,
          referredId: r.referredId,
          purchaseEventId: r.purchaseEventId!,
          qualifiedAt: now,
        });
        const since = new Date(now.getTime() - settings.capDays * DAY_MS);
        if ((await repo.rewardedSince(tx, orgId, referrerId, since)) >= settings.capCount) {
          await repo.setStatus(tx, orgId, r.id, 'refused', { reason: 'cap_reached' });
          continue;
        }
        const source = { kind: 'referral', id: r.id };
        const referrerEntryId =
          settings.referrerPoints > 0
            ? await earnPoints(ctx, tx, {
                orgId,
                customerId: referrerId,
                points: settings.referrerPoints,
                reason: 'Referral reward: a referred customer qualified',
                source,
              })
            : null;
        const referredEntryId =
          settings.referredPoints > 0
            ? await earnPoints(ctx, tx, {
                orgId,
                customerId: r.referredId,
                points: settings.referredPoints,
                reason: 'Referral reward: welcome of a referred customer',
                source,
              })
            : null;
        await repo.setStatus(tx, orgId, r.id, 'rewarded', {
          rewardedAt: now,
          referrerPoints: settings.referrerPoints,
          referredPoints: settings.referredPoints,
          referrerEntryId,
          referredEntryId,
        });
        await ctx.bus.emit(tx, 'referral.rewarded', {
          orgId,
          referralId: r.id,
          referrerId,
          referredId: r.referredId,
          referrerPoints: settings.referrerPoints,
          referredPoints: settings.referredPoints,
        });
        rewarded += 1;
      }
      return due.length;
    });
    if (done < ROUND) return rewarded;
  }
}

/** The daily round: every organization with referrals whose qualifying period is over. */
export const REFERRAL_REWARDS_JOB = defineJob({
  name: 'loyalty.referral-rewards',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: async (ctx) => {
    const orgs = await ctx.db.asSystem((tx) => repo.orgsWithDueReferrals(tx, ctx.clock.now()));
    for (const orgId of orgs) await ctx.jobs.enqueue(REFERRAL_ORG_JOB, { orgId, payload: {} });
  },
});

/** One organization's due referrals. */
export const REFERRAL_ORG_JOB = defineJob({
  name: 'loyalty.referral-rewards-org',
  scope: 'org',
  payload: z.object({}),
  handle: async (ctx, _payload, job) => {
    await rewardDueReferrals(ctx, job.orgId);
  },
});

/** GET /ref/{code}: counts the visit; where to send the visitor (the company's site), if the code is known. */
export async function visitReferralLink(ctx: AppContext, rawCode: string) {
  const code = normalizeReferralCode(rawCode);
  if (!code) return undefined;
  const [orgId] = await ctx.db.asSystem((tx) => repo.orgsOfCode(tx, code));
  if (!orgId) return undefined;
  return ctx.db.withOrg(orgId, async (tx) => {
    await repo.recordVisit(tx, orgId, code, ctx.clock.now());
    const settings = await repo.findReferralSettings(tx, orgId);
    const org = await findOrgProfile(tx, orgId);
    return {
      code,
      org: org?.name ?? '',
      defaultLocale: org?.defaultLocale ?? null,
      landingUrl: settings.landingUrl,
    };
  });
}
