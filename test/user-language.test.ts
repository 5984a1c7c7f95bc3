import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)("a user's language on %s", (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let address = 0;
  const email = 'agent@language.example';
  const password = 'a-long-enough-password';

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    const added = await api(t, org).post('/api/v1/users', { email, role: 'agent', password });
    expect(added.status, added.text).toBe(201);
  });
  afterAll(() => t?.close());

  /** Logs in from an address of its own (the per-address limit stays out of the way); the session's headers. */
  const logIn = async (language: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...language },
      remoteAddress: `10.88.0.${++address}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const session = res.cookies.find((c) => c.name === 'orientir_session')!.value;
    return { cookie: `orientir_session=${session}`, 'x-csrf-token': res.json().csrfToken as string };
  };
  const languageOf = async (session: Record<string, string>) => {
    const me = await api(t, session).get('/api/v1/me');
    expect(me.status, me.text).toBe(200);
    return { locale: me.body.user.locale, chosen: me.body.user.localeChosen };
  };

  it('stores the login page language on an account whose language was never chosen', async () => {
    expect(await languageOf(await logIn({}))).toEqual({ locale: 'en', chosen: false });
    expect(await languageOf(await logIn({ locale: 'pl' }))).toEqual({ locale: 'pl', chosen: false });
    expect(await languageOf(await logIn({ locale: 'cs' }))).toEqual({ locale: 'cs', chosen: false });
  });

  it('keeps a language chosen in the dashboard over the login page, until one is picked there', async () => {
    const session = await logIn({ locale: 'pl' });
    const chosen = await api(t, session).patch('/api/v1/me', { locale: 'ru' });
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.body.user).toMatchObject({ locale: 'ru', localeChosen: true });
    expect(await languageOf(await logIn({ locale: 'pl' }))).toEqual({ locale: 'ru', chosen: true });
    expect(await languageOf(await logIn({ locale: 'cs', localePicked: true }))).toEqual({
      locale: 'cs',
      chosen: true,
    });
  });

  it('refuses an unknown language naming the field, and a language for an API key', async () => {
    const session = await logIn({});
    const unknown = await api(t, session).patch('/api/v1/me', { locale: 'xx' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toContain('body.locale');
    const key = await api(t, org).patch('/api/v1/me', { locale: 'pl' });
    expect(key.status).toBe(403);
    expect(key.headers['content-type']).toMatch(/problem\+json/);
  });
});
