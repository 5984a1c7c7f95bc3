import { decodeCursor, type PageQuery, pageByCreation, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { randomToken } from '../../../lib/crypto';
import { invalid, notFound } from '../../../lib/errors';
import { hostAddressOf, isPublicAddress } from '../../../lib/public-address';
import * as repo from '../data/repo-endpoints';

export const listWebhooks = (ctx: AppContext, orgId: string, page: PageQuery) =>
  pageByCreation(page, (limit, position) =>
    ctx.db.withOrg(orgId, (tx) => repo.listEndpoints(tx, orgId, limit, position)),
  );

export async function getWebhook(ctx: AppContext, orgId: string, id: string) {
  const endpoint = await ctx.db.withOrg(orgId, (tx) => repo.findEndpoint(tx, orgId, id));
  if (!endpoint) throw notFound('webhook');
  return endpoint;
}

/**
 * An endpoint named by a private, loopback or link-local address, or by localhost, is refused at
 * once unless the instance allows private targets; a host name is checked at each delivery, on
 * the addresses it resolves to then.
 */
function refusePrivateTarget(ctx: AppContext, url: string) {
  if (ctx.config.webhooksAllowPrivate) return;
  const host = new URL(url).hostname.toLowerCase();
  const address = hostAddressOf(url);
  if (host === 'localhost' || host.endsWith('.localhost') || (address && !isPublicAddress(address))) {
    throw invalid(
      'body.url',
      'points into a private, loopback or link-local network; an instance administrator can allow that with ORIENTIR_WEBHOOKS_ALLOW_PRIVATE=true',
    );
  }
}

/** A new endpoint with its signing secret, which is shown this once. */
export async function createWebhook(
  ctx: AppContext,
  orgId: string,
  input: { url: string; events: string[]; description: string },
) {
  refusePrivateTarget(ctx, input.url);
  const secret = `whsec_${randomToken(32)}`;
  const endpoint = await ctx.db.withOrg(orgId, async (tx) => {
    const id = await repo.insertEndpoint(tx, orgId, { ...input, secret }, ctx.clock.now());
    return (await repo.findEndpoint(tx, orgId, id))!;
  });
  return { ...endpoint, secret };
}

/** Enabling again forgets the failures that turned it off. */
export async function changeWebhook(
  ctx: AppContext,
  orgId: string,
  id: string,
  patch: Partial<{ url: string; events: string[]; description: string; enabled: boolean }>,
) {
  if (patch.url !== undefined) refusePrivateTarget(ctx, patch.url);
  return ctx.db.withOrg(orgId, async (tx) => {
    const endpoint = await repo.findEndpoint(tx, orgId, id);
    if (!endpoint) throw notFound('webhook');
    const revived = patch.enabled === true && !endpoint.enabled;
    await repo.updateEndpoint(tx, orgId, id, {
      ...patch,
      ...(revived ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null } : {}),
      ...(patch.enabled === false && endpoint.enabled
        ? { disabledAt: ctx.clock.now(), disabledReason: 'disabled by a user' }
        : {}),
      updatedAt: ctx.clock.now(),
    });
    return (await repo.findEndpoint(tx, orgId, id))!;
  });
}

export async function removeWebhook(ctx: AppContext, orgId: string, id: string) {
  const done = await ctx.db.withOrg(orgId, (tx) => repo.deleteEndpoint(tx, orgId, id));
  if (!done) throw notFound('webhook');
}

export async function listWebhookDeliveries(
  ctx: AppContext,
  orgId: string,
  id: string,
  page: { limit: number; cursor?: string },
) {
  const position = decodeCursor(page.cursor, ['instant', 'uuid']);
  const after = position ? { createdAt: new Date(position[0]), id: position[1] } : undefined;
  const rows = await ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findEndpoint(tx, orgId, id))) throw notFound('webhook');
    return repo.listDeliveries(tx, orgId, id, page.limit, after);
  });
  const out = pageOf(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: out.items.map((r) => ({ ...r, status: r.status as 'pending' })),
    nextCursor: out.nextCursor,
  };
}
