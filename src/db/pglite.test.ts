import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './pglite';

const MB = 1024 * 1024;
const walMb = (dir: string) =>
  Number(
    execFileSync('du', ['-sm', join(dir, 'pg', 'pg_wal')])
      .toString()
      .split('\t')[0],
  );

describe('embedded engine on disk', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its write-ahead log bounded by checkpointing as it grows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orientir-wal-'));
    dirs.push(dir);
    const db = await openPglite(dir, { everyBytes: 16 * MB, checkMs: 20 });
    try {
      await db.execOwner('create table filler (id int, v text)');
      // about 160 MB of log in steps, with room between them for the check to run
      for (let step = 0; step < 10; step++) {
        await db.execOwner("insert into filler select g, repeat('x', 200) from generate_series(1, 60000) g");
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      expect(walMb(dir)).toBeLessThan(80);
    } finally {
      await db.close();
    }
  });
});
