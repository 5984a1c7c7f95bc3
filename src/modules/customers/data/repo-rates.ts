import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../db/database';
import type { RateTimeline } from '../domain/money';
import { exchangeRates } from './tables';

export type RateRow = { currency: string; validFrom: string; rate: number };

export async function upsertRates(tx: Executor, orgId: string, rates: RateRow[], now: Date) {
  const json = JSON.stringify(
    rates.map((r) => ({ currency: r.currency, valid_from: r.validFrom, rate: r.rate })),
  );
  await tx.execute(sql`
    insert into exchange_rates as x (org_id, currency, valid_from, rate, created_at)
    select distinct on (r.currency, r.valid_from) ${orgId}::uuid, r.currency, r.valid_from, r.rate, ${now}::timestamptz
      from json_to_recordset(${json}::json) as r(currency text, valid_from date, rate numeric)
    on conflict (org_id, currency, valid_from) do update set rate = excluded.rate`);
}

export async function deleteRate(tx: Executor, orgId: string, currency: string, validFrom: string) {
  const rows = await tx
    .delete(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, orgId),
        eq(exchangeRates.currency, currency),
        eq(exchangeRates.validFrom, validFrom),
      ),
    )
    .returning({ currency: exchangeRates.currency });
  return rows.length > 0;
}

/** A page of rates in (currency, validFrom) order. */
export async function listRates(tx: Executor, orgId: string, limit: number, after?: [string, string]) {
  const rows = await tx
    .select({
      currency: exchangeRates.currency,
      validFrom: exchangeRates.validFrom,
      rate: exchangeRates.rate,
    })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, orgId),
        after
          ? or(
              gt(exchangeRates.currency, after[0]),
              and(eq(exchangeRates.currency, after[0]), gt(exchangeRates.validFrom, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.validFrom))
    .limit(limit + 1);
  return rows.map((r) => ({ ...r, rate: Number(r.rate) }));
}

/** Rates of the given currencies, each with the instant it takes effect in the organization's time zone. */
export async function loadRateTimelines(
  tx: Executor,
  orgId: string,
  currencies: string[],
  timeZone: string,
): Promise<Map<string, RateTimeline>> {
  const timelines = new Map<string, RateTimeline>();
  if (!currencies.length) return timelines;
  const result = await tx.execute(sql`
    select currency::text, to_char(valid_from, 'YYYY-MM-DD') as "validFrom", rate::float8 as rate,
           (extract(epoch from (valid_from::timestamp at time zone ${timeZone})) * 1000)::float8 as "fromMs"
      from exchange_rates
     where org_id = ${orgId}::uuid
       and currency in (select value from json_array_elements_text(${JSON.stringify(currencies)}::json))
     order by currency, valid_from`);
  for (const r of rowsOf<{ currency: string; validFrom: string; rate: number; fromMs: number }>(result)) {
    const list = timelines.get(r.currency) ?? [];
    list.push({ fromMs: Number(r.fromMs), rate: Number(r.rate), validFrom: r.validFrom });
    timelines.set(r.currency, list);
  }
  return timelines;
}
