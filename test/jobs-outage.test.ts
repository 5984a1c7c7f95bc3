import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../src/db/database';
import { defineJob, JobQueue } from '../src/jobs/queue';
import { ManualClock } from '../src/lib/clock';
import { createTestDatabase, ENGINES } from './helpers/db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A database that can be taken away: every transaction fails as a refused connection does. */
function unplugged(db: Database) {
  const state = { down: false };
  const refuse = () =>
    Promise.reject(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
        syscall: 'connect',
      }),
    );
  const flaky: Database = {
    ...db,
    withOrg: (orgId, fn) => (state.down ? refuse() : db.withOrg(orgId, fn)),
    asSystem: (fn) => (state.down ? refuse() : db.asSystem(fn)),
  };
  return { flaky, state };
}

type Line = { level: string; msg: string; obj: Record<string, unknown> };

function recordingLog(lines: Line[]): FastifyBaseLogger {
  const at = (level: string) => (obj: unknown, msg?: string) =>
    lines.push({ level, msg: msg ?? '', obj: (obj ?? {}) as Record<string, unknown> });
  const log = {
    level: 'info',
    fatal: at('fatal'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    silent: () => {},
    child: () => log,
  };
  return log as unknown as FastifyBaseLogger;
}

describe.each(ENGINES)('the job worker while the database is away, on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it('logs, backs off, and resumes the jobs once the database is back', async () => {
    const { flaky, state } = unplugged(db);
    const lines: Line[] = [];
    const queue = new JobQueue(flaky, new ManualClock(new Date('2020-01-01T00:00:00Z')), recordingLog(lines));
    const ran: number[] = [];
    const outage = defineJob({
      name: 'test.outage',
      scope: 'system',
      payload: z.object({ n: z.number() }),
      handle: async (_ctx: unknown, { n }) => ran.push(n),
    });
    queue.register(outage, undefined);
    await queue.enqueue(outage, { payload: { n: 1 } });

    state.down = true;
    queue.start(5);
    try {
      const refusals = () => lines.filter((l) => l.msg === 'job worker: database unavailable');
      for (let i = 0; i < 400 && refusals().length < 4; i++) await sleep(10);
      expect(refusals().length).toBeGreaterThanOrEqual(4);
      expect(ran).toEqual([]);
      expect(refusals().every((l) => l.level === 'warn' && l.obj.code === 'ECONNREFUSED')).toBe(true);
      // Each failed turn waits longer than the one before.
      const waits = refusals().map((l) => l.obj.retryInMs as number);
      expect(waits.slice(0, 4)).toEqual([10, 20, 40, 80]);
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);

      state.down = false;
      for (let i = 0; i < 400 && !ran.length; i++) await sleep(10);
      expect(ran).toEqual([1]);
      for (let i = 0; i < 100 && !lines.some((l) => l.msg === 'job worker resumed'); i++) await sleep(10);
      expect(lines.find((l) => l.msg === 'job worker resumed')?.level).toBe('info');
    } finally {
      await queue.stop();
    }
    const [row] = await db.queryOwner<{ status: string }>(
      `select status from jobs where name = 'test.outage'`,
    );
    expect(row.status).toBe('done');
  });
});
