import { buildApp } from './app';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { EventBus } from './events/bus';
import type { App, AppContext } from './http/types';
import { JobQueue } from './jobs/queue';
import { type Clock, systemClock } from './lib/clock';
import { startLocalAdmin } from './local-admin/server';
import { grantPermissionMatrix, issueSetupToken } from './modules/orgs/api';
import { declaredMatrix } from './modules/permission-table';
import { MODULES, startModule } from './modules/registry';
import { createMailer, type Mailer } from './notify/mailer';

/** What a context is built from; what is left out takes the running server's choice. */
export type AppContextParts = {
  config: Config;
  /** Already migrated. */
  db: Database;
  clock?: Clock;
  /** Defaults to SMTP at `config.smtpUrl` (or a mailer that sends nothing). */
  mailer?: Mailer;
};

/**
 * The one place a context is assembled — by the server, the CLI, the tests and the benchmarks:
 * its job queue, event bus and mailer, and every module set up on it (subscribers, job handlers).
 */
export async function createAppContext(parts: AppContextParts): Promise<AppContext> {
  const { config, db, clock = systemClock } = parts;
  const ctx: AppContext = {
    config,
    db,
    clock,
    jobs: new JobQueue(db, clock),
    bus: new EventBus(),
    mailer: parts.mailer ?? createMailer(config.smtpUrl),
  };
  grantPermissionMatrix(declaredMatrix());
  for (const mod of MODULES) await startModule(ctx, mod);
  return ctx;
}

/** Opens the database, applies migrations and assembles the context shared by HTTP, jobs and CLI. */
export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return createAppContext({ config, db, clock });
}

export type Server = { app: App; ctx: AppContext; close: () => Promise<void> };

/**
 * Serves HTTP and runs the job worker until `close`: requests finish, the database closes cleanly.
 * Called by the process entries only: it also watches the process for errors nothing awaited.
 */
export type ServerOptions = {
  /** Print a set-up token while no organization exists (the demo makes its own organization). */
  firstRun?: boolean;
};

export async function startServer(config: Config, { firstRun = true }: ServerOptions = {}): Promise<Server> {
  const ctx = await openContext(config);
  const app = await buildApp({ ctx });
  ctx.jobs.log = app.log;
  ctx.db.logTo(app.log);
  await app.listen({ port: config.port, host: config.host });
  // On the embedded database the CLI cannot open the folder this process holds: it asks here.
  const stopLocalAdmin = config.databaseUrl
    ? async () => {}
    : await startLocalAdmin(ctx, config.dataDir, app.log);
  if (firstRun) await announceFirstRun(ctx, app);
  ctx.jobs.start();
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      unwatch();
      await stopLocalAdmin();
      await app.close();
      await ctx.jobs.stop();
      await ctx.db.close();
      ctx.mailer.close();
    })();
    return closing;
  };
  const unwatch = watchProcess(app, close);
  return { app, ctx, close };
}

/**
 * A fresh instance (no organization) prints a one-time set-up token: the dashboard's set-up page
 * asks for it, so only someone who can read the server's log creates the first organization.
 */
async function announceFirstRun(ctx: AppContext, app: App) {
  const token = await issueSetupToken(ctx.db, ctx.clock);
  if (!token) return;
  const address = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  app.log.warn(
    { setupToken: token },
    `no organization yet: open ${address} and enter the set-up token ${token} (or run: npx orientir org create)`,
  );
}

/** How long shutting down after an uncaught exception may take before the process just exits. */
const FATAL_EXIT_MS = 10_000;

/**
 * Errors nothing was waiting for go to the log, never nowhere. A stray rejected promise is a bug
 * to fix, not a reason to drop every request in flight: it is logged and the process goes on. An
 * uncaught exception leaves the process in a state nobody planned for: it is logged, the server
 * closes (bounded in time) and the process exits with 1 for its supervisor to restart it.
 */
function watchProcess(app: App, close: () => Promise<void>) {
  const onRejection = (reason: unknown) => app.log.error({ err: reason }, 'unhandled promise rejection');
  const onException = (err: Error, origin: string) => {
    app.log.fatal({ err, origin }, 'uncaught exception; shutting down');
    setTimeout(() => process.exit(1), FATAL_EXIT_MS).unref();
    void close()
      .catch((closeErr) => app.log.error({ err: closeErr }, 'shutdown after uncaught exception failed'))
      .finally(() => process.exit(1));
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
