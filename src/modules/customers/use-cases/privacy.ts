import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../http/types';
import { findOrgLocaleSettings } from '../../orgs/api';
import { findRfm } from '../data/repo-customers';
import { listCustomerEvents } from '../data/repo-events';
import { findStats, listStageHistory } from '../data/repo-lifecycle';
import { erasePersonalData } from '../data/repo-privacy';
import { customerExtensions } from './customer-extensions';
import { customerDto, findCustomerOrFail } from './profile';

/** Everything held about the person, this module's and every extension's, in one document. */
export function exportCustomer(ctx: AppContext, orgId: string, externalId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerOrFail(tx, orgId, externalId);
    const extensions: Record<string, unknown> = {};
    for (const ext of customerExtensions(ctx)) {
      if (ext.export) extensions[ext.name] = await ext.export(tx, orgId, customer.id);
    }
    return {
      exportedAt: ctx.clock.now(),
      customer: customerDto(customer),
      rfm:
        (await findRfm(
          tx,
          orgId,
          customer.id,
          ctx.clock.now(),
          (
            await findOrgLocaleSettings(tx, orgId)
          ).timeZone,
        )) ?? null,
      signals: (await findStats(tx, orgId, customer.id)) ?? null,
      stageHistory: await listStageHistory(tx, orgId, customer.id, Number.MAX_SAFE_INTEGER),
      events: await listCustomerEvents(tx, orgId, customer.id),
      ...extensions,
    };
  });
}

/**
 * Erases the person: every extension removes what it holds, then identifiers, contact data and
 * free data go. Events stay with their amounts under a pseudonymous customer, so counts and
 * totals stay right; the erasure is recorded without anything that identifies the person.
 */
export function eraseCustomer(ctx: AppContext, orgId: string, externalId: string) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = await findCustomerOrFail(tx, orgId, externalId);
    const extensions = customerExtensions(ctx).filter((ext) => ext.erase);
    for (const ext of extensions) await ext.erase!(tx, orgId, customer.id);
    await erasePersonalData(tx, orgId, {
      customerId: customer.id,
      externalId,
      pseudonym: `erased-${randomUUID()}`,
      now: ctx.clock.now(),
      extensionsErased: extensions.length,
    });
  });
}
