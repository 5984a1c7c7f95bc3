import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { after, byCreation } from '../../../db/keyset';
import type { ThrottleState } from '../domain/login-throttle';
import type { Role } from '../domain/permissions';
import { apiKeys, loginThrottle, orgs, sessions, users } from './tables';

export type OrgRow = typeof orgs.$inferSelect;
export type NewOrg = Pick<
  OrgRow,
  'slug' | 'name' | 'baseCurrency' | 'timeZone' | 'defaultLocale' | 'widgetSecret'
>;

export async function insertOrg(tx: Executor, org: NewOrg) {
  const [row] = await tx
    .insert(orgs)
    .values({ ...org, settings: {} })
    .onConflictDoNothing()
    .returning({ id: orgs.id });
  return row?.id;
}

export async function findOrg(tx: Executor, orgId: string) {
  const [row] = await tx.select().from(orgs).where(eq(orgs.id, orgId));
  return row;
}

export async function updateOrgSettings(tx: Executor, orgId: string, settings: Record<string, unknown>) {
  await tx.update(orgs).set({ settings }).where(eq(orgs.id, orgId));
}

export async function insertUser(
  tx: Executor,
  user: { orgId: string; email: string; name: string; role: Role; passwordHash: string; locale: string },
) {
  const [row] = await tx.insert(users).values(user).returning({ id: users.id });
  return row.id;
}

/** Most accounts one address may open at a login (each costs a password hash check). */
const LOGIN_CANDIDATES_MAX = 20;

/**
 * The accounts an address has, in every organization or in the one of slug `orgSlug`:
 * a login opens the one its password fits. Oldest first.
 */
export async function findLoginCandidates(tx: Executor, email: string, orgSlug?: string) {
  return tx
    .select({
      orgId: users.orgId,
      id: users.id,
      passwordHash: users.passwordHash,
      role: users.role,
      localeChosen: users.localeChosen,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(
      and(
        sql`lower(${users.email}) = lower(${email})`,
        orgSlug === undefined ? undefined : eq(orgs.slug, orgSlug),
      ),
    )
    .orderBy(users.createdAt, users.id)
    .limit(LOGIN_CANDIDATES_MAX);
}

export async function findUserIdByEmail(tx: Executor, orgId: string, email: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), sql`lower(${users.email}) = lower(${email})`));
  return row?.id;
}

/**
 * Takes the organization's user-management lock until the transaction ends: changes of role and
 * standing take turns, so two owners demoting each other cannot both count the other as the
 * owner who remains. (`for no key update`: rows referencing the organization are not held up.)
 */
export async function lockOrgUsers(tx: Executor, orgId: string) {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('no key update');
}

/** Active owners of the organization other than `exceptUserId`. */
export async function countOtherActiveOwners(tx: Executor, orgId: string, exceptUserId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.role, 'owner'),
        isNull(users.disabledAt),
        ne(users.id, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  localeChosen: users.localeChosen,
  team: users.team,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

export async function findUser(tx: Executor, orgId: string, userId: string) {
  const [row] = await tx
    .select(userColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** A page of users, oldest first: `limit + 1` rows after the (created at, id) position. */
export async function listUsers(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  return tx
    .select(userColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), after(byCreation(users), position)))
    .orderBy(...byCreation(users))
    .limit(limit + 1);
}

export async function updateUser(
  tx: Executor,
  orgId: string,
  userId: string,
  patch: Partial<{
    role: Role;
    name: string;
    locale: string;
    localeChosen: boolean;
    team: string | null;
    disabledAt: Date | null;
  }>,
) {
  const [row] = await tx
    .update(users)
    .set(patch)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .returning({ id: users.id });
  return row?.id;
}

export async function insertSession(
  tx: Executor,
  s: { orgId: string; id: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await tx.insert(sessions).values(s);
}

export async function findSession(tx: Executor, id: string, now: Date) {
  const [row] = await tx
    .select({
      orgId: sessions.orgId,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.id, id), sql`${sessions.expiresAt} > ${now}`));
  return row;
}

export async function deleteSession(tx: Executor, id: string) {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(tx: Executor, orgId: string, userId: string) {
  await tx.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId)));
}

export async function insertApiKey(
  tx: Executor,
  key: { orgId: string; name: string; prefix: string; keyHash: string; scopes: string[]; createdBy?: string },
) {
  const [row] = await tx.insert(apiKeys).values(key).returning({ id: apiKeys.id });
  return row.id;
}

export async function findApiKeyByHash(tx: Executor, keyHash: string) {
  const [row] = await tx
    .select({
      orgId: apiKeys.orgId,
      id: apiKeys.id,
      keyHash: apiKeys.keyHash,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function touchApiKey(tx: Executor, orgId: string, id: string, now: Date) {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)));
}

/** A page of API keys, oldest first: `limit + 1` rows after the (created at, id) position. */
export async function listApiKeys(tx: Executor, orgId: string, limit: number, position?: [string, string]) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), after(byCreation(apiKeys), position)))
    .orderBy(...byCreation(apiKeys))
    .limit(limit + 1);
}

export async function revokeApiKey(tx: Executor, orgId: string, id: string, now: Date) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row?.id;
}

/** The throttle record of `key` (created empty when new), row-locked until the transaction ends. */
export async function lockThrottle(tx: Executor, key: string, now: Date): Promise<ThrottleState> {
  await tx
    .insert(loginThrottle)
    .values({ key, failedAt: [], pendingAt: [], updatedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select({
      failedAt: loginThrottle.failedAt,
      pendingAt: loginThrottle.pendingAt,
      lockedUntil: loginThrottle.lockedUntil,
    })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key))
    .for('update');
  return {
    failures: row.failedAt,
    pending: row.pendingAt,
    lockedUntil: row.lockedUntil ? row.lockedUntil.getTime() : null,
  };
}

export async function saveThrottle(tx: Executor, key: string, state: ThrottleState, now: Date) {
  await tx
    .update(loginThrottle)
    .set({
      failedAt: state.failures,
      pendingAt: state.pending,
      lockedUntil: state.lockedUntil === null ? null : new Date(state.lockedUntil),
      updatedAt: now,
    })
    .where(eq(loginThrottle.key, key));
}

/** Expired sessions, and throttle records untouched for a window with no lock left: they say nothing. */
export async function purgeExpired(tx: Executor, now: Date, throttleWindowMs: number) {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
  await tx
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.updatedAt, new Date(now.getTime() - throttleWindowMs)),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
      ),
    );
}

export async function updateOrg(
  tx: Executor,
  orgId: string,
  patch: Partial<{ name: string; baseCurrency: string; timeZone: string; defaultLocale: string }>,
) {
  if (Object.keys(patch).length) await tx.update(orgs).set(patch).where(eq(orgs.id, orgId));
  return findOrg(tx, orgId);
}
