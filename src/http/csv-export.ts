import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { csvFormats } from '../i18n/csv-formats';
import { codeNames, dashboardText } from '../i18n/dashboard-catalogue';
import { LOCALES, type Locale, pickLocale } from '../i18n/locales';
import { type CsvCell, csvLine } from '../lib/csv';
import { findOrgLocaleSettings, findUserRef, type Principal } from '../modules/orgs/api';
import { mediaOf } from './openapi';
import type { AppContext } from './types';

/**
 * Every CSV export of the API works the same way: the whole filtered set, read page by page and
 * streamed as it is read, in one language's words and formats (`locale`, else the user's own
 * language, else the organization's), with a byte-order mark so spreadsheets read UTF-8.
 */
export const ZExportQuery = z.object({
  locale: z
    .enum(LOCALES)
    .optional()
    .describe(
      "the file's language, number and date formats; default the user's language, else the organization's",
    ),
});

/** The OpenAPI answer of an export route. */
export const csvExportAnswer = (what: string) =>
  mediaOf('text/csv', `${what}: every row of the filter, streamed, in the language's formats`);

/** What an export writes with: its language, formats, names of codes and headings, the organization's currency. */
export async function exportContext(ctx: AppContext, principal: Principal, requested?: Locale) {
  const { org, user } = await ctx.db.withOrg(principal.orgId, async (tx) => ({
    org: await findOrgLocaleSettings(tx, principal.orgId),
    user: principal.userId ? await findUserRef(tx, principal.orgId, principal.userId) : undefined,
  }));
  const locale = pickLocale(requested, user?.locale, org.defaultLocale);
  return {
    locale,
    baseCurrency: org.baseCurrency,
    formats: csvFormats(locale, org.timeZone),
    names: codeNames(locale),
    /** A column heading: the dashboard's words at `key`. */
    heading: (key: string) => dashboardText(locale, key) ?? key,
  };
}

export type ExportContext = Awaited<ReturnType<typeof exportContext>>;

/** Streams a CSV answer: the header line, then each batch of rows as `rows` yields it. */
export function sendCsvExport(
  reply: FastifyReply,
  o: { filename: string; delimiter: ',' | ';'; header: string[]; rows: AsyncIterable<CsvCell[][]> },
) {
  async function* lines() {
    yield `\uFEFF${csvLine(o.header, o.delimiter)}`;
    for await (const batch of o.rows) yield batch.map((cells) => csvLine(cells, o.delimiter)).join('');
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${o.filename}.csv"`)
    .send(Readable.from(lines()));
}
