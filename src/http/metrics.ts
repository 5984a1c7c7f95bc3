import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { isConnectionError } from '../db/connection-errors';
import { safeEqual, sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { App } from './types';

/** Whether `header` is `Bearer <token>`; digests are compared, so the time taken tells nothing, not even the length. */
function bearerIs(header: string | undefined, token: string) {
  const sent = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1] ?? '';
  return safeEqual(sha256(sent), sha256(token));
}

/** Prometheus metrics at /metrics: request durations, pool use, job queue depth. */
export function registerMetrics(app: App) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'orientir_http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'orientir_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = app.ctx.db.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  const depth = new Gauge({
    name: 'orientir_job_queue_depth',
    help: 'Jobs queued or running',
    registers: [registry],
    async collect() {
      // With the database away the other metrics still matter most: this one is unknown (NaN).
      try {
        this.set(await app.ctx.jobs.depth());
      } catch (err) {
        if (!isConnectionError(err)) throw err;
        this.set(Number.NaN);
      }
    },
  });
  void pool;
  void depth;

  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  // With ORIENTIR_METRICS_TOKEN set, only its bearer reads them (they show load, pool and queue).
  const token = app.ctx.config.metricsToken;
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (token && !bearerIs(req.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError(
        'unauthorized',
        'metrics need the header Authorization: Bearer <ORIENTIR_METRICS_TOKEN>',
      );
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
