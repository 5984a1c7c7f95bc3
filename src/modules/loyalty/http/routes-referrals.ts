/** Referrals over HTTP: a customer's code and link, claims of a code, the list, and the public link. */
import { z } from 'zod';
import { type App, principalOf } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import * as U from '../use-cases/referrals';
import { renderReferralPage } from './referral-page';
import * as S from './schemas-referrals';

/** Public link visits per address: enough for people, too few to walk the codes. */
const RATE = { max: 30, timeWindow: '1 minute' };

/** The address customers reach the instance at: PUBLIC_URL when set, else the request's. */
const baseUrl = (app: App, req: { protocol: string; host: string }) =>
  app.ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

/** Referrals: each customer's code and link, claims of a code, the list, and the public link. */
export async function referralRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['loyalty'];
  const orgOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).orgId;

  app.get(
    '/api/v1/customers/:externalId/referral',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: "The customer's referral code and link (made on first ask), and the referrals they made",
        params: S.ZExternalIdParams,
        response: { 200: S.ZCustomerReferralResponseSchema },
      },
    },
    async (req) => U.customerReferral(ctx, orgOf(req), req.params.externalId, baseUrl(app, req)),
  );
  app.post(
    '/api/v1/loyalty/referrals',
    {
      config: { access: 'loyalty:write' },
      schema: {
        tags,
        summary:
          "A customer (created when new) names a referrer's code: the referral, pending its first purchase, or refused with its reason",
        body: S.ZClaimReferralRequestSchema,
        response: { 201: S.ZReferralSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await U.claimReferral(ctx, orgOf(req), req.body)),
  );
  app.get(
    '/api/v1/loyalty/referrals',
    {
      config: { access: 'loyalty:read' },
      schema: {
        tags,
        summary: 'Referrals, newest first, optionally of one status; with totals per status and link visits',
        querystring: S.ZReferralListQuery,
        response: { 200: S.ZReferralListResponseSchema },
      },
    },
    async (req) => U.listReferrals(ctx, orgOf(req), req.query),
  );
  app.get(
    '/ref/:code',
    {
      config: { access: 'public', rateLimit: RATE },
      schema: {
        hide: true,
        params: S.ZCodeParams,
        querystring: z.object({ lang: z.string().max(35).optional() }),
      },
    },
    async (req, reply) => {
      const found = await U.visitReferralLink(ctx, req.params.code);
      if (found?.landingUrl) {
        const target = new URL(found.landingUrl);
        target.searchParams.set('ref', found.code);
        return reply.header('cache-control', 'no-store').redirect(target.toString(), 302);
      }
      const locale = pickLocale(req.query.lang, req.headers['accept-language'], found?.defaultLocale);
      return reply
        .header('cache-control', 'no-store')
        .code(found ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(renderReferralPage(locale, found && { org: found.org, code: found.code }));
    },
  );
}
