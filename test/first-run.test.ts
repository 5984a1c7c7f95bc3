import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../src/modules/orgs/api';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';

const FIRST_ORG = {
  name: 'Kawiarnia Łąka',
  defaultLocale: 'pl',
  baseCurrency: 'PLN',
  timeZone: 'Europe/Warsaw',
  ownerEmail: 'wlasciciel@laka.example',
  ownerPassword: 'correct horse battery',
};

describe.each(ENGINES)('first run on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const setUp = (body: Record<string, unknown>) => api(t).post('/api/v1/setup', body);

  it('opens the set-up page only with the token of the log, and refuses bad input by field', async () => {
    expect((await api(t).get('/api/v1/setup')).body).toEqual({ needed: true });
    expect((await setUp({ ...FIRST_ORG, token: 'no-token-issued-yet' })).status).toBe(401);

    const token = await issueSetupToken(t.ctx.db, t.ctx.clock);
    expect(token).toMatch(/^[\w-]{32}$/);
    const wrong = await setUp({ ...FIRST_ORG, token: `${token}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toMatch(/^token:/);

    const badZone = await setUp({ ...FIRST_ORG, token, timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors.map((e: { field: string }) => e.field)).toContain('body.timeZone');
    const shortPassword = await setUp({ ...FIRST_ORG, token, ownerPassword: 'short' });
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body.errors.map((e: { field: string }) => e.field)).toContain('body.ownerPassword');
    // Refused requests leave the token usable.
    expect((await api(t).get('/api/v1/setup')).body).toEqual({ needed: true });
  });

  it('creates the first organization once: two set-ups at the same time, one wins', async () => {
    const token = await issueSetupToken(t.ctx.db, t.ctx.clock);
    const answers = await Promise.all([setUp({ ...FIRST_ORG, token }), setUp({ ...FIRST_ORG, token })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const created = answers.find((a) => a.status === 201)?.body;
    expect(created).toMatchObject({ slug: 'kawiarnia-laka', ownerEmail: FIRST_ORG.ownerEmail });

    const login = await api(t).post('/api/v1/auth/login', {
      email: FIRST_ORG.ownerEmail,
      password: FIRST_ORG.ownerPassword,
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
    const me = await api(t, { cookie }).get('/api/v1/me');
    expect(me.body.org).toMatchObject({
      name: 'Kawiarnia Łąka',
      defaultLocale: 'pl',
      baseCurrency: 'PLN',
      timeZone: 'Europe/Warsaw',
    });
    expect(me.body.user).toMatchObject({ role: 'owner', locale: 'pl' });
  });

  it('is closed once an organization exists: no token is issued and the endpoint answers 409', async () => {
    expect((await api(t).get('/api/v1/setup')).body).toEqual({ needed: false });
    expect(await issueSetupToken(t.ctx.db, t.ctx.clock)).toBeUndefined();
    const late = await setUp({ ...FIRST_ORG, token: 'any-token-at-all', name: 'Second' });
    expect(late.status).toBe(409);
  });

  it('limits set-up attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await setUp({ ...FIRST_ORG, token: 'guess' })).status);
    expect(statuses).toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });
});
