import type { Readable } from 'node:stream';
import { type App, principalOf } from '../../http/types';
import { AppError } from '../../lib/errors';
import { type ImportKind, importStream } from './import/import-stream';
import type { ImportFormat } from './import/read-records';
import { ZImportReportSchema } from './schemas';

const FORMATS: Record<string, ImportFormat> = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' };

/**
 * The raw request stream, parsed by the handler as it arrives. The idempotency plugin hashes
 * bodies as JSON; a stream stands there for its type and length.
 */
class StreamedBody {
  constructor(
    readonly stream: Readable,
    private readonly described: string,
  ) {}
  toJSON() {
    return { streamed: this.described };
  }
}

/** Bulk imports over HTTP: CSV or NDJSON streamed in, written in batches, a per-row report out. */
export async function customerImportRoutes(app: App) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(Object.keys(FORMATS), (req, payload, done) =>
      done(
        null,
        new StreamedBody(payload, `${req.headers['content-type']};${req.headers['content-length'] ?? ''}`),
      ),
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
