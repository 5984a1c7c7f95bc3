import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { connectionFailure, isConnectionError } from '../db/connection-errors';
import type { Database, Executor } from '../db/database';
import type { AppContext } from '../http/types';
import type { Clock } from '../lib/clock';
import { jobSchedules, jobs } from './schema';

/** A job of one organization (it always carries its organization) or of the whole system. */
export type JobScope = 'org' | 'system';

/** The stored job as its handler sees it: an org job's organization is never missing. */
export type JobRun<S extends JobScope = JobScope> = {
  id: number;
  name: string;
  orgId: S extends 'org' ? string : null;
  attempts: number;
};

/**
 * A kind of job, defined once: its name, the zod schema of its payload and its handler. `In` is
 * what enqueueing takes (checked at compile time), `Out` what the handler receives, parsed.
 */
export interface JobDefinition<S extends JobScope = JobScope, In = unknown, Out = unknown, C = AppContext> {
  name: string;
  scope: S;
  payload: z.ZodType<Out, In>;
  handle: (ctx: C, payload: Out, job: JobRun<S>) => Promise<unknown> | unknown;
}

/** Any job, whatever its payload: what lists of jobs and the queue's methods take. */
export type AnyJob<C = AppContext> = {
  name: string;
  scope: JobScope;
  payload: z.ZodType;
  handle: (ctx: C, payload: any, job: any) => Promise<unknown> | unknown;
};

export function defineJob<S extends JobScope, Schema extends z.ZodType, C = AppContext>(definition: {
  name: string;
  scope: S;
  payload: Schema;
  handle: (ctx: C, payload: z.output<Schema>, job: JobRun<S>) => Promise<unknown> | unknown;
}): JobDefinition<S, z.input<Schema>, z.output<Schema>, C> {
  return definition as JobDefinition<S, z.input<Schema>, z.output<Schema>, C>;
}

/** The payload of a job that needs none (every scheduled job). */
export const NO_PAYLOAD = z.object({});

/** A system job that enqueues `job` for each organization `orgs` lists (a scheduled run over all of them). */
export function defineFanOutJob(
  name: string,
  orgs: (tx: Executor) => Promise<string[]>,
  job: AnyJob & { scope: 'org' },
  options: { maxAttempts?: number } = {},
) {
  return defineJob({
    name,
    scope: 'system',
    payload: NO_PAYLOAD,
    handle: async (ctx) => {
      const orgIds = await ctx.db.asSystem(orgs);
      for (const orgId of orgIds) await ctx.jobs.enqueue(job, { orgId, ...options });
    },
  });
}

/** How a job is enqueued: an org job names its organization; the payload is its schema's input. */
export type EnqueueOptions<S extends JobScope, In> = (S extends 'org'
  ? { orgId: string }
  : { orgId?: undefined }) &
  (Record<string, never> extends In ? { payload?: In } : { payload: In }) & {
    runAt?: Date;
    /** A job with the same key is stored once, ever: a retried enqueue cannot duplicate it. */
    dedupeKey?: string;
    maxAttempts?: number;
  };

/** A failure that no retry can mend (a payload its schema refuses): the job fails at once. */
class PermanentJobError extends Error {}

/** A job as stored in the queue. */
type StoredJob = {
  id: number;
  name: string;
  orgId: string | null;
  payload: unknown;
  attempts: number;
};

const LEASE_MS = 5 * 60 * 1000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 60 * 60 * 1000;
/** The longest the worker waits between turns while they keep failing. */
const WORKER_BACKOFF_MAX_MS = 60 * 1000;

export const backoffMs = (attempts: number) =>
  Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));

/**
 * A durable queue in the database, the same on PGlite and PostgreSQL. A claimed job holds a
 * lease; a process that dies mid-job lets the lease lapse and the job runs again.
 */
