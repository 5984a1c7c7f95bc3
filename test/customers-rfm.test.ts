import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { daysAgo } from './helpers/customers';
import { ENGINES } from './helpers/db';

/**
 * Ten buyers with distinct values. With n = 10, percent_rank of the i-th value (0-based) is i/9
 * and the score min(5, 1 + floor(5i/9)) is 1,1,2,2,3,3,4,4,5,5 for i = 0..9. By hand:
 *
 * | cust | days | R | purchases | F | net spend | M | FM=(F+M+1)/2 | segment            |
 * |------|------|---|-----------|---|-----------|---|--------------|--------------------|
 * | k0   |    5 | 5 |        10 | 5 |     10000 | 5 | 5            | champions          |
 * | k1   |   12 | 5 |         1 | 1 |       500 | 1 | 1            | new                |
 * | k2   |   20 | 4 |         4 | 2 |      4000 | 3 | 3            | potential_loyalist |
 * | k3   |   33 | 4 |         6 | 3 | 1500-300  | 2 | 3            | potential_loyalist |
 * | k4   |   47 | 3 |         2 | 1 |      8000 | 4 | 3            | need_attention     |
 * | k5   |   60 | 3 |         8 | 4 |      6000 | 4 | 4            | loyal              |
 * | k6   |   75 | 2 |         3 | 2 |      3000 | 3 | 3            | at_risk            |
 * | k7   |   90 | 2 |         9 | 5 |      9000 | 5 | 5            | cant_lose_them     |
 * | k8   |  120 | 1 |         5 | 3 |      2000 | 2 | 3            | at_risk            |
 * | k9   |  170 | 1 |         7 | 4 |       700 | 1 | 3            | at_risk            |
 */
const BUYERS = [
  { id: 'k0', days: 5, purchases: 10, spend: 10000, expect: [5, 5, 5, 'champions'] },
  { id: 'k1', days: 12, purchases: 1, spend: 500, expect: [5, 1, 1, 'new'] },
  { id: 'k2', days: 20, purchases: 4, spend: 4000, expect: [4, 2, 3, 'potential_loyalist'] },
  { id: 'k3', days: 33, purchases: 6, spend: 1500, refund: 300, expect: [4, 3, 2, 'potential_loyalist'] },
  { id: 'k4', days: 47, purchases: 2, spend: 8000, expect: [3, 1, 4, 'need_attention'] },
  { id: 'k5', days: 60, purchases: 8, spend: 6000, expect: [3, 4, 4, 'loyal'] },
  { id: 'k6', days: 75, purchases: 3, spend: 3000, expect: [2, 2, 3, 'at_risk'] },
  { id: 'k7', days: 90, purchases: 9, spend: 9000, expect: [2, 5, 5, 'cant_lose_them'] },
  { id: 'k8', days: 120, purchases: 5, spend: 2000, expect: [1, 3, 2, 'at_risk'] },
  { id: 'k9', days: 170, purchases: 7, spend: 700, expect: [1, 4, 1, 'at_risk'] },
] as const;

