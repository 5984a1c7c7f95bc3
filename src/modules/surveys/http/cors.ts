import type { App } from '../../../http/types';

/**
 * Public survey endpoints are called from customers' own sites: any origin may read them, and
 * no credentials (cookies, auth headers) ever travel, so `*` is safe.
 */
export function allowAnyOrigin(scope: App, paths: string[]) {
  scope.addHook('onSend', async (_req, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });
  for (const path of paths) {
    scope.options(path, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send(),
    );
  }
}
