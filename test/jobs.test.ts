import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/jobs/queue';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('durable job queue on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('runs a job, retries a failing one with backoff, and gives up after max attempts', async () => {
    const { jobs } = t.ctx;
    const seen: string[] = [];
    let failuresLeft = 2;
    jobs.register('test.flaky', async (job) => {
      seen.push(`${job.payload.n}:${job.attempts}`);
      if (failuresLeft-- > 0) throw new Error('temporary');
    });
    jobs.register('test.broken', async () => {
      throw new Error('always');
    });
    await jobs.enqueue({ name: 'test.flaky', payload: { n: 1 } });
    await jobs.enqueue({ name: 'test.broken', maxAttempts: 2 });
    await jobs.runDue();
    expect(seen).toEqual(['1:1']);
    await jobs.runDue();
    expect(seen).toEqual(['1:1']); // backoff: not due yet
    t.clock.advance(6_000);
    await jobs.runDue();
    expect(seen).toEqual(['1:1', '1:2']);
    t.clock.advance(11_000);
    await jobs.runDue();
    expect(seen).toEqual(['1:1', '1:2', '1:3']);
    const rows = await t.ctx.db.queryOwner<{ name: string; status: string; attempts: number }>(
      `select name, status, attempts from jobs where name like 'test.%' order by name`,
    );
    expect(rows).toEqual([
      { name: 'test.broken', status: 'failed', attempts: 2 },
      { name: 'test.flaky', status: 'done', attempts: 3 },
    ]);
  });

  it('stores a job with a dedupe key once, however often it is enqueued', async () => {
    const { jobs } = t.ctx;
    let runs = 0;
    jobs.register('test.once', async () => {
      runs++;
    });
    for (let i = 0; i < 3; i++) await jobs.enqueue({ name: 'test.once', dedupeKey: 'once-1' });
    await jobs.runDue();
    await jobs.enqueue({ name: 'test.once', dedupeKey: 'once-1' });
    await jobs.runDue();
    expect(runs).toBe(1);
  });

  it('runs again a job whose process died mid-run, once its lease lapses', async () => {
    const { db } = t.ctx;
    const clock = t.clock;
    await t.ctx.jobs.enqueue({ name: 'test.crash', payload: { n: 7 } });
    // A process claims the job and dies: its handler never returns.
    const dying = new JobQueue(db, clock);
    dying.register('test.crash', () => new Promise<void>(() => {}));
    void dying.runDue();
    await new Promise((r) => setTimeout(r, 300));
    const survivor = new JobQueue(db, clock);
    const done: number[] = [];
    survivor.register('test.crash', async (job) => {
      done.push(job.attempts);
    });
    await survivor.runDue();
    expect(done).toEqual([]); // still leased by the dead process
    clock.advance(6 * 60 * 1000);
    await survivor.runDue();
    expect(done).toEqual([2]);
  });

  it('enqueues scheduled jobs when due, once per interval, across processes', async () => {
    const { db } = t.ctx;
    const clock = t.clock;
    const first = new JobQueue(db, clock);
    const second = new JobQueue(db, clock);
    let runs = 0;
    for (const q of [first, second]) {
      q.register('test.tick', async () => {
        runs++;
      });
      await q.schedule('test.tick', 60);
    }
    await first.runDue();
    await second.runDue();
    expect(runs).toBe(1);
    clock.advance(61_000);
    await second.runDue();
    await first.runDue();
    expect(runs).toBe(2);
  });
});
