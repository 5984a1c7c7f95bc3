import type { Database } from '../../db/database';
import type { Clock } from '../../lib/clock';
import { randomToken, safeEqual, sha256 } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import {
  type Permission,
  permissionsOfRole,
  permissionsOfScopes,
  type Role,
  type Scope,
} from './permissions';
import * as repo from './repo';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_MAX_FAILURES = 5;
const API_KEY_TOUCH_MS = 60 * 1000;

export type Principal = {
  orgId: string;
  kind: 'api_key' | 'session';
  /** The user behind a session; api keys have none. */
  userId?: string;
  apiKeyId?: string;
  role?: Role;
  permissions: Set<Permission>;
  csrfToken?: string;
};

export type CreateOrgInput = {
  name: string;
  slug: string;
  ownerEmail: string;
  baseCurrency?: string;
  timeZone?: string;
  defaultLocale?: string;
};

export type CreatedOrg = {
  orgId: string;
  slug: string;
  ownerEmail: string;
  ownerPassword: string;
  apiKey: string;
};

/** Instance set-up: the organization, its owner with a generated password, and an admin API key. */
export async function createOrg(db: Database, input: CreateOrgInput): Promise<CreatedOrg> {
  const ownerPassword = randomToken(18);
  const passwordHash = await hashPassword(ownerPassword);
  const key = newApiKey();
  return db.asSystem(async (tx) => {
    const existing = await repo.findUserByEmail(tx, input.ownerEmail);
    if (existing) throw new AppError('conflict', 'ownerEmail: a user with this e-mail already exists');
    const orgId = await repo.insertOrg(tx, {
      slug: input.slug,
      name: input.name,
      baseCurrency: input.baseCurrency ?? 'EUR',
      timeZone: input.timeZone ?? 'UTC',
      defaultLocale: input.defaultLocale ?? 'en',
      widgetSecret: randomToken(32),
    });
    if (!orgId)
      throw new AppError('conflict', `slug: an organization with slug "${input.slug}" already exists`);
    await repo.insertUser(tx, {
      orgId,
      email: input.ownerEmail,
      name: '',
      role: 'owner',
      passwordHash,
      locale: input.defaultLocale ?? 'en',
    });
    await repo.insertApiKey(tx, {
      orgId,
      name: 'initial',
      prefix: key.prefix,
      keyHash: key.hash,
      scopes: ['admin'],
    });
    return { orgId, slug: input.slug, ownerEmail: input.ownerEmail, ownerPassword, apiKey: key.secret };
  });
}

function newApiKey() {
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const secret = `ork_${prefix}_${randomToken(32)}`;
  return { prefix, secret, hash: sha256(secret) };
}

export async function createApiKey(
  db: Database,
  orgId: string,
  input: { name: string; scopes: Scope[]; createdBy?: string },
) {
  const key = newApiKey();
  const id = await db.withOrg(orgId, (tx) =>
    repo.insertApiKey(tx, {
      orgId,
      name: input.name,
      prefix: key.prefix,
      keyHash: key.hash,
      scopes: input.scopes,
      createdBy: input.createdBy,
    }),
  );
  return { id, name: input.name, scopes: input.scopes, prefix: key.prefix, apiKey: key.secret };
}

export async function revokeApiKey(db: Database, clock: Clock, orgId: string, id: string) {
  const done = await db.withOrg(orgId, (tx) => repo.revokeApiKey(tx, orgId, id, clock.now()));
  if (!done) throw notFound('api key');
}

/** Resolves `Authorization: Bearer ork_…`; records when the key was last used (at most once a minute). */
export async function authenticateApiKey(
  db: Database,
  clock: Clock,
  secret: string,
): Promise<Principal | null> {
  if (!secret.startsWith('ork_')) return null;
  const keyHash = sha256(secret);
  const row = await db.asSystem((tx) => repo.findApiKeyByHash(tx, keyHash));
  if (!row || !safeEqual(row.keyHash, keyHash)) return null;
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > API_KEY_TOUCH_MS) {
    await db.withOrg(row.orgId, (tx) => repo.touchApiKey(tx, row.orgId, row.id, now));
  }
  return {
    orgId: row.orgId,
    kind: 'api_key',
    apiKeyId: row.id,
    permissions: permissionsOfScopes(row.scopes),
  };
}

