import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type App, principalOf } from '../http/types';
import { notFound } from '../lib/errors';
import { jobs } from './schema';

const ZJobParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const ZJobStatusSchema = z.object({
  id: z.int(),
  name: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  attempts: z.int(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

/** The status of a job of the caller's organization (long API work answers with a job id). */
export function registerJobRoutes(app: App) {
  app.get(
    '/api/v1/jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['jobs'], params: ZJobParams, response: { 200: ZJobStatusSchema } },
    },
    async (req) => {
      const { orgId } = principalOf(req);
      const [row] = await app.ctx.db.withOrg(orgId, (tx) =>
        tx
          .select({
            id: jobs.id,
            name: jobs.name,
            status: jobs.status,
            attempts: jobs.attempts,
            createdAt: jobs.createdAt,
            finishedAt: jobs.finishedAt,
          })
          .from(jobs)
          .where(and(eq(jobs.orgId, orgId), eq(jobs.id, req.params.id))),
      );
      if (!row) throw notFound('job');
      return row as z.infer<typeof ZJobStatusSchema>;
    },
  );
}
