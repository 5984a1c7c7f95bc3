import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * How a server on the embedded database lets the CLI reach it while it holds the data folder:
 * the address of its loopback-only admin listener and the token it accepts, in a file of the
 * folder that only the server's own user may read (mode 0600).
 */
export const HANDOFF_FILE = 'local-admin.json';
/** The listener's one route: creates an organization. */
export const LOCAL_ORGS_PATH = '/orgs';

const ZHandoff = z.object({ pid: z.number().int(), url: z.url(), token: z.string().min(32) });
export type Handoff = z.infer<typeof ZHandoff>;

export function writeHandoff(dataDir: string, handoff: Handoff) {
  const path = join(dataDir, HANDOFF_FILE);
  const draft = `${path}.${process.pid}`;
  // Written whole under another name, then renamed: a reader never sees half a file.
  writeFileSync(draft, JSON.stringify(handoff), { mode: 0o600 });
  renameSync(draft, path);
  return () => {
    if (readHandoff(dataDir)?.pid === handoff.pid) rmSync(path, { force: true });
  };
}

/** The running server's handoff, or undefined when there is none (or it is unreadable). */
export function readHandoff(dataDir: string): Handoff | undefined {
  try {
    const parsed = ZHandoff.safeParse(JSON.parse(readFileSync(join(dataDir, HANDOFF_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
