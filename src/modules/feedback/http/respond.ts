import type { FastifyReply, FastifyRequest } from 'fastify';

/** CSV when asked by `format=csv`, or by `Accept: text/csv` unless `format=json` says otherwise. */
export function wantsCsv(req: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(req.headers.accept ?? '');
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}.csv"`)
    .send(csv);
}
