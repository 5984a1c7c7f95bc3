import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { sendProblem } from './problem';
import { notFoundHandler } from './protocol-errors';
import type { App } from './types';

/** Where `npm run build` puts the dashboard. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths that are never the dashboard: an unknown one gets the not-found handler's problem+json. */
const NOT_DASHBOARD = /^\/(api|s)(\/|$)/;

/**
 * The dashboard at /: built files by path (hashed assets cached for a year), any other path
 * gets index.html so the app's own router shows it.
 */
export async function registerWeb(app: App, root = WEB_DIST) {
  const notFound = notFoundHandler(app);
  await app.register(async (scope) => {
    // `preCompressed`: the build writes .br and .gz beside each file (web/precompress.ts).
    await scope.register(fastifyStatic, { root, serve: false, preCompressed: true });
    scope.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const path = req.url.split('?')[0];
      // The application's answer for a path no route has: 404, 405 or 414, as problem+json.
      if (NOT_DASHBOARD.test(path)) return notFound(req, reply);
      if (!existsSync(join(root, 'index.html'))) {
        return sendProblem(reply, 503, 'unavailable', 'the dashboard is not built: run npm run build');
      }
      const file = fileUnder(root, path);
      if (file) {
        const hashed = file.startsWith(`assets${sep}`);
        return reply.sendFile(file, hashed ? { maxAge: '365d', immutable: true } : { maxAge: 0 });
      }
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { maxAge: 0, cacheControl: false });
    });
  });
}

/** The path relative to root when it names a file inside it; never escapes root. */
function fileUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const rel = normalize(decoded).replace(/^[/\\]+/, '');
  if (!rel || rel.startsWith('..') || rel.includes('\0')) return undefined;
  try {
    return statSync(join(root, rel)).isFile() ? rel : undefined;
  } catch {
    return undefined;
  }
}
