import type { ExportContext } from '../../../http/csv-export';
import type { AppContext } from '../../../http/types';
import type { CsvCell } from '../../../lib/csv';
import type { ValueSort } from '../data/repo-values';
import { listCustomerValues } from './read-values';

type Item = Awaited<ReturnType<typeof listCustomerValues>>['items'][number];

const PAGE = 1000;

/** The headings of the value export in the file's language; amounts in the base currency. */
export const valueExportHeader = (x: ExportContext) => {
  const money = (key: string) => `${x.heading(key)} (${x.baseCurrency})`;
  return [
    x.heading('customers.externalId'),
    x.heading('customers.tier'),
    money('value.clv'),
    x.heading('value.pAlive'),
    x.heading('value.expectedPurchases'),
    money('value.expectedSpend'),
    money('value.costToServe'),
    money('value.profitability'),
  ];
};

const cells = (x: ExportContext, v: Item): CsvCell[] => [
  v.externalId,
  x.names.tier(v.tier),
  { number: x.formats.money(v.clvMinor, x.baseCurrency) },
  { number: x.formats.share(v.aliveProbability) },
  { number: x.formats.decimal(v.expectedPurchases, 2) },
  { number: x.formats.money(v.expectedSpendMinor, x.baseCurrency) },
  { number: x.formats.money(v.costToServeMinor, x.baseCurrency) },
  { number: x.formats.money(v.profitabilityMinor, x.baseCurrency) },
];

/** Every scored customer of the filter in `sort` order, a page at a time, as rows of the export. */
export async function* valueExportRows(
  ctx: AppContext,
  orgId: string,
  q: { sort: ValueSort; tier?: string },
  x: ExportContext,
): AsyncGenerator<CsvCell[][]> {
  let cursor: string | undefined;
  do {
    const page = await listCustomerValues(ctx, orgId, { ...q, limit: PAGE, cursor });
    yield page.items.map((v) => cells(x, v));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
