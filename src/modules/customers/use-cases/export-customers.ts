import type { ExportContext } from '../../../http/csv-export';
import type { AppContext } from '../../../http/types';
import type { CsvCell } from '../../../lib/csv';
import { type CustomerListQuery, listCustomerPage } from './list-customers';

type Item = Awaited<ReturnType<typeof listCustomerPage>>['items'][number];

const PAGE = 1000;

/** The headings of the customer export, in the file's language; value in the base currency. */
export const customerExportHeader = (x: ExportContext) => [
  x.heading('customers.externalId'),
  x.heading('customers.name'),
  x.heading('customers.email'),
  x.heading('customers.phone'),
  x.heading('customers.stage'),
  x.heading('customers.segment'),
  x.heading('customers.tier'),
  `${x.heading('customers.clv')} (${x.baseCurrency})`,
  x.heading('customers.aliveProbability'),
  x.heading('customers.recency'),
  x.heading('customers.since'),
];

const cells = (x: ExportContext, c: Item): CsvCell[] => [
  c.externalId,
  c.name ?? '',
  c.email ?? '',
  c.phone ?? '',
  x.names.stage(c.lifecycleStage),
  x.names.segment(c.segment),
  x.names.tier(c.serviceTier),
  { number: x.formats.money(c.clvMinor, c.currency) },
  { number: x.formats.share(c.aliveProbability) },
  x.formats.day(c.lastPurchaseOn),
  x.formats.dayOf(c.since),
];

/** Every customer of the filter in the list's order, a page at a time, as rows of the export. */
export async function* customerExportRows(
  ctx: AppContext,
  orgId: string,
  query: Omit<CustomerListQuery, 'limit' | 'cursor'>,
  x: ExportContext,
): AsyncGenerator<CsvCell[][]> {
  let cursor: string | undefined;
  do {
    const page = await listCustomerPage(ctx, orgId, { ...query, limit: PAGE, cursor });
    yield page.items.map((c) => cells(x, c));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
