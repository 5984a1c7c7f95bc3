import { type Executor, isUniqueViolation } from '../../../db/database';
import { retryOnConflict } from '../../../db/retry';
import type { AppContext } from '../../../http/types';
import { findOrgLocaleSettings } from '../../orgs/api';
import { type EventRow, insertEvents, type StoredEvent } from '../data/repo-events';
import { recordNpsSignals } from '../data/repo-lifecycle';
import { loadRateTimelines } from '../data/repo-rates';
import { convertMinor, type RateTimeline, rateAt } from '../domain/money';
import type { EventInput } from '../http/schemas';
import { refreshStagesOfArrivals } from './refresh-stages';

/** A refused row: its index in the batch, the field at fault and why. */
export type RowError = { index: number; field: string; message: string };

export type IngestResult = {
  stored: number;
  duplicates: number;
  customersCreated: number;
  errors: RowError[];
};

/**
 * Records a batch of events in one transaction: unknown customers are created, amounts are
 * converted to the base currency, ids already stored are skipped and stages follow.
 * With `partial`, rows whose amount cannot be converted are refused and the others stored;
 * otherwise any such row refuses the whole batch (the errors come back, nothing is written).
 */
export async function ingestEvents(
  ctx: AppContext,
  orgId: string,
  inputs: EventInput[],
  { partial = false } = {},
): Promise<IngestResult> {
  // New ids are the rule: the batch goes in without a conflict check, and only a batch that
  // meets a stored id (a retry) runs again with it. A transaction the database aborted (a
  // deadlock victim, which the lock order should make rare) runs again whole.
  return retryOnConflict(async () => {
    try {
      return await ingestOnce(ctx, orgId, inputs, { partial, idsAreNew: true });
    } catch (err) {
      if (!isUniqueViolation(err, 'events_pkey')) throw err;
      return ingestOnce(ctx, orgId, inputs, { partial, idsAreNew: false });
    }
  });
}

function ingestOnce(
  ctx: AppContext,
  orgId: string,
  inputs: EventInput[],
  { partial, idsAreNew }: { partial: boolean; idsAreNew: boolean },
): Promise<IngestResult> {
  return ctx.db.withOrg(orgId, async (tx) => {
    const org = await findOrgLocaleSettings(tx, orgId);
    const currencies = [...new Set(inputs.map((e) => e.currency).filter((c) => c && c !== org.baseCurrency))];
    const rates = await loadRateTimelines(tx, orgId, currencies as string[], org.timeZone);
    const { rows, errors } = toEventRows(inputs, org.baseCurrency, rates);
    if (errors.length && !partial) return { stored: 0, duplicates: 0, customersCreated: 0, errors };
    const { stored, customersCreated } = await storeEvents(ctx, tx, orgId, rows, { idsAreNew });
    return { stored, duplicates: rows.length - stored, customersCreated, errors };
  });
}

/**
 * The rows to store, amounts converted to the base currency; a row whose currency has no rate in
 * force at its time is refused. One pass and no copies: a batch holds up to 10,000 events.
 */
function toEventRows(inputs: EventInput[], baseCurrency: string, rates: Map<string, RateTimeline>) {
  const rows: EventRow[] = [];
  const errors: RowError[] = [];
  for (let index = 0; index < inputs.length; index++) {
    const e = inputs[index];
    const occurredAt = new Date(e.occurredAt);
    const currency = e.amount === undefined ? null : (e.currency ?? baseCurrency);
    let amountBaseMinor = e.amount ?? null;
    if (e.amount !== undefined && currency !== baseCurrency) {
      const rate = rateAt(rates.get(currency as string), occurredAt.getTime());
      if (!rate) {
        errors.push({
          index,
          field: 'currency',
          message: `no ${currency} to ${baseCurrency} exchange rate valid on ${e.occurredAt.slice(0, 10)}; add one under /api/v1/exchange-rates`,
        });
        continue;
      }
      amountBaseMinor = convertMinor(e.amount, currency as string, baseCurrency, rate.rate);
      if (!Number.isSafeInteger(amountBaseMinor)) {
        errors.push({ index, field: 'amount', message: `is too large once converted to ${baseCurrency}` });
        continue;
      }
    }
    rows.push({
      id: e.id,
      customerExternalId: e.customerExternalId,
      type: e.type,
      occurredAt,
      amountMinor: e.amount ?? null,
      currency,
      amountBaseMinor,
      channel: e.channel ?? null,
      touchpoint: e.touchpoint ?? null,
      data: e.items ? { ...e.data, items: e.items } : (e.data ?? {}),
    });
  }
  return { rows, errors };
}

/**
 * Stores events (customers named by a new external id are created) and lets the rest of the
 * system know: `customer.created`, NPS answers of survey_response events, the stages of the
 * customers touched, then `event.recorded` for each new event — after the stages, so a rule
 * that looks at a customer's stage sees the stage this event brought. The one place a survey
 * answer reaches a customer's signals and stage. Counts what was new.
 */
export async function storeEvents(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  rows: EventRow[],
  options: { idsAreNew?: boolean } = {},
) {
  if (!rows.length) return { stored: 0, customersCreated: 0 };
  const { stored, created } = await insertEvents(tx, orgId, rows, ctx.clock.now(), options);
  await ctx.bus.emitMany(
    tx,
    'customer.created',
    created.map((c) => ({ orgId, customerId: c.id, externalId: c.externalId })),
  );
  await recordNpsSignals(tx, orgId, stored.filter(isSurveyResponse).map(npsSignalOf));
  await refreshStagesOfArrivals(ctx, tx, orgId, stored);
  await ctx.bus.emitMany(
    tx,
    'event.recorded',
    stored.map((e) => ({
      orgId,
      customerId: e.customerId,
      eventId: e.id,
      type: e.type,
      occurredAt: e.occurredAt,
      amountMinor: e.amountBaseMinor ?? e.amountMinor,
      channel: e.channel,
      touchpoint: e.touchpoint,
      data: e.data,
    })),
  );
  return { stored: stored.length, customersCreated: created.length };
}

const isSurveyResponse = (e: StoredEvent) => e.type === 'survey_response';
const npsSignalOf = (e: StoredEvent) => ({
  customerId: e.customerId,
  nps: typeof e.data.nps === 'number' ? e.data.nps : null,
  at: e.occurredAt,
});