export class JobQueue {
  private handlers = new Map<string, (job: StoredJob) => Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    public log?: FastifyBaseLogger,
  ) {}

  /** Runs `job` with `context` whenever one of its kind is due; its payload is parsed first. */
  register<C>(job: AnyJob<C>, context: C) {
    this.handlers.set(job.name, async (stored) => {
      if (job.scope === 'org' && !stored.orgId)
        throw new PermanentJobError(`${job.name}: an organization's job stored without its organization`);
      const parsed = job.payload.safeParse(stored.payload);
      if (!parsed.success)
        throw new PermanentJobError(`${job.name}: invalid payload: ${parsed.error.message}`);
      return job.handle(context, parsed.data, {
        id: stored.id,
        name: stored.name,
        orgId: stored.orgId,
        attempts: stored.attempts,
      } as JobRun);
    });
  }

  /**
   * Enqueue inside the caller's transaction (so the job exists only if its cause does), or on its own.
   * Returns the job's id; undefined when a job with the same dedupe key already exists.
   */
  async enqueue<J extends AnyJob<never>>(
    job: J,
    options: EnqueueOptions<J['scope'], z.input<J['payload']>>,
    tx?: Executor,
  ): Promise<number | undefined> {
    const row = {
      name: job.name,
      orgId: options.orgId ?? null,
      payload: options.payload ?? {},
      status: 'queued',
      runAt: options.runAt ?? this.clock.now(),
      attempts: 0,
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey ?? null,
    };
    const insert = async (t: Executor) =>
      (await t.insert(jobs).values(row).onConflictDoNothing().returning({ id: jobs.id }))[0]?.id;
    if (tx) return insert(tx);
    if (row.orgId) return this.db.withOrg(row.orgId, insert);
    return this.db.asSystem(insert);
  }

  /** A recurring job: enqueued every `intervalSeconds` by whichever process sees it due first. */
  async schedule(job: AnyJob<never> & { scope: 'system' }, intervalSeconds: number, firstRunAt?: Date) {
    await this.db.asSystem((tx) =>
      tx
        .insert(jobSchedules)
        .values({ name: job.name, intervalSeconds, nextRunAt: firstRunAt ?? this.clock.now() })
        .onConflictDoUpdate({ target: jobSchedules.name, set: { intervalSeconds } }),
    );
  }

  private async enqueueDueSchedules(now: Date) {
    await this.db.asSystem(async (tx) => {
      const due = await tx
        .update(jobSchedules)
        .set({ nextRunAt: sql`${now}::timestamptz + make_interval(secs => ${jobSchedules.intervalSeconds})` })
        .where(lte(jobSchedules.nextRunAt, now))
        .returning({ name: jobSchedules.name });
      for (const { name } of due) {
        await tx
          .insert(jobs)
          .values({ name, payload: {}, status: 'queued', runAt: now, attempts: 0, maxAttempts: 3 });
      }
    });
  }

  private async claim(now: Date, limit: number): Promise<StoredJob[]> {
    return this.db.asSystem(async (tx) => {
      const due = tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          or(
            and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
            and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now)),
          ),
        )
        .orderBy(jobs.runAt)
        .limit(limit)
        .for('update', { skipLocked: true });
      return tx
        .update(jobs)
        .set({
          status: 'running',
          attempts: sql`${jobs.attempts} + 1`,
          lockedUntil: new Date(now.getTime() + LEASE_MS),
        })
        .where(inArray(jobs.id, due))
        .returning({
          id: jobs.id,
          name: jobs.name,
          orgId: jobs.orgId,
          payload: jobs.payload,
          attempts: jobs.attempts,
        });
    });
  }

  private async finish(job: StoredJob, error?: unknown) {
    const now = this.clock.now();
    const maxAttempts = await this.db.asSystem(async (tx) => {
      const [row] = await tx.select({ maxAttempts: jobs.maxAttempts }).from(jobs).where(eq(jobs.id, job.id));
      return row?.maxAttempts ?? 1;
    });
    const set = !error
      ? { status: 'done', finishedAt: now, lockedUntil: null, lastError: null }
      : job.attempts >= maxAttempts || error instanceof PermanentJobError
        ? { status: 'failed', finishedAt: now, lockedUntil: null, lastError: String(error).slice(0, 2000) }
        : {
            status: 'queued',
            runAt: new Date(now.getTime() + backoffMs(job.attempts)),
            lockedUntil: null,
            lastError: String(error).slice(0, 2000),
          };
    await this.db.asSystem((tx) => tx.update(jobs).set(set).where(eq(jobs.id, job.id)));
  }

  /** Runs every job due now (tests call this directly with a manual clock). Returns how many ran. */
  async runDue(limit = 20): Promise<number> {
    const now = this.clock.now();
    await this.enqueueDueSchedules(now);
    let ran = 0;
    for (;;) {
      const batch = await this.claim(now, limit);
      if (!batch.length) return ran;
      for (const job of batch) {
        const handler = this.handlers.get(job.name);
        try {
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          await handler(job);
          await this.finish(job);
        } catch (err) {
          if (err instanceof PermanentJobError)
            this.log?.error({ job: job.name, jobId: job.id, err }, 'job failed for good');
          else this.log?.warn({ job: job.name, jobId: job.id, err }, 'job failed');
          await this.finish(job, err);
        }
        ran++;
      }
    }
  }

  /** Jobs waiting or running: the queue depth shown in /metrics. */
  async depth(): Promise<number> {
    const [row] = await this.db.asSystem((tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(inArray(jobs.status, ['queued', 'running'])),
    );
    return row?.n ?? 0;
  }

  /**
   * Polls every `pollMs`. A turn that fails (the database restarting or unreachable) is logged and
   * the next one waits twice as long, up to a minute; the first turn that succeeds again resumes
   * the normal pace. A job cut off mid-run keeps its lease and runs again once the lease lapses.
   */
  start(pollMs = 1000) {
    this.stopped = false;
    let failures = 0;
    const tick = async () => {
      if (this.stopped) return;
      let delay = pollMs;
      this.running = this.runDue().then(
        () => {
          if (failures) this.log?.info({ failures }, 'job worker resumed');
          failures = 0;
        },
        (err) => {
          failures++;
          delay = Math.min(WORKER_BACKOFF_MAX_MS, pollMs * 2 ** failures);
          if (isConnectionError(err))
            this.log?.warn(
              { ...connectionFailure(err), failures, retryInMs: delay },
              'job worker: database unavailable',
            );
          else this.log?.error({ err, failures, retryInMs: delay }, 'job worker tick failed');
        },
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, delay);
    };
    this.timer = setTimeout(tick, pollMs);
  }

  /** Whether the worker polls (between `start` and `stop`). */
  get polling(): boolean {
    return !this.stopped;
  }

  /** Lets the job in hand finish; nothing new is claimed. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
