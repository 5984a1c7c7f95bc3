/**
 * The program's tiers: their settings (basis, window, downgrade policy, notices), the tiers with
 * their benefits and members, and what the profile shows of a customer's tier.
 */
import { decodeCursor, type PageQuery, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import * as repo from '../data/repo-tiers';
import type { TierSettings } from '../domain/tiers';

export type { LoyaltyTier, TierInput } from '../data/repo-tiers';

export const readTierSettings = (ctx: AppContext, orgId: string) =>
  ctx.db.withOrg(orgId, (tx) => repo.findTierSettings(tx, orgId));

/** Changes some settings; the next run of the tier job applies them. */
export async function changeTierSettings(ctx: AppContext, orgId: string, patch: Partial<TierSettings>) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const settings = { ...(await repo.findTierSettings(tx, orgId)), ...patch };
    await repo.saveTierSettings(tx, orgId, settings, ctx.clock.now());
    return settings;
  });
}

const clash = (field: 'code' | 'threshold', value: string | number) =>
  new AppError('conflict', `${field}: another tier has the ${field} ${value}`, [
    { field: `body.${field}`, message: `another tier has this ${field}` },
  ]);

/** A page of tiers from the lowest threshold, each with how many customers hold it. */
export async function listTiers(ctx: AppContext, orgId: string, page: PageQuery) {
  const position = decodeCursor(page.cursor, ['integer', 'uuid']);
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await repo.pageTiers(tx, orgId, page.limit, position);
    const members = await repo.membersPerTier(tx, orgId);
    const items = rows.map((t) => ({ ...t, members: members.get(t.code) ?? 0 }));
    return pageOf(items, page.limit, (t) => [t.threshold, t.id]);
  });
}

async function view(ctx: AppContext, orgId: string, tier: repo.LoyaltyTier) {
  const members = await ctx.db.withOrg(orgId, (tx) => repo.membersPerTier(tx, orgId));
  return { ...tier, members: members.get(tier.code) ?? 0 };
}

export async function createTier(ctx: AppContext, orgId: string, input: repo.TierInput) {
  const tier = await ctx.db.withOrg(orgId, async (tx) => {
    const other = await repo.findClash(tx, orgId, input);
    if (other)
      throw other.code === input.code ? clash('code', input.code) : clash('threshold', input.threshold);
    return repo.insertTier(tx, orgId, input, ctx.clock.now());
  });
  return view(ctx, orgId, tier);
}

export async function findTierView(ctx: AppContext, orgId: string, id: string) {
  const tier = await ctx.db.withOrg(orgId, (tx) => repo.findTier(tx, orgId, id));
  if (!tier) throw notFound('tier');
  return view(ctx, orgId, tier);
}

/** Changes a tier; a new code is carried over to the customers holding the old one. */
export async function changeTier(ctx: AppContext, orgId: string, id: string, patch: Partial<repo.TierInput>) {
  const tier = await ctx.db.withOrg(orgId, async (tx) => {
    const before = await repo.findTier(tx, orgId, id);
    if (!before) throw notFound('tier');
    const other = await repo.findClash(tx, orgId, patch, id);
    if (other)
      throw other.code === patch.code ? clash('code', patch.code) : clash('threshold', patch.threshold ?? 0);
    const after = await repo.updateTier(tx, orgId, id, patch, ctx.clock.now());
    if (patch.code && patch.code !== before.code)
      await repo.renameTierCode(tx, orgId, before.code, patch.code);
    return after!;
  });
  return view(ctx, orgId, tier);
}

/** Removes a tier; its members take what they qualify for at the next run of the tier job. */
export async function removeTier(ctx: AppContext, orgId: string, id: string) {
  if (!(await ctx.db.withOrg(orgId, (tx) => repo.deleteTier(tx, orgId, id)))) throw notFound('tier');
}
