import { type PageQuery, pageByCreation } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import * as repo from '../data/repo-views';

export type { CaseViewInput } from '../data/repo-views';

/** The saved queue views `userId` may pick: their own and the shared ones. */
export const listCaseViews = (ctx: AppContext, orgId: string, userId: string | null, page: PageQuery) =>
  pageByCreation(page, (limit, position) =>
    ctx.db.withOrg(orgId, (tx) => repo.pageViews(tx, orgId, userId, limit, position)),
  );

/**
 * Saves the queue's filters under a name, for the user (an API key saves a view of the whole
 * organization, always shared). Saving a name the owner already has again changes that view,
 * so a retried save makes one view.
 */
export function saveCaseView(
  ctx: AppContext,
  orgId: string,
  userId: string | null,
  input: repo.CaseViewInput,
) {
  const view = { ...input, shared: userId ? input.shared : true };
  return ctx.db.withOrg(orgId, async (tx) => {
    const same = await repo.findViewByName(tx, orgId, userId, input.name);
    const now = ctx.clock.now();
    return same
      ? repo.updateView(tx, orgId, same.id, view, now)
      : repo.insertView(tx, orgId, userId, view, now);
  });
}

/** Changes a view; only its owner may (a shared view of someone else is 403, another's private one 404). */
export function changeCaseView(
  ctx: AppContext,
  orgId: string,
  userId: string | null,
  id: string,
  patch: Partial<repo.CaseViewInput>,
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const view = await ownView(tx, orgId, userId, id);
    if (patch.name && patch.name !== view.name && (await repo.findViewByName(tx, orgId, userId, patch.name)))
      throw new AppError('conflict', `name: a view named "${patch.name}" already exists`);
    // A view of no user (saved through a key) stays shared: the organization's.
    const { shared: _shared, ...unshareable } = patch;
    return repo.updateView(tx, orgId, id, userId ? patch : unshareable, ctx.clock.now());
  });
}

export function removeCaseView(ctx: AppContext, orgId: string, userId: string | null, id: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    await ownView(tx, orgId, userId, id);
    await repo.deleteView(tx, orgId, id);
  });
}

async function ownView(
  tx: Parameters<typeof repo.findView>[0],
  orgId: string,
  userId: string | null,
  id: string,
) {
  const view = await repo.findView(tx, orgId, id);
  if (!view || (view.userId !== userId && !view.shared)) throw notFound('view');
  if (view.userId !== userId)
    throw new AppError('forbidden', 'id: only the user who saved this view may change it');
  return view;
}
