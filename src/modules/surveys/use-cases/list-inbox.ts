import type { z } from 'zod';
import { decodeCursor, pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { findCasesOfResponses, type ResponseCase } from '../../cases/api';
import { mapExternalIds } from '../../customers/api';
import { findOrgProfile } from '../../orgs/api';
import { findLocationNames } from '../../people/api';
import { type InboxRow, listInbox } from '../data/repo-inbox';
import type { ScoreBand } from '../domain/inbox';
import { inboxBound } from '../domain/inbox-period';
import type { ZInboxItem, ZInboxQuery } from '../http/schemas-inbox';

type InboxItem = z.infer<typeof ZInboxItem>;

function itemOf(
  row: InboxRow,
  externalIds: Map<string, string>,
  cases: Map<string, ResponseCase>,
  locations: Map<string, string>,
): InboxItem {
  const scores: InboxItem['scores'] = {};
  if (row.nps !== null) scores.nps = row.nps;
  if (row.csat !== null) scores.csat = row.csat;
  if (row.ces !== null) scores.ces = row.ces;
  return {
    id: row.id,
    surveyId: row.surveyId,
    surveyName: row.surveyName,
    customerExternalId: row.customerId ? (externalIds.get(row.customerId) ?? null) : null,
    channel: row.channel as InboxItem['channel'],
    touchpoint: row.touchpoint,
    location: row.locationId
      ? { id: row.locationId, name: locations.get(row.locationId) ?? row.locationId }
      : null,
    locale: row.locale,
    scores,
    comment: row.comment,
    answeredAt: row.answeredAt,
    case: cases.get(row.id) ?? null,
  };
}

/** A page of every survey's complete responses, filtered and sorted, with each customer's external id and case. */
export function listInboxPage(ctx: AppContext, orgId: string, q: z.output<typeof ZInboxQuery>) {
  const { cursor, band, from, to, ...filter } = q;
  const after = decodeCursor(cursor, ['text', 'instant', 'uuid']);
  if (after && !Number.isFinite(Number(after[0])))
    throw invalid('query.cursor', 'is not a cursor this API issued');
  return ctx.db.withOrg(orgId, async (tx) => {
    const org = await findOrgProfile(tx, orgId);
    if (!org) throw new Error('organization vanished while listing its inbox');
    const period = {
      from: from === undefined ? undefined : inboxBound(from, 'from', org.timeZone),
      to: to === undefined ? undefined : inboxBound(to, 'to', org.timeZone),
    };
    if (period.from && period.to && period.to <= period.from) throw invalid('query.to', 'must be after from');
    const rows = await listInbox(tx, orgId, {
      ...filter,
      ...period,
      band: band as ScoreBand | undefined,
      after,
    });
    const page = pageOf(rows, q.limit, (r) => [r.sortKey, r.answeredAt.toISOString(), r.id]);
    const externalIds = await mapExternalIds(
      tx,
      orgId,
      page.items.flatMap((r) => (r.customerId ? [r.customerId] : [])),
    );
    const cases = await findCasesOfResponses(
      tx,
      orgId,
      page.items.map((r) => r.id),
    );
    const locations = await findLocationNames(
      tx,
      orgId,
      page.items.flatMap((r) => (r.locationId ? [r.locationId] : [])),
    );
    return {
      items: page.items.map((r) => itemOf(r, externalIds, cases, locations)),
      nextCursor: page.nextCursor,
    };
  });
}
