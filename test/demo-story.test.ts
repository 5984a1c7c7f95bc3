import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, seedDemo } from '../src/demo/seed-demo';
import { ManualClock } from '../src/lib/clock';
import { api } from './helpers/api';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';

describe.each(ENGINES)('the demo’s story on %s', (engine) => {
  let t: TestApp;
  let demo: DemoResult;
  beforeAll(async () => {
    t = await createTestApp(engine, {}, new ManualClock(new Date('2026-11-20T10:00:00Z')));
    demo = await seedDemo(t.app, { customers: 800, seed: 11 });
  }, 300_000);
  afterAll(() => t?.close());

  const one = async <T>(sql: string) => (await t.ctx.db.queryOwner<T>(sql, [demo.orgId]))[0];

  it('is a Polish café in złoty on Warsaw time', async () => {
    const me = await api(t, { authorization: `Bearer ${demo.apiKey}` }).ok('GET', '/api/v1/me');
    expect(me.org).toMatchObject({ baseCurrency: 'PLN', timeZone: 'Europe/Warsaw', defaultLocale: 'pl' });
  });

  it('counts the cases the case desk lists, spread over the two years, about their answers, worked on by their owners', async () => {
    const cases = await one<{
      n: number;
      days: number;
      worked: number;
      owned: number;
      fresh: number;
      linked: number;
      late: number;
    }>(`
      select count(*)::int as n,
             (extract(epoch from max(created_at) - min(created_at)) / 86400)::int as days,
             count(*) filter (where status <> 'new')::int as worked,
             count(owner_id) filter (where status <> 'new')::int as owned,
             count(*) filter (where status = 'new')::int as fresh,
             count(response_id)::int as linked,
             count(*) filter (where first_responded_at > first_response_due_at
                                 or (first_responded_at is null and first_response_due_at < '2026-11-20T10:00:00Z')
                                 or resolved_at > resolution_due_at)::int as late
        from cases c where org_id = $1
          and not exists (select 1 from case_links l where l.org_id = c.org_id and l.case_id = c.id and l.kind = 'audit')`);
    const listed = await api(t, { authorization: `Bearer ${demo.apiKey}` }).ok(
      'GET',
      '/api/v1/cases?limit=200',
    );
    // Besides them, the corrective actions of failed audits.
    expect(listed.items).toHaveLength(cases.n + demo.counts.correctiveCases);
    expect(demo.counts.cases).toBe(cases.n);
    expect(cases.days).toBeGreaterThan(365);
    expect(cases.worked).toBeGreaterThan(0);
    expect(cases.owned).toBe(cases.worked);
    expect(cases.fresh).toBeGreaterThan(0);
    expect(cases.linked).toBe(cases.n); // each names the answer it is about
    expect(cases.late).toBeGreaterThan(0);
  });

  it('answers the first reply within hours as a rule, and spends time that costs', async () => {
    const replies = await one<{ median_hours: number; minutes: number }>(`
      select percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - created_at) / 3600) as median_hours,
             (select coalesce(sum((data->>'minutesSpent')::int), 0) from case_timeline where org_id = $1)::int as minutes
        from cases where org_id = $1 and first_responded_at is not null`);
    expect(replies.median_hours).toBeGreaterThan(0.2);
    expect(replies.median_hours).toBeLessThan(24);
    expect(replies.minutes).toBeGreaterThan(0);
  });

  it('tells profitability apart from lifetime value', async () => {
    const values = await one<{ differ: number; costly: number }>(`
      select count(*) filter (where profitability_minor <> clv_minor)::int as differ,
             count(*) filter (where cost_to_serve_minor > 0)::int as costly
        from customer_values where org_id = $1`);
    expect(values.costly).toBeGreaterThan(0);
    expect(values.differ).toBeGreaterThan(0);
  });

  it('audits its cafés monthly for a year; a few failed critical items opened corrective cases, the older ones resolved', async () => {
    const a = await one<{
      visits: number;
      done: number;
      failed: number;
      cafes: number;
      months: number;
      planned: number;
    }>(`
      select count(*)::int as visits, count(*) filter (where status = 'done')::int as done,
             count(*) filter (where failed)::int as failed, count(distinct location_id)::int as cafes,
             count(distinct to_char(done_at, 'YYYY-MM'))::int as months,
             count(*) filter (where status = 'scheduled' and kind = 'shopper')::int as planned
        from audit_visits where org_id = $1`);
    expect(a.visits).toBe(demo.counts.auditVisits);
    expect(a).toMatchObject({ cafes: 4, planned: 1 });
    expect(a.months).toBeGreaterThanOrEqual(12);
    expect(a.failed).toBe(demo.counts.correctiveCases);
    expect(a.failed).toBeGreaterThan(0);
    expect(a.failed).toBeLessThan(a.done / 4);
    const cases = await one<{ n: number; resolved: number }>(`
      select count(*)::int as n, count(*) filter (where c.status = 'resolved')::int as resolved
        from cases c join audit_visits v on v.org_id = c.org_id and v.case_id = c.id where c.org_id = $1`);
    expect(cases.n).toBe(a.failed);
    expect(cases.resolved).toBeGreaterThan(0);
    const trends = await api(t, { authorization: `Bearer ${demo.apiKey}` }).ok('GET', '/api/v1/audit-trends');
    expect(trends.items.length).toBeGreaterThanOrEqual(4 * 11);
  });

  it('has a café chain with its teams and people; the support desk’s agents are its people', async () => {
    const staff = await one<{
      locations: number;
      teams: number;
      people: number;
      managed: number;
      linked: number;
    }>(`
      select (select count(*) from locations where org_id = $1)::int as locations,
             (select count(*) from teams where org_id = $1)::int as teams,
             count(*)::int as people,
             count(manager_id)::int as managed,
             count(user_id)::int as linked
        from employees where org_id = $1`);
    expect(staff).toMatchObject({ locations: 5, teams: 7 });
    expect(staff.people).toBe(demo.counts.employees);
    expect(staff.managed).toBe(staff.people - 1); // everyone but the head of operations
    expect(staff.linked).toBe(3); // the manager and the two agents
  });

  it('asks its staff for eNPS every month; teams too small to stay anonymous are hidden, never a number', async () => {
    const a = api(t, { authorization: `Bearer ${demo.apiKey}` });
    const surveys = await a.ok('GET', '/api/v1/surveys?audience=employees');
    const pulse = surveys.items.find((s: { name: string }) => s.name === 'Puls zespołu');
    const r = await a.ok('GET', `/api/v1/surveys/${pulse.id}/enps`);
    expect(r.suppressed).toBe(false);
    expect(r.total.n).toBe(demo.counts.pulseAnswers);
    expect(r.total.ci95).toHaveLength(2);
    expect(r.trend).toHaveLength(3);
    const hidden = r.groups.team.filter((g: { hidden: boolean }) => g.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    for (const g of hidden) expect(Object.keys(g).sort()).toEqual(['hidden', 'key', 'name']);
    for (const g of r.groups.team.filter((x: { hidden: boolean }) => !x.hidden)) {
      expect(g.n).toBeGreaterThanOrEqual(r.anonymityThreshold);
    }
    const rounds = await a.ok('GET', `/api/v1/surveys/${pulse.id}/pulses`);
    expect(rounds.items).toHaveLength(3);
  });

  it('answers at its cafés and online shop, Mokotów ahead of Oliwa, each judged against its target', async () => {
    const board = await api(t, { authorization: `Bearer ${demo.apiKey}` }).ok(
      'GET',
      '/api/v1/locations/leaderboard?metric=nps',
    );
    type Item = { code: string; n: number; score: number; target: number; rank: unknown };
    const by = Object.fromEntries(board.items.map((i: Item) => [i.code, i])) as Record<string, Item>;
    // Every answer has its location; a location under the 30 answers a rank needs has none.
    expect(board.unlocated).toBe(0);
    expect(board.items.every((i: Item) => i.n > 0 && i.target > 0 && (i.n >= 30 || i.rank === null))).toBe(
      true,
    );
    expect(by['WAW-MOK'].score).toBeGreaterThan(by['GDA-OLI'].score);
    expect(Math.max(...board.items.map((i: Item) => i.score))).toBe(by['WAW-MOK'].score);
    expect(Math.min(...board.items.map((i: Item) => i.score))).toBe(by['GDA-OLI'].score);
  });

  it('grants goodwill within the budgets over the year, and routes praise naming the staff', async () => {
    const goodwill = await one<{ grants: number; months: number; over: number }>(`
      select count(*)::int as grants, count(distinct period_start)::int as months,
             (select count(*) from (
                select g.tier, g.period_start from goodwill_grants g join goodwill_budgets b on b.org_id = g.org_id and b.tier = g.tier
                 where g.org_id = $1 group by g.tier, g.period_start, b.pool_minor having sum(g.amount_minor) > b.pool_minor) x)::int as over
        from goodwill_grants where org_id = $1`);
    expect(goodwill.grants).toBe(demo.counts.goodwill);
    expect(goodwill.grants).toBeGreaterThan(0);
    expect(goodwill.months).toBeGreaterThan(3);
    expect(goodwill.over).toBe(0);
    const praise = await one<{ confirmed: number; pending: number; named: number }>(`
      select count(*) filter (where status = 'confirmed')::int as confirmed,
             count(*) filter (where status = 'pending')::int as pending,
             count(*) filter (where matched_by = 'name')::int as named
        from praise where org_id = $1`);
    expect(praise.named).toBeGreaterThan(40);
    expect(praise.pending).toBeGreaterThan(0);
  });
});
