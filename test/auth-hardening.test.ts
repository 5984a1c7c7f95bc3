import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/lib/crypto';
import { purgeExpired } from '../src/modules/orgs/data/repo-accounts';
import { LOGIN_WINDOW_MS } from '../src/modules/orgs/domain/login-throttle';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

type Res = { statusCode: number; headers: Record<string, unknown>; json: () => any; body: string };

describe.each(ENGINES)('logins, roles and e-mail addresses on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  // Every login from an address of its own: the per-address request limit stays out of the way.
  let address = 0;
  const nextAddress = () => {
    address++;
    return `10.77.${Math.floor(address / 250)}.${(address % 250) + 1}`;
  };
  const login = (email: string, password: string, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...extra },
      remoteAddress: nextAddress(),
    });
  const sessionOf = (res: Res & { cookies: { name: string; value: string }[] }) => {
    expect(res.statusCode).toBe(200);
    const cookie = `orientir_session=${res.cookies.find((c) => c.name === 'orientir_session')!.value}`;
    return { cookie, 'x-csrf-token': res.json().csrfToken as string };
  };
  const problem = (res: Res) => {
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    return res.json() as { status: number; detail: string; errors?: { field: string }[] };
  };
  const addUser = (headers: Record<string, string>, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: body });
  const patchUser = (headers: Record<string, string>, id: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers, payload: body });
  const usersOf = async (org: TestOrg) =>
    (await t.app.inject({ url: '/api/v1/users', headers: org.auth })).json().items as {
      id: string;
      email: string;
      role: string;
      disabledAt: string | null;
    }[];
  const activeOwners = async (org: TestOrg) =>
    (await usersOf(org)).filter((u) => u.role === 'owner' && !u.disabledAt);

  describe('login lockout', () => {
    it('evaluates at most five wrong passwords in the window when 25 logins race, then refuses the right one', async () => {
      const org = await t.createOrg();
      const codes = (
        await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            login(org.ownerEmail, i === 15 ? org.ownerPassword : `wrong-password-${i}`),
          ),
        )
      ).map((r) => r.statusCode);
      // 401: a wrong password was checked; 200: the right one was; 429: refused unchecked.
      expect(codes.every((c) => c === 200 || c === 401 || c === 429)).toBe(true);
      let wrongChecked = codes.filter((c) => c === 401).length;
      expect(wrongChecked).toBeLessThanOrEqual(5);
      // One guess at a time from here on: the address locks after exactly five wrong passwords.
      for (let i = 0; i < 10; i++) {
        const res = await login(org.ownerEmail, `later-guess-${i}`);
        if (res.statusCode !== 401) {
          expect(res.statusCode).toBe(429);
          break;
        }
        wrongChecked++;
      }
      expect(wrongChecked).toBe(5);
      const right = await login(org.ownerEmail, org.ownerPassword);
      expect(right.statusCode).toBe(429);
      expect(problem(right).detail).toMatch(/too many failed logins/);
      t.clock.advance(16 * 60 * 1000);
      expect((await login(org.ownerEmail, org.ownerPassword)).statusCode).toBe(200);
    });

    it('keeps counting failures across a successful login within the window', async () => {
      const org = await t.createOrg();
      for (let i = 0; i < 4; i++) expect((await login(org.ownerEmail, `nope-${i}`)).statusCode).toBe(401);
      expect((await login(org.ownerEmail, org.ownerPassword)).statusCode).toBe(200);
      expect((await login(org.ownerEmail, 'nope-5')).statusCode).toBe(401);
      expect((await login(org.ownerEmail, org.ownerPassword)).statusCode).toBe(429);
    });

    it('keeps failures within the window through the hourly purge, and purges what says nothing', async () => {
      const org = await t.createOrg();
      for (let i = 0; i < 4; i++) expect((await login(org.ownerEmail, `nope-${i}`)).statusCode).toBe(401);
      const purge = () => t.ctx.db.asSystem((tx) => purgeExpired(tx, t.clock.now(), LOGIN_WINDOW_MS));
      const key = sha256(`login:${org.ownerEmail.toLowerCase()}`);
      const records = async () =>
        (
          await t.ctx.db.queryOwner<{ n: number }>(
            'select count(*)::int as n from login_throttle where key = $1',
            [key],
          )
        )[0].n;
      expect(await records()).toBe(1);
      await purge();
      expect((await login(org.ownerEmail, 'nope-5')).statusCode).toBe(401);
      expect((await login(org.ownerEmail, org.ownerPassword)).statusCode).toBe(429);
      t.clock.advance(16 * 60 * 1000);
      await purge();
      expect(await records()).toBe(0);
    });

    it('fails closed: when the throttle cannot be read, nobody logs in', async () => {
      const org = await t.createOrg();
      await t.ctx.db.execOwner('alter table login_throttle rename to login_throttle_away');
      try {
        const res = await login(org.ownerEmail, org.ownerPassword);
        expect(res.statusCode).toBeGreaterThanOrEqual(500);
        expect(res.headers['set-cookie']).toBeUndefined();
      } finally {
        await t.ctx.db.execOwner('alter table login_throttle_away rename to login_throttle');
      }
      expect((await login(org.ownerEmail, org.ownerPassword)).statusCode).toBe(200);
    });
  });

  describe('owners', () => {
    let org: TestOrg;
    let owner: Record<string, string>;
    let admin: Record<string, string>;
    let adminId: string;
    let ownerId: string;
    let viewerId: string;
    beforeAll(async () => {
      org = await t.createOrg();
      const ownerLogin = await login(org.ownerEmail, org.ownerPassword);
      owner = sessionOf(ownerLogin);
      ownerId = ownerLogin.json().userId;
      const made = await addUser(org.auth, {
        email: `admin@${org.slug}.example`,
        role: 'admin',
        password: 'admin-password-1234',
      });
      expect(made.statusCode).toBe(201);
      adminId = made.json().id;
      admin = sessionOf(await login(`admin@${org.slug}.example`, 'admin-password-1234'));
      viewerId = (await addUser(org.auth, { email: `viewer@${org.slug}.example`, role: 'viewer' })).json().id;
    });

    it('lets nobody raise their own role: an admin cannot make itself owner', async () => {
      const res = await patchUser(admin, adminId, { role: 'owner' });
      expect(res.statusCode).toBe(403);
      problem(res);
      expect((await usersOf(org)).find((u) => u.id === adminId)?.role).toBe('admin');
    });

    it('lets only an owner grant the owner role or add an owner; API keys are not owners', async () => {
      expect((await patchUser(admin, viewerId, { role: 'owner' })).statusCode).toBe(403);
      expect((await patchUser(org.auth, viewerId, { role: 'owner' })).statusCode).toBe(403);
      expect((await addUser(admin, { email: `o1@${org.slug}.example`, role: 'owner' })).statusCode).toBe(403);
      const byKey = await addUser(org.auth, { email: `o2@${org.slug}.example`, role: 'owner' });
      expect(byKey.statusCode).toBe(403);
      problem(byKey);
      expect((await activeOwners(org)).map((u) => u.id)).toEqual([ownerId]);
      const byOwner = await addUser(owner, { email: `o3@${org.slug}.example`, role: 'owner' });
      expect(byOwner.statusCode).toBe(201);
      expect((await patchUser(owner, viewerId, { role: 'owner' })).statusCode).toBe(200);
      expect((await activeOwners(org)).length).toBe(3);
    });

    it("lets only an owner revoke an owner's role or disable an owner", async () => {
      const other = (await usersOf(org)).find((u) => u.email === `o3@${org.slug}.example`)!;
      expect((await patchUser(admin, other.id, { role: 'viewer' })).statusCode).toBe(403);
      expect((await patchUser(admin, other.id, { disabled: true })).statusCode).toBe(403);
      expect((await patchUser(org.auth, other.id, { disabled: true })).statusCode).toBe(403);
      expect((await patchUser(org.auth, other.id, { role: 'admin' })).statusCode).toBe(403);
      expect((await usersOf(org)).find((u) => u.id === other.id)).toMatchObject({
        role: 'owner',
        disabledAt: null,
      });
      // An owner may, while another owner stays.
      expect((await patchUser(owner, other.id, { disabled: true })).statusCode).toBe(200);
      expect((await patchUser(owner, viewerId, { role: 'viewer' })).statusCode).toBe(200);
      expect((await activeOwners(org)).map((u) => u.id)).toEqual([ownerId]);
    });

    it('keeps the last active owner: it can be neither demoted nor disabled', async () => {
      const demote = await patchUser(owner, ownerId, { role: 'admin' });
      expect(demote.statusCode).toBe(409);
      expect(problem(demote).detail).toMatch(/last owner/);
      const disable = await patchUser(owner, ownerId, { disabled: true });
      expect(disable.statusCode).toBe(409);
      expect(problem(disable).detail).toMatch(/last owner/);
      expect((await activeOwners(org)).map((u) => u.id)).toEqual([ownerId]);
      // Still the owner, still logged in.
      expect((await t.app.inject({ url: '/api/v1/me', headers: owner })).json().user.role).toBe('owner');
    });

    it('never leaves an organization without an owner when owners demote each other at once', async () => {
      for (let round = 0; round < 3; round++) {
        const o = await t.createOrg();
        const first = await login(o.ownerEmail, o.ownerPassword);
        const a = sessionOf(first);
        const made = await addUser(a, {
          email: `second@${o.slug}.example`,
          role: 'owner',
          password: 'second-owner-password',
        });
        expect(made.statusCode).toBe(201);
        const b = sessionOf(await login(`second@${o.slug}.example`, 'second-owner-password'));
        const [ab, ba] = await Promise.all([
          patchUser(a, made.json().id, { role: 'admin' }),
          patchUser(b, first.json().userId, { disabled: true }),
        ]);
        const codes = [ab.statusCode, ba.statusCode].sort();
        expect(codes[0]).toBe(200);
        expect([401, 403, 409]).toContain(codes[1]);
        expect(await activeOwners(o)).toHaveLength(1);
      }
    });
  });

  describe('e-mail addresses', () => {
    it('answers alike for an address used in another organization and a new one; a duplicate in the same one is 409', async () => {
      const a = await t.createOrg();
      const b = await t.createOrg();
      const shared = `shared-${a.slug}@people.example`;
      expect((await addUser(b.auth, { email: shared, role: 'viewer' })).statusCode).toBe(201);

      const fresh = await addUser(a.auth, { email: `fresh-${a.slug}@people.example`, role: 'viewer' });
      const usedElsewhere = await addUser(a.auth, { email: shared.toUpperCase(), role: 'viewer' });
      expect(usedElsewhere.statusCode).toBe(fresh.statusCode);
      expect(usedElsewhere.statusCode).toBe(201);
      expect(usedElsewhere.headers['content-type']).toBe(fresh.headers['content-type']);
      const shape = (body: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v]));
      expect(shape(usedElsewhere.json())).toEqual(shape(fresh.json()));

      const again = await addUser(a.auth, { email: shared, role: 'viewer' });
      expect(again.statusCode).toBe(409);
      expect(problem(again).detail).toMatch(/^email: /);

      // Each account logs in with its own password, into its own organization.
      const intoA = await login(shared, usedElsewhere.json().password);
      expect(intoA.statusCode).toBe(200);
      expect(intoA.json().orgId).toBe(a.orgId);
    });

    it('asks which organization when one address and password open several', async () => {
      const a = await t.createOrg();
      const b = await t.createOrg();
      const email = `both-${a.slug}@people.example`;
      const password = 'the-same-password-everywhere';
      for (const org of [a, b]) {
        expect((await addUser(org.auth, { email, role: 'viewer', password })).statusCode).toBe(201);
      }
      const ambiguous = await login(email, password);
      expect(ambiguous.statusCode).toBe(400);
      expect(problem(ambiguous).errors?.map((e) => e.field)).toEqual(['body.org']);
      const intoB = await login(email, password, { org: b.slug });
      expect(intoB.statusCode).toBe(200);
      expect(intoB.json().orgId).toBe(b.orgId);
      expect((await login(email, 'not-the-password', { org: b.slug })).statusCode).toBe(401);
    });

    it('creates organizations whose owner already owns another', async () => {
      const a = await t.createOrg();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/orgs',
        headers: { authorization: 'Bearer test-admin-token-0123456789' },
        payload: { name: 'Second', slug: `${a.slug}-two`, ownerEmail: a.ownerEmail },
      });
      expect(res.statusCode).toBe(201);
      const intoSecond = await login(a.ownerEmail, res.json().ownerPassword);
      expect(intoSecond.json().orgId).toBe(res.json().orgId);
    });
  });
});
