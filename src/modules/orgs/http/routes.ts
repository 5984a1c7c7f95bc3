/** Organizations, users, API keys, sessions and the caller's own account over HTTP. */
import { z } from 'zod';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../http/auth';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { RATE_LIMITS } from '../../../http/rate-limits';
import { type App, principalOf } from '../../../http/types';
import { notFound } from '../../../lib/errors';
import * as service from '../use-cases/accounts';
import * as S from './schemas';

export async function orgRoutes(app: App) {
  const { db, clock, config } = app.ctx;
  const secureCookies = config.production || Boolean(config.publicUrl?.startsWith('https://'));

  app.post(
    '/api/v1/admin/orgs',
    {
      config: { access: 'admin-token' },
      schema: {
        tags: ['admin'],
        summary: 'Create an organization with its owner and an admin API key',
        body: S.ZCreateOrgRequestSchema,
        response: { 201: S.ZCreateOrgResponseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createOrg(db, req.body)),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: RATE_LIMITS.login,
        problems: { 401: 'e-mail or password is wrong' },
      },
      schema: { tags: ['auth'], body: S.ZLoginRequestSchema, response: { 200: S.ZLoginResponseSchema } },
    },
    async (req, reply) => {
      const { email, password, org, locale, localePicked } = req.body;
      const language = locale ? { locale, picked: localePicked === true } : undefined;
      const s = await service.login(db, clock, email, password, org, language);
      const cookieOptions = {
        path: '/',
        secure: secureCookies,
        sameSite: 'strict' as const,
        expires: s.expiresAt,
      };
      reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOptions, httpOnly: true });
      // Readable by the dashboard, which echoes it in the x-csrf-token header.
      reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...cookieOptions, httpOnly: false });
      return {
        orgId: s.orgId,
        userId: s.userId,
        role: s.role,
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await service.logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], response: { 200: S.ZMeResponseSchema } },
    },
    async (req) => {
      const p = principalOf(req);
      return { ...(await service.describeCaller(db, p)), kind: p.kind, permissions: [...p.permissions] };
    },
  );

  app.patch(
    '/api/v1/me',
    {
      config: { access: 'authenticated', problems: { 403: 'an API key has no language of its own' } },
      schema: {
        tags: ['auth'],
        summary: 'Choose your own language: the dashboard speaks it from now on',
        body: S.ZChooseLanguageRequestSchema,
        response: { 200: S.ZMeResponseSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return {
        ...(await service.chooseOwnLanguage(db, p, req.body.locale)),
        kind: p.kind,
        permissions: [...p.permissions],
      };
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: 'settings:read' },
      schema: {
        tags: ['settings'],
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZUserSchema) },
      },
    },
    async (req) => service.listUsers(db, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['settings'],
        body: S.ZCreateUserRequestSchema,
        response: { 201: S.ZCreateUserResponseSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.code(201).send(await service.addUser(db, p.orgId, req.body, p));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['settings'],
        params: S.ZIdParams,
        body: S.ZUpdateUserRequestSchema,
        response: { 200: S.ZUserSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const user = await service.updateUser(db, p.orgId, req.params.id, req.body, clock, p);
      if (!user) throw notFound('user');
      return user;
    },
  );

  app.get(
    '/api/v1/api-keys',
    {
      config: { access: 'keys:manage' },
      schema: {
        tags: ['settings'],
        querystring: ZPageQuery,
        response: { 200: zPage(S.ZApiKeySchema) },
      },
    },
    async (req) => service.listApiKeys(db, principalOf(req).orgId, req.query),
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { access: 'keys:manage' },
      schema: {
        tags: ['settings'],
        body: S.ZCreateApiKeyRequestSchema,
        response: { 201: S.ZCreateApiKeyResponseSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply
        .code(201)
        .send(await service.createApiKey(db, p.orgId, { ...req.body, createdBy: p.userId }));
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access: 'keys:manage' },
      schema: { tags: ['settings'], params: S.ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.revokeApiKey(db, clock, principalOf(req).orgId, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
