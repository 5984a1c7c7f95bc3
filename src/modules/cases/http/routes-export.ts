import { csvExportAnswer, exportContext, sendCsvExport, ZExportQuery } from '../../../http/csv-export';
import { type App, principalOf } from '../../../http/types';
import { invalid } from '../../../lib/errors';
import { caseExportHeader, caseExportRows } from '../use-cases/export-cases';
import * as S from './schemas';

const ZExportCasesQuery = S.ZListCasesQuery.omit({ limit: true, cursor: true }).extend(ZExportQuery.shape);

/** The case queue as a CSV file: every case of the queue's filter, in its order. */
export async function caseExportRoutes(app: App) {
  const { ctx } = app;
  app.get(
    '/api/v1/exports/cases',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        summary: 'Export the cases of a queue filter as CSV, in a language’s words and formats',
        querystring: ZExportCasesQuery,
        response: { 200: csvExportAnswer('The cases') },
      },
    },
    async (req, reply) => {
      const { locale, owner, team, location, ...query } = req.query;
      const principal = principalOf(req);
      if (owner === 'me' && !principal.userId)
        throw invalid('query.owner', '"me" needs a user session, not an API key');
      const x = await exportContext(ctx, principal, locale);
      return sendCsvExport(reply, {
        filename: 'cases',
        delimiter: x.formats.delimiter,
        header: caseExportHeader(x),
        rows: caseExportRows(
          ctx,
          principal.orgId,
          {
            ...query,
            ownerId: owner === 'me' ? principal.userId : owner,
            teamId: team,
            locationId: location,
          },
          x,
        ),
      });
    },
  );
}
