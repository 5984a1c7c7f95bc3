import { pendingMigrations } from '../db/migrate';
import type { App } from './types';

export function registerHealth(app: App) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  /** Ready when the database answers and every migration is applied. */
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await app.ctx.db.queryOwner('select 1');
      const pending = await pendingMigrations(app.ctx.db);
      if (pending.length) return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
}
