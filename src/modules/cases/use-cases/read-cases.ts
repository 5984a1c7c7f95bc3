import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { notFound } from '../../../lib/errors';
import {
  type CaseFilters,
  type CaseRow,
  findCase,
  listCases,
  listEscalations,
  listTimeline,
} from '../data/repo-cases';
import { presentCases, type Reader } from './present-cases';
import { findReplyRoute } from './reply-address';

/** Judged like the list's SQL: a target met late, or reached unmet (a paused clock stops at the pause). */
export function isBreached(c: CaseRow, now: Date): boolean {
  const clockAt = Math.min(now.getTime(), (c.pausedAt ?? now).getTime());
  const missed = (done: Date | null, due: Date) => (done ? done > due : due.getTime() <= clockAt);
  return missed(c.firstRespondedAt, c.firstResponseDueAt) || missed(c.resolvedAt, c.resolutionDueAt);
}

/** One case as the case page shows it: its timeline, escalations and where a reply goes, if anywhere. */
export async function getCaseDetail(ctx: AppContext, orgId: string, caseId: string, reader: Reader) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const c = await findCase(tx, orgId, caseId);
    if (!c) throw notFound('case');
    const route = await findReplyRoute(tx, orgId, c);
    const [shown] = await presentCases(
      tx,
      orgId,
      [{ row: c, breached: isBreached(c, ctx.clock.now()) }],
      reader,
    );
    return {
      ...shown,
      customerLocale: route.customerLocale,
      replyBlocked: route.obstacle,
      replyTo: route.address,
      timeline: await listTimeline(tx, orgId, caseId),
      escalations: await listEscalations(tx, orgId, caseId),
    };
  });
}

/** Cases changed or opened by a request, as the API answers them. */
export const presentCase = (ctx: AppContext, orgId: string, c: CaseRow, reader: Reader) =>
  ctx.db.withOrg(orgId, async (tx) => {
    const [shown] = await presentCases(
      tx,
      orgId,
      [{ row: c, breached: isBreached(c, ctx.clock.now()) }],
      reader,
    );
    return shown;
  });

export async function listCasePage(
  ctx: AppContext,
  orgId: string,
  filters: Omit<CaseFilters, 'after'> & { cursor?: string },
  reader: Reader,
) {
  const after = decodeCursor(filters.cursor, filters.sort === 'due' ? DUE_CURSOR : CREATED_CURSOR);
  return ctx.db.withOrg(orgId, async (tx) => {
    const rows = await listCases(tx, orgId, { ...filters, after }, ctx.clock.now());
    const page = pageOf(rows, filters.limit, ({ row }) =>
      filters.sort === 'due'
        ? [row.nextDueAt?.toISOString() ?? null, row.id]
        : [row.createdAt.toISOString(), row.id],
    );
    return { items: await presentCases(tx, orgId, page.items, reader), nextCursor: page.nextCursor };
  });
}

/** Cases by due time (none last) or by creation, then id. */
const DUE_CURSOR = ['instant?', 'uuid'] as const;
const CREATED_CURSOR = ['instant', 'uuid'] as const;
