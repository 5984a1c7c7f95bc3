import helmet from '@fastify/helmet';
import type { App } from './types';

/**
 * Helmet's headers with the dashboard's content policy. `upgrade-insecure-requests` is sent only
 * when the installation's public address is https: over plain http (an office server, a LAN
 * address) it would make the browser ask for every script and stylesheet over https, which nothing
 * answers, and the dashboard and survey pages would load blank or unstyled.
 */
export async function registerSecurityHeaders(app: App, publicUrl: string | undefined) {
  const https = publicUrl?.startsWith('https:') ?? false;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    // Browsers ignore it over http; over https it keeps them there.
    strictTransportSecurity: https,
    // The widget script and the survey page are embedded in customers' sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}
