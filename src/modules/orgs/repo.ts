import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import type { Role } from './permissions';
import { apiKeys, loginThrottle, orgs, sessions, users } from './schema';

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

export async function findUserByEmail(tx: Executor, email: string) {
  const [row] = await tx
    .select({
      orgId: users.orgId,
      id: users.id,
      passwordHash: users.passwordHash,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
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

export async function listUsers(tx: Executor, orgId: string) {
  return tx
    .select(userColumns)
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(users.createdAt)
    .limit(1000);
}

export async function updateUser(
  tx: Executor,
  orgId: string,
  userId: string,
  patch: Partial<{ role: Role; name: string; locale: string; team: string | null; disabledAt: Date | null }>,
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

export async function listApiKeys(tx: Executor, orgId: string) {
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
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(apiKeys.createdAt)
    .limit(1000);
}

export async function revokeApiKey(tx: Executor, orgId: string, id: string, now: Date) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row?.id;
}

export async function findThrottle(tx: Executor, key: string) {
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row;
}

/** Counts one failure atomically; a new window starts when the old one has passed. */
export async function recordLoginFailure(
  tx: Executor,
  key: string,
  now: Date,
  windowStartBefore: Date,
  maxFailures: number,
  lockUntil: Date,
) {
  await tx
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < ${windowStartBefore} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStartBefore} then ${now} else ${loginThrottle.windowStart} end`,
        lockedUntil: sql`case when ${loginThrottle.windowStart} >= ${windowStartBefore} and ${loginThrottle.failures} + 1 >= ${maxFailures} then ${lockUntil} else ${loginThrottle.lockedUntil} end`,
      },
    });
}

export async function clearThrottle(tx: Executor, key: string) {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

export async function purgeExpired(tx: Executor, now: Date) {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
  await tx
    .delete(loginThrottle)
    .where(or(lt(loginThrottle.lockedUntil, now), isNull(loginThrottle.lockedUntil)));
}

export async function updateOrg(
  tx: Executor,
  orgId: string,
  patch: Partial<{ name: string; baseCurrency: string; timeZone: string; defaultLocale: string }>,
) {
  if (Object.keys(patch).length) await tx.update(orgs).set(patch).where(eq(orgs.id, orgId));
  return findOrg(tx, orgId);
}
