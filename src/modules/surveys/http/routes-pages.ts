import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { html } from '../../../lib/html';
import { localize } from '../domain/questions';
import { surveyText } from '../messages';
import {
  findInvitedResponse,
  findSavedResponse,
  noteInvitationOpened,
  type PublicTarget,
  resolvePublicId,
  resolveToken,
} from '../use-cases/resolve-target';
import { unsubscribe } from '../use-cases/unsubscribe';
import { parseForm, readSurveyForm } from './form-input';
import { PUBLIC_LIMITS } from './limits';
import { layout } from './page/layout';
import { handleForm, type PageContext, showForm } from './page-flow';
import { sendHtml, sendMessage } from './respondent-view';

const PAGE = { access: 'public' as const, rateLimit: PUBLIC_LIMITS.pagesPerIpPerMinute };
const POST = { access: 'public' as const, rateLimit: PUBLIC_LIMITS.responsesPerIpPerMinute };
const RESUME_DAYS = 30;

type Params = { publicId?: string; token?: string };
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const queryLang = (req: FastifyRequest) => str((req.query as Record<string, unknown> | undefined)?.lang);
/** Before any survey or customer is known: `?lang`, else the browser's languages. */
const visitorLocale = (req: FastifyRequest) => pickLocale(queryLang(req), req.headers['accept-language']);

