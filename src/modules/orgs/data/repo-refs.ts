import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import type { Role } from '../domain/permissions';
import { orgs, users } from './tables';

// What other modules may read of an organization and its users, offered through the module's api.ts.

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

/** What other modules may know of a user: enough to assign work and write to them. */
export type UserRef = {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  team: string | null;
  disabledAt: Date | null;
};

const userRef = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  team: users.team,
  disabledAt: users.disabledAt,
};

export async function findUserRef(tx: Executor, orgId: string, userId: string): Promise<UserRef | undefined> {
  const [row] = await tx
    .select(userRef)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** Active users whose `team` is this name, in a stable order (round-robin walks it). */
export async function listTeamUsers(tx: Executor, orgId: string, team: string): Promise<UserRef[]> {
  return tx
    .select(userRef)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.team, team), isNull(users.disabledAt)))
    .orderBy(users.createdAt, users.id)
    .limit(1000);
}

/** Active owners: whom the instance tells when something in the organization's set-up breaks. */
export async function listOwners(tx: Executor, orgId: string): Promise<UserRef[]> {
  return tx
    .select(userRef)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'owner'), isNull(users.disabledAt)))
    .orderBy(users.createdAt)
    .limit(100);
}

/** Several users by id at once, keyed by id (an unknown id is simply absent). */
export async function findUserRefs(
  tx: Executor,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, UserRef>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await tx
    .select(userRef)
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A page of the active users holding one of these roles, in creation order. */
export async function pageUsersWithRoles(
  tx: Executor,
  orgId: string,
  roles: readonly Role[],
  limit: number,
  position?: readonly unknown[],
): Promise<(UserRef & { createdAt: Date })[]> {
  return tx
    .select({ ...userRef, createdAt: users.createdAt })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.role, [...roles]),
        isNull(users.disabledAt),
        after(byCreation(users), position),
      ),
    )
    .orderBy(...byCreation(users))
    .limit(limit + 1);
}