export async function authenticateSession(
  db: Database,
  clock: Clock,
  token: string,
): Promise<Principal | null> {
  const row = await db.asSystem((tx) => repo.findSession(tx, sha256(token), clock.now()));
  if (!row || row.disabledAt) return null;
  return {
    orgId: row.orgId,
    kind: 'session',
    userId: row.userId,
    role: row.role as Role,
    permissions: permissionsOfRole(row.role),
    csrfToken: row.csrfToken,
  };
}

/**
 * Logs a user in. Unknown e-mail and wrong password answer alike; five failures within
 * 15 minutes lock the address for 15 minutes whatever the password.
 */
export async function login(db: Database, clock: Clock, email: string, password: string) {
  const now = clock.now();
  const throttleKey = sha256(`login:${email.toLowerCase()}`);
  const throttle = await db.asSystem((tx) => repo.findThrottle(tx, throttleKey));
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    throw new AppError('rate_limited', 'too many failed logins; try again later');
  }
  const user = await db.asSystem((tx) => repo.findUserByEmail(tx, email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.disabledAt) {
    await db.asSystem((tx) =>
      repo.recordLoginFailure(
        tx,
        throttleKey,
        now,
        new Date(now.getTime() - LOGIN_WINDOW_MS),
        LOGIN_MAX_FAILURES,
        new Date(now.getTime() + LOGIN_WINDOW_MS),
      ),
    );
    throw new AppError('unauthorized', 'e-mail or password is wrong');
  }
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.asSystem(async (tx) => {
    await repo.clearThrottle(tx, throttleKey);
    await repo.insertSession(tx, {
      orgId: user.orgId,
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt,
    });
  });
  return { token, csrfToken, expiresAt, orgId: user.orgId, userId: user.id, role: user.role as Role };
}

export async function logout(db: Database, token: string) {
  await db.asSystem((tx) => repo.deleteSession(tx, sha256(token)));
}

export async function addUser(
  db: Database,
  orgId: string,
  input: { email: string; name?: string; role: Role; locale?: string; password?: string },
) {
  const password = input.password ?? randomToken(18);
  const passwordHash = await hashPassword(password);
  const id = await db.asSystem(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw new AppError('conflict', 'email: a user with this e-mail already exists');
    }
    return repo.insertUser(tx, {
      orgId,
      email: input.email,
      name: input.name ?? '',
      role: input.role,
      passwordHash,
      locale: input.locale ?? 'en',
    });
  });
  return { id, email: input.email, role: input.role, password };
}

/** Changing a role or disabling a user ends their sessions (they must log in again). */
export async function updateUser(
  db: Database,
  orgId: string,
  userId: string,
  patch: { role?: Role; name?: string; locale?: string; team?: string | null; disabled?: boolean },
  clock: Clock,
) {
  return db.withOrg(orgId, async (tx) => {
    const user = await repo.findUser(tx, orgId, userId);
    if (!user) throw notFound('user');
    if (user.role === 'owner' && patch.role && patch.role !== 'owner') {
      const owners = (await repo.listUsers(tx, orgId)).filter((u) => u.role === 'owner' && !u.disabledAt);
      if (owners.length <= 1) throw new AppError('conflict', 'role: the last owner cannot be demoted');
    }
    const { disabled, ...rest } = patch;
    await repo.updateUser(tx, orgId, userId, {
      ...rest,
      ...(disabled === undefined ? {} : { disabledAt: disabled ? clock.now() : null }),
    });
    if (patch.role || disabled) await repo.deleteUserSessions(tx, orgId, userId);
    return repo.findUser(tx, orgId, userId);
  });
}

export const getOrg = (db: Database, orgId: string) => db.withOrg(orgId, (tx) => repo.findOrg(tx, orgId));
export const listUsers = (db: Database, orgId: string) =>
  db.withOrg(orgId, (tx) => repo.listUsers(tx, orgId));
export const listApiKeys = (db: Database, orgId: string) =>
  db.withOrg(orgId, (tx) => repo.listApiKeys(tx, orgId));
