/** What tiers and rewards hold about a customer: the tier and its progress, redemptions (profile, export, erasure). */
import type { AppContext } from '../../../http/types';
import type { CustomerExtension } from '../../customers/api';
import { blankCancelReasons, pageRedemptions } from '../data/repo-rewards';
import { deleteNotices, listNotices, tierHistory } from '../data/repo-tiers';
import { tierProgressInTx } from './tier-engine';

const redemptionOf = (r: Awaited<ReturnType<typeof pageRedemptions>>[number]) => ({
  id: r.id,
  rewardId: r.rewardId,
  rewardName: r.rewardName,
  points: r.points,
  status: r.status,
  redeemedAt: r.redeemedAt,
  cancelledAt: r.cancelledAt,
  cancelReason: r.cancelReason,
});

export const tierCustomerExtensions = (ctx: AppContext): CustomerExtension[] => [
  {
    name: 'loyaltyTier',
    profile: async (tx, orgId, customerId) => {
      const progress = await tierProgressInTx(ctx, tx, orgId, customerId);
      if (!progress) return null;
      return { ...progress, history: await tierHistory(tx, orgId, customerId, 10) };
    },
    export: async (tx, orgId, customerId) => ({
      history: await tierHistory(tx, orgId, customerId, 100_000),
      notices: await listNotices(tx, orgId, customerId),
    }),
    // The tier history holds no personal data; the notices say whom the program wrote to.
    erase: (tx, orgId, customerId) => deleteNotices(tx, orgId, customerId),
  },
  {
    name: 'loyaltyRedemptions',
    profile: async (tx, orgId, customerId) =>
      (await pageRedemptions(tx, orgId, { customerId }, 10)).slice(0, 10).map(redemptionOf),
    export: async (tx, orgId, customerId) =>
      (await pageRedemptions(tx, orgId, { customerId }, 100_000)).map(redemptionOf),
    erase: (tx, orgId, customerId) => blankCancelReasons(tx, orgId, customerId),
  },
];
