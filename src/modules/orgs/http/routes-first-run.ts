import { RATE_LIMITS } from '../../../http/rate-limits';
import type { App } from '../../../http/types';
import { needsFirstRun, setUpFirstOrg } from '../use-cases/first-run';
import * as S from './schemas';

/** First run: the dashboard's set-up page asks whether it is needed, then creates the first organization. */
export async function firstRunRoutes(app: App) {
  const { db } = app.ctx;

  app.get(
    '/api/v1/setup',
    {
      config: { access: 'public', rateLimit: RATE_LIMITS.public },
      schema: {
        tags: ['admin'],
        summary: 'Whether the instance waits for its first organization',
        response: { 200: S.ZFirstRunStatusResponseSchema },
      },
    },
    async () => ({ needed: await needsFirstRun(db) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: {
        access: 'public',
        rateLimit: RATE_LIMITS.setup,
        problems: {
          401: 'the set-up token is not the one in the server’s log',
          409: 'the instance is already set up',
        },
      },
      schema: {
        tags: ['admin'],
        summary: 'Create the first organization and its owner with the set-up token from the server’s log',
        body: S.ZFirstRunRequestSchema,
        response: { 201: S.ZFirstRunResponseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await setUpFirstOrg(db, req.body)),
  );
}
