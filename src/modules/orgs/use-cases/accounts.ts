import { type Database, type Executor, isUniqueViolation } from '../../../db/database';
import { type PageQuery, pageByCreation } from '../../../http/pagination';
import type { Clock } from '../../../lib/clock';
import { randomToken, safeEqual, sha256 } from '../../../lib/crypto';
import { AppError, notFound } from '../../../lib/errors';
import * as repo from '../data/repo-accounts';
import { reserveAttempt, settleAttempt } from '../domain/login-throttle';
import { assertMayAddUser, assertMayChangeUser, type UserActor } from '../domain/owner-rules';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../domain/passwords';
import type { Permission, Role, Scope } from '../domain/permissions';
import { permissionsOfRole, permissionsOfScopes } from './permission-matrix';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
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
  /** The owner's chosen password (first-run set-up); generated when absent. */
  ownerPassword?: string;
  ownerName?: string;
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
  const credentials = await prepareOrgCredentials(input);
  return db.asSystem((tx) => createOrgInTx(tx, input, credentials));
}

export type OrgCredentials = Awaited<ReturnType<typeof prepareOrgCredentials>>;

/** The owner's password and its hash, and the admin key: made before the transaction (hashing is slow). */
export async function prepareOrgCredentials(input: Pick<CreateOrgInput, 'ownerPassword'>) {
  const ownerPassword = input.ownerPassword ?? randomToken(18);
  return { ownerPassword, passwordHash: await hashPassword(ownerPassword), key: newApiKey() };
}

