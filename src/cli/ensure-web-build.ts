import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST } from '../http/web';

/** Builds the dashboard when web/dist has none (a fresh checkout run without `npm run build`). */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  log('Building the dashboard (first run)…\n');
  const { build } = await import('vite');
  const configFile = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));
  await build({ configFile, logLevel: 'warn' });
}
