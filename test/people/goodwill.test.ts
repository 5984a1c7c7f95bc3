import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';

describe.each(ENGINES)('goodwill within a budget on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const caseFor = async (externalId: string) => {
    const a = api(t, org);
    await a.ok('POST', '/api/v1/customers/batch', {
      customers: [{ externalId, email: `${externalId}@example.com` }],
    });
    return (await a.ok('POST', '/api/v1/cases', { title: 'Cold coffee', customerExternalId: externalId }))
      .id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  it('refuses a grant when the tier has no budget, naming the amount', async () => {
    const caseId = await caseFor('no-budget');
    const res = await api(t, org).post(`/api/v1/cases/${caseId}/goodwill`, {
      kind: 'gift',
      amountMinor: 500,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('body.amountMinor');
  });

  it('never lets 20 concurrent grants pass the pool, and records each one on its case', async () => {
    const a = api(t, org);
    const budget = await a.ok('POST', '/api/v1/goodwill/budgets', {
      tier: 'standard',
      period: 'month',
      poolMinor: 10_000,
    });
    expect(budget).toMatchObject({ tier: 'standard', spentMinor: 0, perCustomerMinor: null });
    const cases = await Promise.all(Array.from({ length: 20 }, (_, i) => caseFor(`c${i}`)));
    // 20 × 700 = 14,000 asked of 10,000: exactly 14 fit (9,800), the rest are refused.
    const answers = await Promise.all(
      cases.map((id) =>
        a.post(`/api/v1/cases/${id}/goodwill`, { kind: 'refund', amountMinor: 700, note: 'Sorry' }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(14);
    expect(statuses.filter((s) => s === 409)).toHaveLength(6);
    const refused = answers.find((r) => r.status === 409)!;
    expect(refused.body.errors[0]).toMatchObject({ field: 'body.amountMinor' });
    expect(refused.body.errors[0].message).toContain('200 left');

    const [row] = await t.ctx.db.queryOwner<{ sum: string; n: number }>(
      'select sum(amount_minor)::text as sum, count(*)::int as n from goodwill_grants where org_id = $1',
      [org.orgId],
    );
    expect(Number(row.sum)).toBe(9_800);
    const after = (await a.ok('GET', '/api/v1/goodwill/budgets')).items[0];
    expect(after).toMatchObject({ spentMinor: 9_800, grants: 14 });

    const granted = answers.find((r) => r.status === 201)!.body;
    const timeline = (await a.ok('GET', `/api/v1/cases/${granted.caseId}`)).timeline as { kind: string }[];
    expect(timeline.map((e) => e.kind)).toContain('goodwill');
    const ofCase = await a.ok('GET', `/api/v1/goodwill/grants?caseId=${granted.caseId}`);
    expect(ofCase.items).toHaveLength(1);
  });

  it('caps what one customer gets in a period, and shows it in the profile, the export and the erasure', async () => {
    const a = api(t, org);
    const budget = (await a.ok('GET', '/api/v1/goodwill/budgets')).items[0];
    await a.ok('PATCH', `/api/v1/goodwill/budgets/${budget.id}`, {
      poolMinor: 1_000_000,
      perCustomerMinor: 1_000,
    });
    const caseId = await caseFor('capped');
    expect(
      (
        await a.post(`/api/v1/cases/${caseId}/goodwill`, {
          kind: 'gift',
          amountMinor: 800,
          note: 'A cake for Ms Nowak',
        })
      ).status,
    ).toBe(201);
    const over = await a.post(`/api/v1/cases/${caseId}/goodwill`, { kind: 'gift', amountMinor: 300 });
    expect(over.status).toBe(409);
    expect(over.body.errors[0].message).toContain('200 left');

    const profile = await a.ok('GET', '/api/v1/customers/capped');
    expect(profile.goodwill).toEqual([expect.objectContaining({ kind: 'gift', amountMinor: 800 })]);
    const exported = await a.ok('GET', '/api/v1/customers/capped/export');
    expect(JSON.stringify(exported)).toContain('A cake for Ms Nowak');
    expect((await a.delete('/api/v1/customers/capped')).status).toBeLessThan(300);
    const [kept] = await t.ctx.db.queryOwner<{ amount_minor: string; note: string | null }>(
      'select amount_minor::text, note from goodwill_grants where org_id = $1 and amount_minor = 800',
      [org.orgId],
    );
    expect(kept).toEqual({ amount_minor: '800', note: null });
  });

  it('answers 400 naming the field for a bad grant or budget', async () => {
    const a = api(t, org);
    const caseId = await caseFor('bad-input');
    const bad = await a.post(`/api/v1/cases/${caseId}/goodwill`, { kind: 'cash', amountMinor: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.amountMinor',
      'body.kind',
    ]);
    const dup = await a.post('/api/v1/goodwill/budgets', { tier: 'standard', poolMinor: 1 });
    expect(dup.status).toBe(409);
    expect(
      (await a.post(`/api/v1/cases/${crypto.randomUUID()}/goodwill`, { kind: 'gift', amountMinor: 1 }))
        .status,
    ).toBe(404);
  });
});