/** `createOrg` inside the caller's system transaction. */
export async function createOrgInTx(
  tx: Executor,
  input: CreateOrgInput,
  { ownerPassword, passwordHash, key }: OrgCredentials,
): Promise<CreatedOrg> {
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
    name: input.ownerName ?? '',
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
 * The language of the login page: stored on an account whose language was never chosen, so that
 * the dashboard and the e-mails follow it; `picked` when the user chose it there, which makes it
 * the account's choice.
 */
export type LoginLanguage = { locale: string; picked: boolean };

/**
 * Logs a user in. Unknown e-mail and wrong password answer alike; five failures within
 * 15 minutes lock the address for 15 minutes whatever the password (login-throttle.ts): the
 * attempt is reserved before the password is checked, so concurrent logins cannot outrun it,
 * and an unreadable throttle refuses the login. An address may have an account in several
 * organizations: the password picks the account, and `orgSlug` names one when it fits several.
 */
export async function login(
  db: Database,
  clock: Clock,
  email: string,
  password: string,
  orgSlug?: string,
  language?: LoginLanguage,
) {
  const throttleKey = sha256(`login:${email.toLowerCase()}`);
  const reservedAt = clock.now().getTime();
  const allowed = await db.asSystem(async (tx) => {
    const reserved = reserveAttempt(await repo.lockThrottle(tx, throttleKey, clock.now()), reservedAt);
    await repo.saveThrottle(tx, throttleKey, reserved.state, clock.now());
    return reserved.allowed;
  });
  if (!allowed) throw new AppError('rate_limited', 'too many failed logins; try again later');
  const settle = async (tx: Executor, ok: boolean) => {
    const now = clock.now();
    const state = await repo.lockThrottle(tx, throttleKey, now);
    await repo.saveThrottle(tx, throttleKey, settleAttempt(state, reservedAt, ok, now.getTime()), now);
  };

  const candidates = await db.asSystem((tx) => repo.findLoginCandidates(tx, email, orgSlug));
  // Every account of the address is checked; an address without one is checked against a dummy
  // hash, so the time taken does not tell whether it exists.
  const fits = await Promise.all(
    candidates.length
      ? candidates.map((c) => verifyPassword(c.passwordHash, password))
      : [
          dummyPasswordHash()
            .then((hash) => verifyPassword(hash, password))
            .then(() => false),
        ],
  );
  const opened = candidates.filter((c, i) => fits[i] && !c.disabledAt);
  if (opened.length === 0) {
    await db.asSystem((tx) => settle(tx, false));
    throw new AppError('unauthorized', 'e-mail or password is wrong');
  }
  if (opened.length > 1) {
    await db.asSystem((tx) => settle(tx, true));
    const message = 'this e-mail and password open several organizations: name one by its slug';
    throw new AppError('validation', `org: ${message}`, [{ field: 'body.org', message }]);
  }
  const user = opened[0];
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(clock.now().getTime() + SESSION_TTL_MS);
  await db.asSystem(async (tx) => {
    await settle(tx, true);
    await repo.insertSession(tx, {
      orgId: user.orgId,
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt,
    });
    if (language && (language.picked || !user.localeChosen)) {
      await repo.updateUser(tx, user.orgId, user.id, {
        locale: language.locale,
        ...(language.picked ? { localeChosen: true } : {}),
      });
    }
  });
  return { token, csrfToken, expiresAt, orgId: user.orgId, userId: user.id, role: user.role as Role };
}

export async function logout(db: Database, token: string) {
  await db.asSystem((tx) => repo.deleteSession(tx, sha256(token)));
}

/**
 * Who acts, read again under the organization's user-management lock: a session whose user was
 * disabled or lost users:manage meanwhile acts no more. No principal: the instance operator (CLI).
 */
async function actorOf(tx: Executor, orgId: string, principal?: Principal): Promise<UserActor> {
  if (!principal) return { kind: 'operator' };
  if (principal.kind === 'api_key' || !principal.userId) return { kind: 'api_key' };
  const user = await repo.findUser(tx, orgId, principal.userId);
  if (!user || user.disabledAt || !permissionsOfRole(user.role).has('users:manage')) {
    throw new AppError('forbidden', 'your account may no longer manage users');
  }
  return { kind: 'session', userId: user.id, role: user.role };
}

const duplicateEmail = () =>
  new AppError('conflict', 'email: a user with this e-mail already exists in this organization');

/**
 * Adds a user to one organization. An address is unique within it only, so whether it has an
 * account elsewhere changes nothing here, nor in the answer. Only an owner adds an owner.
 */
export async function addUser(
  db: Database,
  orgId: string,
  input: { email: string; name?: string; role: Role; locale?: string; password?: string },
  principal?: Principal,
) {
  const password = input.password ?? randomToken(18);
  const passwordHash = await hashPassword(password);
  try {
    const id = await db.withOrg(orgId, async (tx) => {
      await repo.lockOrgUsers(tx, orgId);
      assertMayAddUser(await actorOf(tx, orgId, principal), input.role);
      if (await repo.findUserIdByEmail(tx, orgId, input.email)) throw duplicateEmail();
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
  } catch (err) {
    throw isUniqueViolation(err, 'users_org_email_key') ? duplicateEmail() : err;
  }
}

/**
 * Changes a user; changing a role or disabling a user ends their sessions (they must log in
 * again). Changes of role and standing follow owner-rules.ts, decided under the organization's
 * user-management lock so that concurrent changes cannot leave it without an owner.
 */
export async function updateUser(
  db: Database,
  orgId: string,
  userId: string,
  patch: { role?: Role; name?: string; locale?: string; team?: string | null; disabled?: boolean },
  clock: Clock,
  principal?: Principal,
) {
  return db.withOrg(orgId, async (tx) => {
    await repo.lockOrgUsers(tx, orgId);
    const actor = await actorOf(tx, orgId, principal);
    const user = await repo.findUser(tx, orgId, userId);
    if (!user) throw notFound('user');
    const target = { id: user.id, role: user.role, disabled: user.disabledAt !== null };
    const { disabled, ...rest } = patch;
    const otherOwners = await repo.countOtherActiveOwners(tx, orgId, userId);
    assertMayChangeUser(actor, target, patch, otherOwners, permissionsOfRole);
    const standingChanges = disabled !== undefined && disabled !== target.disabled;
    await repo.updateUser(tx, orgId, userId, {
      ...rest,
      ...(standingChanges ? { disabledAt: disabled ? clock.now() : null } : {}),
    });
    if ((patch.role && patch.role !== target.role) || disabled)
      await repo.deleteUserSessions(tx, orgId, userId);
    return repo.findUser(tx, orgId, userId);
  });
}

/** The language a user chose for themselves in the dashboard: it wins over the browser's from now on. */
export async function chooseOwnLanguage(db: Database, p: Principal, locale: string) {
  if (!p.userId) throw new AppError('forbidden', 'locale: an API key has no language of its own');
  const userId = p.userId;
  await db.withOrg(p.orgId, (tx) => repo.updateUser(tx, p.orgId, userId, { locale, localeChosen: true }));
  return describeCaller(db, p);
}

/** The caller's organization and user (none for an API key). */
export function describeCaller(db: Database, p: Principal) {
  return db.withOrg(p.orgId, async (tx) => {
    const org = await repo.findOrg(tx, p.orgId);
    if (!org) throw notFound('organization');
    const user = p.userId ? await repo.findUser(tx, p.orgId, p.userId) : undefined;
    return { org, user: user ?? null };
  });
}

export const listUsers = (db: Database, orgId: string, page: PageQuery) =>
  pageByCreation(page, (limit, position) =>
    db.withOrg(orgId, (tx) => repo.listUsers(tx, orgId, limit, position)),
  );
export const listApiKeys = (db: Database, orgId: string, page: PageQuery) =>
  pageByCreation(page, (limit, position) =>
    db.withOrg(orgId, (tx) => repo.listApiKeys(tx, orgId, limit, position)),
  );
