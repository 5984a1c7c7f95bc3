import type { AppContext } from '../../../http/types';
import { randomToken } from '../../../lib/crypto';
import { findOrCreateInstanceSecret } from '../data/repo-settings';
import { deriveKey } from '../domain/tokens';

const keys = new WeakMap<AppContext, Promise<Buffer>>();

/**
 * The key that signs survey links and unsubscribe links: derived from ORIENTIR_SECRET, or from
 * an instance secret generated and stored in the database on first use when that is unset.
 */
export function surveyTokenKey(ctx: AppContext): Promise<Buffer> {
  let key = keys.get(ctx);
  if (!key) {
    key = loadSecret(ctx).then((secret) => deriveKey(secret, 'orientir/survey-tokens/v1'));
    key.catch(() => keys.delete(ctx));
    keys.set(ctx, key);
  }
  return key;
}

async function loadSecret(ctx: AppContext): Promise<string> {
  if (ctx.config.secret) return ctx.config.secret;
  return ctx.db.asSystem((tx) => findOrCreateInstanceSecret(tx, 'survey-signing', randomToken(32)));
}
