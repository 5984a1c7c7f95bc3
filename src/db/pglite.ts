import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { AppError } from '../lib/errors';
import { APP_ROLE, type Database, type Executor, enterRole, SYSTEM_ROLE } from './database';

/** The embedded database's folder is held by another live process (a running server). */
export class FolderInUseError extends AppError {
  constructor(
    readonly dir: string,
    readonly holder: number,
  ) {
    super(
      'unavailable',
      `database folder ${resolve(dir)} is in use by process ${holder}; stop it or set ORIENTIR_DATA_DIR to another folder`,
    );
  }
}

/** PGlite is single-process: a lock file turns a second opener into a clear error. */
function takeFolderLock(dir: string): () => void {
  const lockPath = join(dir, 'orientir.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new FolderInUseError(dir, holder);
      }
      rmSync(lockPath, { force: true }); // stale lock of a process that died
    }
  }
  throw new AppError('unavailable', `cannot lock database folder ${resolve(dir)}`);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the embedded engine takes a checkpoint: after this much write-ahead log, looked at this often. */
export type CheckpointPolicy = { everyBytes: number; checkMs: number };
const CHECKPOINTS: CheckpointPolicy = { everyBytes: 128 * 1024 * 1024, checkMs: 10_000 };

/**
 * PGlite runs PostgreSQL single-user, without the checkpointer process: nothing checkpoints, and
 * the write-ahead log of a long-running server or a large import grows without bound (a 1 GB
 * import had left 6.6 GB of it). A checkpoint once `everyBytes` of log has gone by keeps it to
 * a few segments, recycled. The check waits for any open transaction, as every query does.
 */
function checkpointPeriodically(client: PGlite, { everyBytes, checkMs }: CheckpointPolicy) {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<{ since: number }>(
        'select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::float8 as since from pg_control_checkpoint()',
      );
      if ((rows[0]?.since ?? 0) >= everyBytes) await client.exec('checkpoint');
    } catch {
      // closed meanwhile: the next open starts its own
    } finally {
      busy = false;
    }
  }, checkMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Embedded engine: a folder on disk, or memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir?: string, checkpoints = CHECKPOINTS): Promise<Database> {
  let release = () => {};
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = takeFolderLock(dataDir);
    client = new PGlite(join(dataDir, 'pg'));
  } else {
    client = new PGlite();
  }
  await client.waitReady;
  const stopCheckpoints = checkpointPeriodically(client, checkpoints);
  const orm = drizzle({ client }) as unknown as Executor;
  const inRole = <T>(role: string, orgId: string | null, fn: (tx: Executor) => Promise<T>) =>
    orm.transaction(async (tx) => {
      await enterRole(tx as unknown as Executor, role, orgId);
      return fn(tx as unknown as Executor);
    });
  const session = {
    exec: async (statements: string) => {
      await client.exec(statements);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
  };
  return {
    engine: 'pglite',
    ownerSession: (fn) => fn(session),
    withOrg: (orgId, fn) => inRole(APP_ROLE, orgId, fn),
    asSystem: (fn) => inRole(SYSTEM_ROLE, null, fn),
    execOwner: session.exec,
    queryOwner: session.query,
    copyFrom: async (table, columns, csv) => {
      await client.query(`copy ${table} (${columns.join(',')}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    // In the process: no connection to lose, nothing to report.
    logTo: () => {},
    close: async () => {
      stopCheckpoints();
      await client.close();
      release();
    },
  };
}
