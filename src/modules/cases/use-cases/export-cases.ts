import type { ExportContext } from '../../../http/csv-export';
import type { AppContext } from '../../../http/types';
import type { CsvCell } from '../../../lib/csv';
import type { CaseFilters } from '../data/repo-cases';
import { listCasePage } from './read-cases';

type Item = Awaited<ReturnType<typeof listCasePage>>['items'][number];

const PAGE = 500;

/** The headings of the case queue's export, in the file's language: the queue's columns. */
export const caseExportHeader = (x: ExportContext) => [
  x.heading('cases.caseTitle'),
  x.heading('feedback.customer'),
  x.heading('cases.score'),
  x.heading('cases.comment'),
  x.heading('cases.priority'),
  x.heading('cases.status'),
  x.heading('customers.tier'),
  x.heading('cases.nextDue'),
  x.heading('cases.owner'),
  x.heading('teams.name'),
  x.heading('dimensions.location'),
  x.heading('cases.breached'),
  x.heading('cases.created'),
];

const cells = (x: ExportContext, c: Item): CsvCell[] => [
  c.title,
  c.customer ? (c.customer.name ?? c.customer.externalId) : '',
  c.score ? `${c.score.metric.toUpperCase()} ${x.formats.integer(c.score.value)}` : '',
  c.excerpt ?? '',
  x.names.priority(c.priority),
  x.names.caseStatus(c.status),
  x.names.tier(c.tier),
  x.formats.instant(c.nextDueAt),
  c.owner ? c.owner.name || c.owner.email : '',
  c.team?.name ?? '',
  c.location?.name ?? '',
  c.breached ? x.heading('cases.yes') : '',
  x.formats.instant(c.createdAt),
];

/** Every case of the queue's filter in the queue's order, a page at a time, as rows of the export. */
export async function* caseExportRows(
  ctx: AppContext,
  orgId: string,
  filters: Omit<CaseFilters, 'limit' | 'after'>,
  x: ExportContext,
): AsyncGenerator<CsvCell[][]> {
  let cursor: string | undefined;
  do {
    const page = await listCasePage(ctx, orgId, { ...filters, limit: PAGE, cursor }, { languages: x.locale });
    yield page.items.map((c) => cells(x, c));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
