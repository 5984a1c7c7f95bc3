import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { type IsolationFixture, MODULES } from '../src/modules/registry';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { seedOrg } from './helpers/seed';

/**
 * For each route with path parameters, what its module's manifest declares: SQL that picks one
 * object of organization $1 for them, and valid bodies. A route missing there fails the test, so
 * every route added later is covered or named. The platform's own routes are named here.
 */
const FIXTURES: Record<string, IsolationFixture> = {
  '/api/v1/jobs/:id': { sql: 'select id from jobs where org_id = $1 limit 1' },
  ...Object.assign({}, ...MODULES.map((m) => m.isolation ?? {})),
};

const MARKER_COLUMNS = /^(id|org_id|.*_id|slug|email|name|external_id|public_id|token)$/;

async function tenantTables(db: Database) {
  const rows = await db.queryOwner<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name in ('org_id')`,
  );
  return rows.map((r) => r.table_name).sort();
}

async function snapshot(db: Database, orgId: string) {
  const out: Record<string, unknown[]> = {};
  for (const table of await tenantTables(db)) {
    out[table] = await db.queryOwner(`select * from ${table} where org_id = $1 order by 1, 2`, [orgId]);
  }
  out.orgs = await db.queryOwner('select * from orgs where id = $1', [orgId]);
  return out;
}

function markersOf(snap: Record<string, unknown[]>): Set<string> {
  const markers = new Set<string>();
  for (const rows of Object.values(snap)) {
    for (const row of rows as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (MARKER_COLUMNS.test(column) && typeof value === 'string' && value.length >= 8) markers.add(value);
      }
    }
  }
  return markers;
}

function fillPath(url: string, values: Record<string, string>) {
  return url.replace(/:(\w+)/g, (_, name) => encodeURIComponent(values[name] ?? 'missing'));
}

describe.each(ENGINES)('tenant isolation on %s', (engine) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await t.createOrg();
    b = await t.createOrg();
    await seedOrg(t, a);
    await seedOrg(t, b);
  });
  afterAll(() => t?.close());

  it('lets organization A neither read nor change anything of organization B through any route', async () => {
    const before = await snapshot(t.ctx.db, b.orgId);
    const markers = markersOf(before);
    for (const value of markersOf(await snapshot(t.ctx.db, a.orgId))) markers.delete(value);
    expect(markers.size).toBeGreaterThan(3);

    const routes = t.app.routeList.filter(
      (r) => r.url.startsWith('/api/') && r.access && r.access !== 'public' && r.access !== 'admin-token',
    );
    expect(routes.length).toBeGreaterThan(5);
    const missing: string[] = [];
    const leaks: string[] = [];
    const unreached: string[] = [];
    for (const route of routes) {
      if (route.method === 'HEAD') continue;
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const values: Record<string, string> = {};
      if (params.length) {
        const fixture = FIXTURES[route.url]?.sql;
        if (!fixture) {
          missing.push(route.url);
          continue;
        }
        const [row] = await t.ctx.db.queryOwner<Record<string, unknown>>(fixture, [b.orgId]);
        expect(row, `fixture for ${route.url} found no object of B`).toBeDefined();
        for (const p of params) values[p] = String(row[p === 'externalId' ? 'external_id' : p] ?? row.id);
      }
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fillPath(route.url, values),
        headers: a.auth,
        payload: ['GET', 'DELETE'].includes(route.method)
          ? undefined
          : ((FIXTURES[route.url]?.bodies?.[route.method as 'POST'] ?? {}) as object),
      });
      expect(res.statusCode, `${route.method} ${route.url} answered ${res.statusCode}`).toBeLessThan(500);
      if (params.length) {
        // Only the object lookup may refuse: a 400 would mean the request never got that far.
        if (res.statusCode !== 404) unreached.push(`${route.method} ${route.url} answered ${res.statusCode}`);
      }
      for (const marker of markers) if (res.body.includes(marker)) leaks.push(`${route.method} ${route.url}`);
    }
    expect(missing, 'routes without an isolation fixture').toEqual([]);
    const urls = new Set(routes.map((r) => r.url));
    expect(
      Object.keys(FIXTURES).filter((url) => !urls.has(url)),
      'fixtures of no route',
    ).toEqual([]);
    expect(unreached, "requests for B's objects that did not end at the lookup").toEqual([]);
    expect(leaks, "responses that contain B's data").toEqual([]);
    expect(await snapshot(t.ctx.db, b.orgId)).toEqual(before);
  });

  it('refuses rows of another organization at the database even when a query forgets the filter', async () => {
    const seen = await t.ctx.db.withOrg(a.orgId, async (tx) => {
      const res = await tx.execute('select org_id from users union all select id from orgs' as never);
      return (res as unknown as { rows: { org_id: string }[] }).rows.map((r) => r.org_id);
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([a.orgId]));
    const none = await t.ctx.db.withOrg('00000000-0000-0000-0000-000000000000', async (tx) => {
      const res = await tx.execute('select count(*)::int as n from users' as never);
      return (res as unknown as { rows: { n: number }[] }).rows[0].n;
    });
    expect(none).toBe(0);
  });
});
