import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, JobQueue, NO_PAYLOAD } from '../src/jobs/queue';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';

/** A job of the tests: no context, a payload of its own, the handler given. */
const testJob = <S extends z.ZodType>(
  name: string,
  payload: S,
  handle: (payload: z.output<S>, job: { attempts: number }) => Promise<unknown>,
) => defineJob({ name, scope: 'system', payload, handle: (_ctx: unknown, p, job) => handle(p, job) });

const numbered = z.object({ n: z.number() });

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
    const flaky = testJob('test.flaky', numbered, async ({ n }, job) => {
      seen.push(`${n}:${job.attempts}`);
      if (failuresLeft-- > 0) throw new Error('temporary');
    });
    const broken = testJob('test.broken', NO_PAYLOAD, async () => {
      throw new Error('always');
    });
    jobs.register(flaky, undefined);
    jobs.register(broken, undefined);
    await jobs.enqueue(flaky, { payload: { n: 1 } });
    await jobs.enqueue(broken, { maxAttempts: 2 });
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
    const once = testJob('test.once', NO_PAYLOAD, async () => runs++);
    jobs.register(once, undefined);
    for (let i = 0; i < 3; i++) await jobs.enqueue(once, { dedupeKey: 'once-1' });
    await jobs.runDue();
    await jobs.enqueue(once, { dedupeKey: 'once-1' });
    await jobs.runDue();
    expect(runs).toBe(1);
  });

  it('runs again a job whose process died mid-run, once its lease lapses', async () => {
    const { db } = t.ctx;
    const clock = t.clock;
    const hang = testJob('test.crash', numbered, () => new Promise<void>(() => {}));
    await t.ctx.jobs.enqueue(hang, { payload: { n: 7 } });
    // A process claims the job and dies: its handler never returns.
    const dying = new JobQueue(db, clock);
    dying.register(hang, undefined);
    void dying.runDue();
    await new Promise((r) => setTimeout(r, 300));
    const survivor = new JobQueue(db, clock);
    const done: number[] = [];
    survivor.register(
      testJob('test.crash', numbered, async (_payload, job) => done.push(job.attempts)),
      undefined,
    );
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
    const tick = testJob('test.tick', NO_PAYLOAD, async () => runs++);
    for (const q of [first, second]) {
      q.register(tick, undefined);
      await q.schedule(tick, 60);
    }
    await first.runDue();
    await second.runDue();
    expect(runs).toBe(1);
    clock.advance(61_000);
    await second.runDue();
    await first.runDue();
    expect(runs).toBe(2);
  });

  it('fails a job whose payload its schema refuses at once, for good, and says why', async () => {
    const { jobs } = t.ctx;
    const seen: number[] = [];
    const strict = testJob('test.strict', numbered, async ({ n }) => seen.push(n));
    jobs.register(strict, undefined);
    // A payload written before the schema changed, or by hand: not what the handler expects.
    const id = await jobs.enqueue(strict, { payload: { n: 'seven' } as unknown as { n: number } });
    await jobs.runDue();
    expect(seen).toEqual([]);
    const [row] = await t.ctx.db.queryOwner<{ status: string; attempts: number; last_error: string }>(
      'select status, attempts, last_error from jobs where id = $1',
      [id],
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.last_error).toContain('test.strict: invalid payload');
    expect(row?.last_error).toContain('"n"');
  });

  it("checks at compile time that an organization's job has its organization and its payload", () => {
    const orgJob = defineJob({ name: 'test.org', scope: 'org', payload: numbered, handle: () => {} });
    const { jobs } = t.ctx;
    const compileOnly = () => {
      // @ts-expect-error an organization's job needs its organization
      void jobs.enqueue(orgJob, { payload: { n: 1 } });
      // @ts-expect-error the payload is the schema's
      void jobs.enqueue(orgJob, { orgId: 'o', payload: { n: 'one' } });
      // @ts-expect-error a job that takes a payload cannot go without it
      void jobs.enqueue(orgJob, { orgId: 'o' });
      // @ts-expect-error only a system job without a payload is scheduled
      void jobs.schedule(orgJob, 60);
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});
