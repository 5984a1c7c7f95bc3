import { StreamedBody } from '../../../http/streamed-body';
import { type App, principalOf } from '../../../http/types';
import { AppError } from '../../../lib/errors';
import type { ImportFormat } from '../domain/read-records';
import { type ImportKind, importStream } from '../use-cases/import-stream';
import { ZImportReportSchema } from './schemas';

const FORMATS: Record<string, ImportFormat> = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' };

/** Bulk imports over HTTP: CSV or NDJSON streamed in, written in batches, a per-row report out. */
export async function customerImportRoutes(app: App) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(Object.keys(FORMATS), (req, payload, done) =>
      // Parsed by the handler as it arrives, and fingerprinted on the way (the Idempotency-Key
      // check compares the whole content).
      done(null, new StreamedBody(payload, String(req.headers['content-type'] ?? ''))),
    );
    for (const kind of ['customers', 'events'] as ImportKind[]) {
      scope.post(
        `/api/v1/import/${kind}`,
        {
          config: { access: 'customers:write' },
          schema: {
            tags: ['customers'],
            summary: `Import ${kind} from a text/csv or application/x-ndjson body; refused rows are reported by line`,
            response: { 200: ZImportReportSchema },
          },
        },
        async (req) => {
          const mediaType = String(req.headers['content-type'] ?? '')
            .split(';')[0]
            .trim()
            .toLowerCase();
          const format = FORMATS[mediaType];
          if (!format || !(req.body instanceof StreamedBody)) {
            throw new AppError(
              'unsupported_media_type',
              'content-type: send text/csv or application/x-ndjson',
            );
          }
          return importStream(app.ctx, principalOf(req).orgId, kind, format, req.body.stream);
        },
      );
    }
  });
}
