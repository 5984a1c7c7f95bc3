import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { formatDayNumber } from '../../../lib/day-number';
import { AppError, invalid, notFound } from '../../../lib/errors';
import { localDayOf } from '../../../lib/local-day';
import { lockCaseCustomerInTx, recordGoodwillOnCaseInTx } from '../../cases/api';
import { findCustomer, findCustomerByExternalId } from '../../customers/api';
import { findOrgLocaleSettings } from '../../orgs/api';
import { findCustomerValueScore } from '../../value/api';
import * as repo from '../data/repo-goodwill';
import { budgetRefusal, type GoodwillKind, periodStart } from '../domain/goodwill-budget';

/** The tier a customer without a value score is served in (as the closed loop's SLAs do). */
const UNSCORED_TIER = 'standard';

const today = (ctx: AppContext, timeZone: string) => formatDayNumber(localDayOf(ctx.clock.now(), timeZone));

/** Budgets by tier, each with what was granted in its current period. */
export async function listBudgets(ctx: AppContext, orgId: string, page: PageQuery) {
  const [lastTier] = decodeCursor(page.cursor, ['text']) ?? [];
  return ctx.db.withOrg(orgId, async (tx) => {
    const { timeZone, baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    const rows = await repo.pageBudgets(tx, orgId, page.limit, lastTier);
    const day = today(ctx, timeZone);
    const starts = new Map(rows.map((b) => [b.tier, periodStart(day, b.period)]));
    const spent = await repo.spentByTier(tx, orgId, starts);
    const items = rows.map((b) => ({
      ...b,
      currency: baseCurrency,
      currentPeriodStart: starts.get(b.tier)!,
      spentMinor: spent.get(b.tier)?.minor ?? 0,
      grants: spent.get(b.tier)?.grants ?? 0,
    }));
    return pageOf(items, page.limit, (b) => [b.tier]);
  });
}

export async function createBudget(ctx: AppContext, orgId: string, input: repo.BudgetInput) {
  await ctx.db.withOrg(orgId, async (tx) => {
    const id = await repo.insertBudget(tx, orgId, input, ctx.clock.now());
    if (!id)
      throw new AppError('conflict', `tier: the tier "${input.tier}" has a budget already`, [
        { field: 'body.tier', message: 'has a budget already' },
      ]);
  });
  return findBudgetView(ctx, orgId, input.tier);
}

export async function changeBudget(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<repo.BudgetInput>,
) {
  const tier = await ctx.db.withOrg(orgId, async (tx) => {
    const budget = await repo.findBudgetById(tx, orgId, id);
    if (!budget) throw notFound('goodwill budget');
    if (patch.tier && patch.tier !== budget.tier && (await repo.findBudget(tx, orgId, patch.tier)))
      throw new AppError('conflict', `tier: the tier "${patch.tier}" has a budget already`, [
        { field: 'body.tier', message: 'has a budget already' },
      ]);
    await repo.updateBudget(tx, orgId, id, patch, ctx.clock.now());
    return patch.tier ?? budget.tier;
  });
  return findBudgetView(ctx, orgId, tier);
}

export async function removeBudget(ctx: AppContext, orgId: string, id: string) {
  if (!(await ctx.db.withOrg(orgId, (tx) => repo.deleteBudget(tx, orgId, id))))
    throw notFound('goodwill budget');
}

async function findBudgetView(ctx: AppContext, orgId: string, tier: string) {
  const { items } = await listBudgets(ctx, orgId, { limit: 500 });
  return items.find((b) => b.tier === tier)!;
}

export type GrantInput = { kind: GoodwillKind; amountMinor: number; note: string | null };

/**
 * Grants a customer a gesture on their case, within the budget of their service tier for the
 * current period: the budget row is locked first, so concurrent grants take turns and the sum never
 * passes the pool or the cap per customer. Recorded on the case's timeline; counts in the customer's
 * cost to serve (a cost source of the value module); announced as `goodwill.granted`.
 */
export async function grantGoodwill(
  ctx: AppContext,
  orgId: string,
  caseId: string,
  input: GrantInput,
  userId: string | null,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const found = await lockCaseCustomerInTx(tx, orgId, caseId);
    if (!found) throw notFound('case');
    if (!found.customerId)
      throw new AppError('unprocessable', 'the case has no customer to grant goodwill to');
    const customer = await findCustomer(tx, orgId, found.customerId);
    if (!customer) throw notFound('customer');
    const tier = (await findCustomerValueScore(tx, orgId, found.customerId))?.tier ?? UNSCORED_TIER;
    const budget = await repo.findBudget(tx, orgId, tier, true);
    if (!budget)
      throw new AppError('unprocessable', `amountMinor: no goodwill budget is set for the tier "${tier}"`, [
        { field: 'body.amountMinor', message: `no goodwill budget is set for the tier "${tier}"` },
      ]);
    const { timeZone, baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    const start = periodStart(today(ctx, timeZone), budget.period);
    const spent = await repo.spentInPeriod(tx, orgId, tier, start, found.customerId);
    const refusal = budgetRefusal(budget, spent, input.amountMinor);
    if (refusal) {
      const message =
        refusal.limit === 'pool'
          ? `exceeds the ${budget.period}'s goodwill budget of the tier "${tier}": ${refusal.leftMinor} left`
          : `exceeds what one customer of the tier "${tier}" may get in a ${budget.period}: ${refusal.leftMinor} left`;
      throw new AppError('conflict', `amountMinor: ${message}`, [{ field: 'body.amountMinor', message }]);
    }
    const now = ctx.clock.now();
    const grant = await repo.insertGrant(tx, orgId, {
      caseId,
      customerId: found.customerId,
      tier,
      periodStart: start,
      kind: input.kind,
      amountMinor: input.amountMinor,
      note: input.note,
      grantedBy: userId,
      grantedAt: now,
    });
    await recordGoodwillOnCaseInTx(
      tx,
      orgId,
      caseId,
      {
        grantId: grant.id,
        kind: input.kind,
        amountMinor: input.amountMinor,
        currency: baseCurrency,
        note: input.note,
      },
      userId,
      now,
    );
    await ctx.bus.emit(tx, 'goodwill.granted', {
      orgId,
      grantId: grant.id,
      caseId,
      customerId: found.customerId,
      customerExternalId: customer.externalId,
      tier,
      kind: input.kind,
      amountMinor: input.amountMinor,
      currency: baseCurrency,
    });
    return { ...grant, currency: baseCurrency };
  });
}

/** Grants newest first, of a case or of a customer (by external id) or of everyone. */
export async function listGrants(
  ctx: AppContext,
  orgId: string,
  query: PageQuery & { caseId?: string; customerExternalId?: string },
) {
  const position = decodeCursor(query.cursor, ['instant', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    const { baseCurrency } = await findOrgLocaleSettings(tx, orgId);
    let customerId: string | undefined;
    if (query.customerExternalId) {
      customerId = (await findCustomerByExternalId(tx, orgId, query.customerExternalId))?.id;
      if (!customerId) throw invalid('query.customerExternalId', 'is not a customer of this organization');
    }
    const rows = await repo.pageGrants(
      tx,
      orgId,
      { caseId: query.caseId, customerId },
      query.limit,
      position,
    );
    const page = pageOf(rows, query.limit, (g) => [g.grantedAt.toISOString(), g.id]);
    return { ...page, items: page.items.map((g) => ({ ...g, currency: baseCurrency })) };
  });
}