/** The respondent pages: a survey by public id (QR codes, shared links) or by personal token. */
export async function pageRoutes(app: App) {
  const { ctx } = app;
  const secure = ctx.config.production || Boolean(ctx.config.publicUrl?.startsWith('https://'));

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: PUBLIC_LIMITS.bodyLimitBytes },
      (_req, body, done) => done(null, parseForm(body as string)),
    );

    /** Page context for a survey by public id; an anonymous respondent resumes by a cookie. */
    const byPublicId = (req: FastifyRequest, target: PublicTarget, lang?: string): PageContext => {
      const q = req.query as Record<string, unknown>;
      const locale = pickLocale(
        lang ?? str(q.lang),
        req.headers['accept-language'],
        target.survey.defaultLocale,
      );
      const action = `/s/${target.survey.publicId}`;
      const cookie = `orientir_r_${target.survey.publicId}`;
      const fields = {
        lang: locale,
        tp: str(q.tp)?.slice(0, 100),
        l: str(q.l)?.slice(0, 64),
        ch: str(q.ch) === 'qr' ? 'qr' : undefined,
      };
      return {
        ctx,
        target,
        locale,
        action,
        fields,
        languageHref: (l) => `${action}?${new URLSearchParams({ ...strip(fields), lang: l })}`,
        remember: (reply, nonce) =>
          nonce
            ? reply.setCookie(cookie, nonce, {
                path: action,
                httpOnly: true,
                sameSite: 'lax',
                secure,
                maxAge: RESUME_DAYS * 86400,
              })
            : reply.clearCookie(cookie, { path: action }),
      };
    };

    const byToken = (
      req: FastifyRequest,
      target: PublicTarget,
      token: string,
      lang?: string,
    ): PageContext => ({
      ctx,
      target,
      // A personal link speaks the customer's own language first.
      locale: pickLocale(
        target.customer?.locale,
        lang ?? queryLang(req),
        req.headers['accept-language'],
        target.survey.defaultLocale,
      ),
      action: `/s/t/${token}`,
      // A personal link handed out at a location carries it (?l=<code>) like the public link.
      fields: { l: str((req.query as Record<string, unknown>).l)?.slice(0, 64) },
    });

    const fail = (reply: FastifyReply, req: FastifyRequest, reason: 'not_found' | 'expired') =>
      sendMessage(
        reply,
        reason === 'expired' ? 410 : 404,
        visitorLocale(req),
        reason === 'expired' ? 'expired' : 'notFound',
      );

    scope.get('/s/:publicId', { config: PAGE, schema: { hide: true } }, async (req, reply) => {
      const resolved = await resolvePublicId(ctx, String((req.params as Params).publicId));
      if (!resolved.ok) return fail(reply, req, resolved.reason);
      const page = byPublicId(req, resolved.target);
      const { orgId, survey } = resolved.target;
      if (survey.status !== 'active') return sendMessage(reply, 410, page.locale, 'closed');
      const saved = str(req.cookies[`orientir_r_${survey.publicId}`]);
      return showForm(reply, page, saved ? await findSavedResponse(ctx, orgId, survey.id, saved) : undefined);
    });

    scope.post('/s/:publicId', { config: POST, schema: { hide: true } }, async (req, reply) => {
      const resolved = await resolvePublicId(ctx, String((req.params as Params).publicId));
      if (!resolved.ok) return fail(reply, req, resolved.reason);
      const form = readSurveyForm(formOf(req));
      return handleForm(reply, byPublicId(req, resolved.target, form.lang), form);
    });

    scope.get('/s/:publicId/thanks', { config: PAGE, schema: { hide: true } }, async (req, reply) => {
      const resolved = await resolvePublicId(ctx, String((req.params as Params).publicId));
      if (!resolved.ok) return fail(reply, req, resolved.reason);
      return thanks(reply, byPublicId(req, resolved.target));
    });

    scope.get('/s/t/:token', { config: PAGE, schema: { hide: true } }, async (req, reply) => {
      const token = String((req.params as Params).token);
      const resolved = await resolveToken(ctx, token);
      if (!resolved.ok) return fail(reply, req, resolved.reason);
      const page = byToken(req, resolved.target, token);
      const { orgId, survey, invitation } = resolved.target;
      if (survey.status !== 'active') return sendMessage(reply, 410, page.locale, 'closed');
      await noteInvitationOpened(ctx, orgId, invitation!.id);
      const existing = await findInvitedResponse(ctx, orgId, invitation!.id);
      if (existing?.status === 'complete') return sendMessage(reply, 200, page.locale, 'already');
      return showForm(reply, page, existing);
    });

    scope.post('/s/t/:token', { config: POST, schema: { hide: true } }, async (req, reply) => {
      const token = String((req.params as Params).token);
      const resolved = await resolveToken(ctx, token);
      if (!resolved.ok) return fail(reply, req, resolved.reason);
      const form = readSurveyForm(formOf(req));
      return handleForm(reply, byToken(req, resolved.target, token, form.lang), form);
    });

    scope.get('/s/t/:token/thanks', { config: PAGE, schema: { hide: true } }, async (req, reply) => {
      const token = String((req.params as Params).token);
      const resolved = await resolveToken(ctx, token);
      if (!resolved.ok) return fail(reply, req, resolved.reason);
      return thanks(reply, byToken(req, resolved.target, token));
    });

    /** The unsubscribe page: GET asks to confirm (mail scanners follow links); POST records it (one-click too). */
    const unsubscribePage = async (req: FastifyRequest, reply: FastifyReply, confirm: boolean) => {
      const found = await unsubscribe(ctx, String((req.params as Params).token), confirm);
      const visitor = visitorLocale(req);
      if (!found)
        return sendHtml(
          reply,
          404,
          layout({
            locale: visitor,
            title: surveyText(visitor, 'unsubscribe.title'),
            body: html`<h1>${surveyText(visitor, 'unsubscribe.title')}</h1><p>${surveyText(visitor, 'unsubscribe.invalid')}</p>`,
          }),
        );
      const { customer, org } = found;
      const locale = pickLocale(customer?.locale, req.headers['accept-language'], org?.defaultLocale);
      const title = surveyText(locale, 'unsubscribe.title');
      const orgName = org?.name ?? '';
      const body = confirm
        ? html`<h1>${title}</h1><p role="status">${surveyText(locale, 'unsubscribe.done', { org: orgName })}</p>`
        : html`<h1>${title}</h1><form method="post"><p>${surveyText(locale, 'unsubscribe.question', { org: orgName })}</p><div class="actions"><button type="submit" class="primary">${surveyText(locale, 'unsubscribe.confirm')}</button></div></form>`;
      return sendHtml(reply, 200, layout({ locale, title, body }));
    };
    scope.get('/s/u/:token', { config: PAGE, schema: { hide: true } }, (req, reply) =>
      unsubscribePage(req, reply, false),
    );
    scope.post('/s/u/:token', { config: POST, schema: { hide: true } }, (req, reply) =>
      unsubscribePage(req, reply, true),
    );
  });
}

function thanks(reply: FastifyReply, page: PageContext) {
  const { survey } = page.target;
  const title = surveyText(page.locale, 'survey.thanks.title');
  const text = survey.texts.thanks
    ? localize(survey.texts.thanks, page.locale, survey.defaultLocale)
    : surveyText(page.locale, 'survey.thanks.body');
  return sendHtml(
    reply,
    200,
    layout({ locale: page.locale, title, body: html`<h1>${title}</h1><p role="status">${text}</p>` }),
  );
}

const formOf = (req: FastifyRequest) =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body)
    ? (req.body as Record<string, unknown>)
    : {};

const strip = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;
