import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { orgs } from './schema';

export type OrgProfile = { name: string; defaultLocale: string; timeZone: string; widgetSecret: string };

/** What other modules may read of an organization (surveys: its name, locale and widget secret). */
export async function findOrgProfile(tx: Executor, orgId: string): Promise<OrgProfile | undefined> {
  const [row] = await tx
    .select({
      name: orgs.name,
      defaultLocale: orgs.defaultLocale,
      timeZone: orgs.timeZone,
      widgetSecret: orgs.widgetSecret,
    })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return row;
}

/** Money, calendar and language defaults: what amounts are converted to and days are counted in. */
export type OrgLocaleSettings = { baseCurrency: string; timeZone: string; defaultLocale: string };

export async function findOrgLocaleSettings(tx: Executor, orgId: string): Promise<OrgLocaleSettings> {
  const [row] = await tx
    .select({ baseCurrency: orgs.baseCurrency, timeZone: orgs.timeZone, defaultLocale: orgs.defaultLocale })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  if (!row) throw new Error('organization of the transaction not found');
  return row;
}
