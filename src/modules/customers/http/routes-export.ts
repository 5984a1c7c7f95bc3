import { csvExportAnswer, exportContext, sendCsvExport, ZExportQuery } from '../../../http/csv-export';
import { type App, principalOf } from '../../../http/types';
import { customerExportHeader, customerExportRows } from '../use-cases/export-customers';
import * as S from './schemas';

const ZExportCustomersQuery = S.ZListCustomersQuery.omit({ limit: true, cursor: true }).extend(
  ZExportQuery.shape,
);

/** The customer list as a CSV file: every customer of the filter, in the list's order. */
export async function customerExportRoutes(app: App) {
  const { ctx } = app;
  app.get(
    '/api/v1/exports/customers',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['customers'],
        summary: 'Export the customers of a filter as CSV, in a language’s words and formats',
        querystring: ZExportCustomersQuery,
        response: { 200: csvExportAnswer('The customers') },
      },
    },
    async (req, reply) => {
      const { locale, ...query } = req.query;
      const principal = principalOf(req);
      const x = await exportContext(ctx, principal, locale);
      return sendCsvExport(reply, {
        filename: 'customers',
        delimiter: x.formats.delimiter,
        header: customerExportHeader(x),
        rows: customerExportRows(ctx, principal.orgId, query, x),
      });
    },
  );
}
