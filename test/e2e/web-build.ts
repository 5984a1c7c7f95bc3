import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const LOCK = join(WEB, '.build-lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(WEB, 'dist', 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

function lockedAt(): number {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Builds web/dist when a source is newer than the last build; one build at a time across test files. */
export async function ensureWebBuilt() {
  const sources = () =>
    Math.max(
      newestMtime(join(WEB, 'src')),
      statSync(join(WEB, 'index.html')).mtimeMs,
      statSync(join(WEB, 'vite.config.ts')).mtimeMs,
    );
  for (;;) {
    if (builtAt() > sources()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // A lock left by a run that died is taken over after two minutes.
      if (Date.now() - lockedAt() > 120_000) rmdirSync(LOCK);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (builtAt() <= sources()) await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'error' });
    } finally {
      rmdirSync(LOCK);
    }
  }
}
