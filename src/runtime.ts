import { buildApp } from './app';
import type { Config } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { EventBus } from './events/bus';
import type { App, AppContext } from './http/types';
import { JobQueue } from './jobs/queue';
import { type Clock, systemClock } from './lib/clock';
import { MODULES } from './modules/registry';
import { createMailer } from './notify/mailer';

/** Opens the database, applies migrations and assembles the context shared by HTTP, jobs and CLI. */
export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const ctx: AppContext = {
    config,
    db,
    clock,
    jobs: new JobQueue(db, clock),
    bus: new EventBus(),
    mailer: createMailer(config.smtpUrl),
  };
  for (const mod of MODULES) await mod.setup?.(ctx);
  return ctx;
}

export type Server = { app: App; ctx: AppContext; close: () => Promise<void> };

/** Serves HTTP and runs the job worker until `close`: requests finish, the database closes cleanly. */
export async function startServer(config: Config): Promise<Server> {
  const ctx = await openContext(config);
  const app = await buildApp({ ctx });
  ctx.jobs.log = app.log;
  await app.listen({ port: config.port, host: config.host });
  ctx.jobs.start();
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await app.close();
      await ctx.jobs.stop();
      await ctx.db.close();
      ctx.mailer.close();
    })();
    return closing;
  };
  return { app, ctx, close };
}
