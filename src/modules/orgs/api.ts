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
