import type { AppContext } from '../../../http/types';
import { notFound } from '../../../lib/errors';
import * as repo from '../data/repo-accounts';

type OrganizationPatch = Parameters<typeof repo.updateOrg>[2];

/** The organization's own fields: name, base currency, time zone, default language. */
export async function readOrganization(ctx: AppContext, orgId: string) {
  const org = await ctx.db.withOrg(orgId, (tx) => repo.findOrg(tx, orgId));
  if (!org) throw notFound('organization');
  return org;
}

export async function changeOrganization(ctx: AppContext, orgId: string, patch: OrganizationPatch) {
  const org = await ctx.db.withOrg(orgId, (tx) => repo.updateOrg(tx, orgId, patch));
  if (!org) throw notFound('organization');
  return org;
}
