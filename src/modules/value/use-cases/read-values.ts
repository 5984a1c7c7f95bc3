// What the API reads: the latest fit report, pages of customer values and their distribution.
import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import { mapExternalIds } from '../../customers/api';
import { findOrgLocaleSettings } from '../../orgs/api';
import { findLatestFit } from '../data/repo-fits';
import { countClvBuckets, countTiers, pageValues, summarizeClv, type ValueSort } from '../data/repo-values';

export function getLatestReport(ctx: AppContext, orgId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const fit = await findLatestFit(tx, orgId);
    if (!fit)
      throw new AppError('not_found', 'no value fit yet: start one with POST /api/v1/analytics/value/fit');
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    return { fitId: fit.id, fittedAt: fit.fittedAt, currency: baseCurrency, ...fit.report };
  });
}

export function listCustomerValues(
  ctx: AppContext,
  orgId: string,
  q: { sort: ValueSort; tier?: string; limit: number; cursor?: string },
) {
  const after = decodeCursor(q.cursor, ['integer', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await pageValues(tx, orgId, { sort: q.sort, tier: q.tier, limit: q.limit, after });
    const externalIds = await mapExternalIds(
      tx,
      orgId,
      rows.map((r) => r.customerId),
    );
    const byClv = q.sort.endsWith('clv');
    const page = pageOf(rows, q.limit, (r) => [byClv ? r.clvMinor : r.profitabilityMinor, r.customerId]);
    return {
      items: page.items.map(({ customerId, ...value }) => ({
        externalId: externalIds.get(customerId) ?? '',
        ...value,
      })),
      nextCursor: page.nextCursor,
    };
  });
}

export function getDistribution(ctx: AppContext, orgId: string, bins: number) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    const stats = await summarizeClv(tx, orgId);
    const tiers = (await countTiers(tx, orgId)).map((t) => ({
      ...t,
      share: stats.customers ? t.customers / stats.customers : 0,
    }));
    const histogram = stats.customers ? await buildHistogram(tx, orgId, stats, bins) : [];
    return {
      currency: baseCurrency,
      customers: stats.customers,
      scoredAt: stats.scoredAt,
      clv: {
        minMinor: stats.min,
        maxMinor: stats.max,
        meanMinor: stats.mean,
        p50Minor: stats.p50,
        p90Minor: stats.p90,
        p99Minor: stats.p99,
      },
      histogram,
      tiers,
    };
  });
}

/** Equal bins from the lowest value to the 99th percentile, and one more up to the highest. */
async function buildHistogram(
  tx: Parameters<typeof countClvBuckets>[0],
  orgId: string,
  stats: { customers: number; min: number; max: number; p99: number },
  bins: number,
) {
  const lo = stats.min;
  const hi = stats.p99 > lo ? stats.p99 : stats.max;
  if (!(hi > lo)) return [{ fromMinor: lo, toMinor: stats.max, customers: stats.customers }];
  const counts = new Map((await countClvBuckets(tx, orgId, lo, hi, bins)).map((b) => [b.bucket, b.count]));
  const width = (hi - lo) / bins;
  const histogram = Array.from({ length: bins }, (_, i) => ({
    fromMinor: lo + i * width,
    toMinor: i === bins - 1 ? hi : lo + (i + 1) * width,
    customers: counts.get(i + 1) ?? 0,
  }));
  const overflow = counts.get(bins + 1) ?? 0;
  if (overflow) histogram.push({ fromMinor: hi, toMinor: stats.max, customers: overflow });
  return histogram;
}