describe.each(ENGINES)('RFM on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let as: Api;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    as = api(t, org);
  });
  afterAll(() => t?.close());

  const recompute = async (call: Api = as) => {
    const started = await call.post('/api/v1/analytics/rfm/recompute');
    expect(started.status).toBe(202);
    const { jobId } = started.body;
    expect((await call.get(`/api/v1/jobs/${jobId}`)).body).toMatchObject({
      id: jobId,
      status: 'queued',
    });
    await t.ctx.jobs.runDue();
    expect((await call.get(`/api/v1/jobs/${jobId}`)).body).toMatchObject({
      status: 'done',
      attempts: 1,
    });
  };

  it('scores quintiles and names segments as worked out by hand', async () => {
    const events: Record<string, unknown>[] = BUYERS.flatMap((b) => [
      ...Array.from({ length: b.purchases }, (_, j) => ({
        type: 'purchase',
        customerExternalId: b.id,
        occurredAt: daysAgo(t, b.days + j),
        amount: b.spend / b.purchases,
      })),
      ...('refund' in b
        ? [{ type: 'refund', customerExternalId: b.id, occurredAt: daysAgo(t, b.days), amount: b.refund }]
        : []),
    ]);
    events.push({ type: 'visit', customerExternalId: 'browser', occurredAt: daysAgo(t, 1) });
    expect((await as.post('/api/v1/events/batch', { events })).status).toBe(200);
    await recompute();

    for (const b of BUYERS) {
      const { rfm } = (await as.get(`/api/v1/customers/${b.id}`)).body;
      expect([rfm.r, rfm.f, rfm.m, rfm.segment], b.id).toEqual(b.expect);
      expect(rfm.recencyDays).toBe(b.days);
      expect(rfm.frequency).toBe(b.purchases);
    }
    expect((await as.get('/api/v1/customers/k3')).body.rfm.monetaryMinor).toBe(1200);
    expect((await as.get('/api/v1/customers/browser')).body.rfm).toBeNull(); // never bought

    const atRisk = (await as.get('/api/v1/customers?segment=at_risk')).body.items;
    expect(atRisk.map((c: { externalId: string }) => c.externalId)).toEqual(['k6', 'k8', 'k9']);
    expect(atRisk[0].segment).toBe('at_risk');
  });

  it('leaves unchanged scores alone the next day while recency counts on', async () => {
    const before = (await as.get('/api/v1/customers/k4')).body.rfm;
    t.clock.advance(86_400_000);
    await recompute();
    const after = (await as.get('/api/v1/customers/k4')).body.rfm;
    expect(after.recencyDays).toBe(before.recencyDays + 1);
    expect(after.lastPurchaseOn).toBe(before.lastPurchaseOn);
    expect(after.changedAt).toBe(before.changedAt); // the row was not rewritten
    expect([after.r, after.f, after.m, after.segment]).toEqual([
      before.r,
      before.f,
      before.m,
      before.segment,
    ]);
  });

  it('gives tied values one score', async () => {
    const other = await t.createOrg();
    const call = api(t, other);
    const buy = (id: string, days: number) => ({
      type: 'purchase',
      customerExternalId: id,
      occurredAt: daysAgo(t, days),
      amount: 100,
    });
    await call.post('/api/v1/events/batch', {
      events: [buy('a', 3), buy('b', 3), buy('c', 2), buy('c', 9)],
    });
    await recompute(call);
    const scores = async (id: string) => {
      const { rfm } = (await call.get(`/api/v1/customers/${id}`)).body;
      return [rfm.r, rfm.f, rfm.m];
    };
    // a and b tie on everything: percent_rank 0 for both, c ranks last (1)
    expect(await scores('a')).toEqual([1, 1, 1]);
    expect(await scores('b')).toEqual([1, 1, 1]);
    expect(await scores('c')).toEqual([5, 5, 5]);
  });

  it('drops the scores of customers who no longer have purchases and keeps the job per organization', async () => {
    const other = await t.createOrg();
    expect((await api(t, other).get('/api/v1/jobs/1')).status).toBe(404);
    expect((await as.get('/api/v1/jobs/abc')).status).toBe(400);
    await recompute();
    const rows = await t.ctx.db.queryOwner<{ n: number }>(
      'select count(*)::int as n from customer_rfm where org_id = $1',
      [org.orgId],
    );
    expect(rows[0].n).toBe(10);
  });

  it("takes a deleted customer's scores and stage history with it", async () => {
    const count = async (table: string) =>
      (
        await t.ctx.db.queryOwner<{ n: number }>(
          `select count(*)::int as n from ${table} s join customers c on c.org_id = s.org_id and c.id = s.customer_id
            where c.org_id = $1 and c.external_id = 'k0'`,
          [org.orgId],
        )
      )[0].n;
    const [{ id }] = await t.ctx.db.queryOwner<{ id: string }>(
      "select id from customers where org_id = $1 and external_id = 'k0'",
      [org.orgId],
    );
    expect(await count('customer_rfm')).toBe(1);
    expect(await count('stage_changes')).toBeGreaterThan(0);
    await t.ctx.db.queryOwner('delete from customers where org_id = $1 and id = $2', [org.orgId, id]);
    for (const table of ['customer_rfm', 'stage_changes']) {
      const left = await t.ctx.db.queryOwner<{ n: number }>(
        `select count(*)::int as n from ${table} where org_id = $1 and customer_id = $2`,
        [org.orgId, id],
      );
      expect(left[0].n, table).toBe(0);
    }
  });
});
