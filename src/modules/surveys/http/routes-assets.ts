import type { App } from '../../../http/types';
import { SCRIPT_PATH, STYLESHEET_PATH } from './page/layout';
import { SURVEY_CSS } from './page/styles';
import { loadBundles } from './widget-bundle';

/** The widget script for customers' sites, and the respondent page's stylesheet and script. */
export async function assetRoutes(app: App) {
  const bundles = await loadBundles();
  const asset = (path: string, type: string, body: string | undefined, crossOrigin = false) =>
    app.get(path, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
      if (body === undefined) return reply.code(404).type('text/plain').send('not built');
      if (crossOrigin) reply.header('access-control-allow-origin', '*');
      return reply.type(type).header('cache-control', 'public, max-age=300').send(body);
    });
  asset('/widget.js', 'text/javascript; charset=utf-8', bundles.widget, true);
  asset(SCRIPT_PATH, 'text/javascript; charset=utf-8', bundles.page);
  asset(STYLESHEET_PATH, 'text/css; charset=utf-8', SURVEY_CSS);
}
