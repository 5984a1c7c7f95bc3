import { databaseErrorOf, type Executor } from '../../../db/database';
import { decodeCursor, encodeCursor } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { invalid, notFound } from '../../../lib/errors';
import { findOrgLocaleSettings } from '../../orgs/api';
import {
  type CustomerPatch,
  type CustomerRow,
  findCustomerRow,
  findRfm,
  updateCustomer,
} from '../data/repo-customers';
import { listTimeline } from '../data/repo-events';
import { findStats, listStageHistory } from '../data/repo-lifecycle';
import { customerExtensions } from './customer-extensions';

const HISTORY_LIMIT = 100;

/** The public shape of a customer: no internal id. */
export function customerDto({ id: _id, ...rest }: CustomerRow) {
  return rest;
}

export async function findCustomerOrFail(tx: Executor, orgId: string, externalId: string) {
  const row = await findCustomerRow(tx, orgId, externalId);
  if (!row) throw notFound('customer');
  return row;
}

/** Changes fields, owner or consent of a customer; an owner who is no user of the organization is a 400. */
export function changeCustomer(ctx: AppContext, orgId: string, externalId: string, patch: CustomerPatch) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const found = await findCustomerOrFail(tx, orgId, externalId);
    await updateCustomer(tx, orgId, found.id, patch, ctx.clock.now()).catch((err) => {
      if (databaseErrorOf(err)?.code === '23503') {
        throw invalid('body.ownerId', 'is not a user of this organization');
      }
      throw err;
    });
    return customerDto(await findCustomerOrFail(tx, orgId, externalId));
  });
}

/** Fields, stage and its history, RFM, the latest NPS, and one section per customer extension. */
export function getProfile(ctx: AppContext, orgId: string, externalId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerOrFail(tx, orgId, externalId);
    const [rfm, stats, stageHistory] = [
      await findRfm(
        tx,
        orgId,
        customer.id,
        ctx.clock.now(),
        (await findOrgLocaleSettings(tx, orgId)).timeZone,
      ),
      await findStats(tx, orgId, customer.id),
      await listStageHistory(tx, orgId, customer.id, HISTORY_LIMIT),
    ];
    const profile: Record<string, unknown> = {
      ...customerDto(customer),
      rfm: rfm ?? null,
      lastNps: stats?.lastNps ?? null,
      stageHistory,
    };
    for (const ext of customerExtensions(ctx)) {
      if (ext.profile && !(ext.name in profile))
        profile[ext.name] = await ext.profile(tx, orgId, customer.id);
    }
    return profile;
  });
}

/** Everything that happened to the customer, newest first. */
export function getTimeline(
  ctx: AppContext,
  orgId: string,
  externalId: string,
  page: { limit: number; cursor?: string },
) {
  const position = decodeCursor(page.cursor, ['instant', 'text', 'text']);
  const before = position ? { at: position[0], kind: position[1], id: position[2] } : undefined;
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerOrFail(tx, orgId, externalId);
    const rows = await listTimeline(tx, orgId, customer.id, page.limit, before);
    const items = rows.slice(0, page.limit).map(({ atKey: _k, ...item }) => item);
    const last = rows[page.limit - 1];
    return {
      items,
      nextCursor: rows.length > page.limit ? encodeCursor([last.atKey, last.kind, last.id]) : null,
    };
  });
}
