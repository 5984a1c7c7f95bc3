/** What referrals and offers hold about a customer: profile, export and erasure. */
import type { Executor } from '../../../db/database';
import type { CustomerExtension } from '../../customers/api';
import * as offers from '../data/repo-offers';
import * as repo from '../data/repo-referrals';

/** The customer's referrals: those they made (a page) and the one that brought them. */
async function referralsOf(tx: Executor, orgId: string, customerId: string, limit: number) {
  const made = (await repo.pageReferrals(tx, orgId, { referrerId: customerId }, limit)).slice(0, limit);
  const by = (await repo.referralsOfReferred(tx, orgId, [customerId])).get(customerId);
  const shape = (r: repo.ReferralRow) => ({
    id: r.id,
    status: r.status,
    reason: r.reason,
    claimedAt: r.claimedAt,
    rewardedAt: r.rewardedAt,
    points: r.referrerId === customerId ? r.referrerPoints : r.referredPoints,
  });
  return {
    code: (await repo.findCodeOf(tx, orgId, customerId))?.code ?? null,
    made: made.map(shape),
    referredBy: by ? shape(by) : null,
  };
}

async function exposuresOf(tx: Executor, orgId: string, customerId: string, limit: number) {
  return (await offers.customerExposures(tx, orgId, customerId, limit)).map((x) => ({
    offerId: x.offerId,
    name: x.name,
    kind: x.kind,
    heldOut: x.arm === 'holdout',
    channel: x.channel,
    exposedAt: x.exposedAt,
    items: x.items,
    taken: x.convertedAt !== null,
    takenAt: x.convertedAt,
    revenueMinor: x.revenueMinor,
  }));
}

/**
 * What referrals and offers hold about a customer: their code and referrals, the offers shown and
 * taken (profile, export). Erasure removes the code, so the link names nobody; referrals and
 * exposures stay as anonymous rows that the programme's figures count.
 */
export const referralOfferExtensions: CustomerExtension[] = [
  {
    name: 'referrals',
    profile: (tx, orgId, customerId) => referralsOf(tx, orgId, customerId, 10),
    export: (tx, orgId, customerId) => referralsOf(tx, orgId, customerId, 100_000),
    erase: (tx, orgId, customerId) => repo.deleteCode(tx, orgId, customerId),
  },
  {
    name: 'offers',
    profile: (tx, orgId, customerId) => exposuresOf(tx, orgId, customerId, 10),
    export: (tx, orgId, customerId) => exposuresOf(tx, orgId, customerId, 100_000),
  },
];

/** The profile's `referrals` section. */
export type ReferralProfileSection = Awaited<ReturnType<typeof referralsOf>>;
/** One entry of the profile's `offers` section. */
export type OfferProfileEntry = Awaited<ReturnType<typeof exposuresOf>>[number];
