import type { Database } from '../../../db/database';
import type { Clock } from '../../../lib/clock';
import { randomToken, safeEqual, sha256 } from '../../../lib/crypto';
import { AppError } from '../../../lib/errors';
import * as repo from '../data/repo-setup';
import { slugFromName } from '../domain/slug';
import { createOrgInTx, prepareOrgCredentials } from './accounts';

export type FirstRunInput = {
  token: string;
  name: string;
  defaultLocale: string;
  baseCurrency: string;
  timeZone: string;
  ownerEmail: string;
  ownerPassword: string;
  ownerName?: string;
};

/** Whether the instance still waits for its first organization. */
export async function needsFirstRun(db: Database) {
  return !(await db.asSystem((tx) => repo.anyOrgExists(tx)));
}

/**
 * A one-time set-up token for the first organization, stored hashed; undefined once an
 * organization exists. Each server start issues one and prints it in its log.
 */
export async function issueSetupToken(db: Database, clock: Clock): Promise<string | undefined> {
  const token = randomToken(24);
  const issued = await db.asSystem(async (tx) => {
    await repo.lockFirstRun(tx);
    if (await repo.anyOrgExists(tx)) return false;
    await repo.insertSetupToken(tx, sha256(token), clock.now());
    return true;
  });
  return issued ? token : undefined;
}

/**
 * Creates the first organization and its owner with the password they chose, spending the
 * set-up token: 409 once any organization exists, 401 for a token that is not one issued.
 */
export async function setUpFirstOrg(db: Database, input: FirstRunInput) {
  const credentials = await prepareOrgCredentials(input);
  const presented = sha256(input.token);
  return db.asSystem(async (tx) => {
    await repo.lockFirstRun(tx);
    if (await repo.anyOrgExists(tx)) throw new AppError('conflict', 'the instance is already set up');
    const stored = await repo.takeSetupTokens(tx);
    // Every stored hash is compared, each in constant time: no early exit tells which came close.
    const fits = stored.reduce((found, hash) => safeEqual(hash, presented) || found, false);
    if (!fits) throw new AppError('unauthorized', 'token: the set-up token is wrong; see the server’s log');
    const created = await createOrgInTx(tx, { ...input, slug: slugFromName(input.name) }, credentials);
    return { orgId: created.orgId, slug: created.slug, ownerEmail: created.ownerEmail };
  });
}
