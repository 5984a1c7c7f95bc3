import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { invalid, notFound } from '../../../lib/errors';
import { findOrgLocaleSettings } from '../../orgs/api';
import { deleteRate, listRates, type RateRow, upsertRates } from '../data/repo-rates';

/** Saves rates (a rate for the same currency and day replaces the old one); the base currency needs none. */
export function saveRates(ctx: AppContext, orgId: string, rates: RateRow[]) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    const i = rates.findIndex((r) => r.currency === baseCurrency);
    if (i >= 0)
      throw invalid(`body.rates.${i}.currency`, `is the base currency ${baseCurrency}; it needs no rate`);
    await upsertRates(tx, orgId, rates, ctx.clock.now());
    return { saved: rates.length };
  });
}

export function pageRates(ctx: AppContext, orgId: string, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, ['text', 'day']);
  return ctx.db.withOrg(orgId, async (tx) =>
    pageOf(await listRates(tx, orgId, page.limit, after), page.limit, (r) => [r.currency, r.validFrom]),
  );
}

export async function removeRate(ctx: AppContext, orgId: string, currency: string, validFrom: string) {
  const removed = await ctx.db.withOrg(orgId, (tx) => deleteRate(tx, orgId, currency, validFrom));
  if (!removed) throw notFound('exchange rate');
}
