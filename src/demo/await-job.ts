import type { DemoContext } from './steps';

const LIMIT_MS = 5 * 60_000;

/**
 * Waits for a job the API started (`202 {jobId}`), running due jobs in-process meanwhile so the
 * demo does not wait for the worker's next poll (and works where no worker runs, as in tests).
 */
export async function awaitJob(ctx: DemoContext, jobId: number): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    await ctx.app.ctx.jobs.runDue();
    const job = await ctx.api.call<{ status: string }>('GET', `/api/v1/jobs/${jobId}`);
    if (job.status === 'done') return;
    if (job.status === 'failed') throw new Error(`demo: job ${jobId} failed`);
    if (Date.now() > deadline) throw new Error(`demo: job ${jobId} did not finish in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs queued jobs until none is due (work the API started without handing out a job id). */
export async function drainJobs(ctx: DemoContext): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  while ((await ctx.app.ctx.jobs.runDue()) > 0) {
    if (Date.now() > deadline) throw new Error('demo: background jobs did not finish in time');
  }
}
