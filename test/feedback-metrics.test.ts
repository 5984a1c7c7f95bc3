import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponses, type ResponseInput } from './helpers/responses';

const nps = (value: number, extra: ResponseInput = {}): ResponseInput => ({
  scores: { nps: value },
  ...extra,
});

describe.each(ENGINES)('feedback metrics endpoints on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  const get = async (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...org.auth, ...headers } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    // January: 5 promoters, 2 passives, 3 detractors at the shop; February: 2 promoters, 2 detractors online.
    const jan = (d: number) => new Date(Date.UTC(2026, 0, d, 12));
    const feb = (d: number) => new Date(Date.UTC(2026, 1, d, 12));
    await emitResponses(t.ctx, org.orgId, [
      ...[10, 10, 9, 9, 9].map((v, i) => nps(v, { touchpoint: 'shop', submittedAt: jan(1 + i) })),
      ...[8, 7].map((v, i) => nps(v, { touchpoint: 'shop', submittedAt: jan(10 + i) })),
      ...[0, 3, 6].map((v, i) => nps(v, { touchpoint: 'shop', submittedAt: jan(20 + i), customer: `c${i}` })),
      ...[10, 9, 2, 5].map((v, i) =>
        nps(v, { touchpoint: 'online', channel: 'email', submittedAt: feb(3 + i) }),
      ),
      { scores: { csat: 5, ces: 6 }, touchpoint: 'online', submittedAt: feb(4) },
      { scores: { csat: 2, ces: 3 }, touchpoint: 'shop', submittedAt: feb(5) },
    ]);
  });
  afterAll(() => t?.close());

  it('computes NPS with its interval, counts and the small-sample flag', async () => {
    const res = await get('/api/v1/metrics/nps');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 7 promoters, 2 passives, 5 detractors of 14: NPS = 100·(7 − 5)/14.
    expect(body.n).toBe(14);
    expect(body.score).toBeCloseTo((100 * 2) / 14, 10);
    expect(body.counts).toEqual({ promoters: 7, passives: 2, detractors: 5 });
    const pP = 7 / 14;
    const pD = 5 / 14;
    const half = 1.959963984540054 * Math.sqrt((pP + pD - (pP - pD) ** 2) / 14) * 100;
    expect(body.ci95[0]).toBeCloseTo(body.score - half, 6);
    expect(body.ci95[1]).toBeCloseTo(body.score + half, 6);
    expect(body.smallSample).toBe(true);
    expect(body.suppressed).toBe(false);
  });

  it('groups by month and by touchpoint from the roll-ups, and scans the facts for odd hours', async () => {
    const byMonth = await get('/api/v1/metrics/nps?groupBy=month');
    expect(byMonth.headers['x-feedback-source']).toBe('monthly');
    expect(
      byMonth.json().groups.map((g: { key: string; n: number; score: number }) => [g.key, g.n, g.score]),
    ).toEqual([
      ['2026-01-01', 10, 20],
      ['2026-02-01', 4, 0],
    ]);
    const byTouchpoint = await get('/api/v1/metrics/nps?groupBy=touchpoint&from=2026-01-01&to=2026-02-28');
    expect(byTouchpoint.headers['x-feedback-source']).toBe('rollup');
    expect(byTouchpoint.json().groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['online', 4],
      ['shop', 10],
    ]);
    const odd = await get('/api/v1/metrics/nps?from=2026-01-01T13:00:00Z&to=2026-01-21T00:00:00%2B01:00');
    expect(odd.headers['x-feedback-source']).toBe('facts');
    // Jan 2..5 (4 promoters), the 10th and 11th (passives) and the 20th (a detractor); the 21st is after 23:00 UTC of the 20th.
    expect(odd.json().n).toBe(7);
  });

  it('filters by channel and compares with the previous period', async () => {
    const email = (await get('/api/v1/metrics/nps?channel=email')).json();
    expect(email.n).toBe(4);
    const feb = (await get('/api/v1/metrics/nps?from=2026-02-01&to=2026-02-28&compare=previous')).json();
    expect(feb.n).toBe(4);
    // The previous 28 days are Jan 4..31: 2 promoters, 2 passives, 3 detractors → NPS −100/7.
    expect(feb.change.previous.n).toBe(7);
    expect(feb.change.previous.score).toBeCloseTo(-100 / 7, 10);
    expect(feb.change.delta).toBeCloseTo(100 / 7, 10);
    expect(feb.change.pValue).toBeGreaterThan(0.5);
    const explicit = (
      await get(
        '/api/v1/metrics/nps?from=2026-02-01&to=2026-02-28&compareFrom=2026-01-01&compareTo=2026-01-31',
      )
    ).json();
    expect(explicit.change.previous).toEqual({ score: 20, n: 10 });
    expect(explicit.change.delta).toBeCloseTo(-20, 10);
    expect(explicit.change.pValue).toBeGreaterThan(0);
    expect(explicit.change.pValue).toBeLessThan(1);
  });

  it('computes CSAT with the Wilson interval and CES with a t-interval', async () => {
    const csat = (await get('/api/v1/metrics/csat')).json();
    expect(csat).toMatchObject({
      n: 2,
      score: 50,
      counts: { satisfied: 1, neutral: 0, dissatisfied: 1 },
      mean: 3.5,
    });
    expect(csat.ci95[0]).toBeGreaterThan(0);
    expect(csat.ci95[1]).toBeLessThan(100);
    const ces = (await get('/api/v1/metrics/ces')).json();
    expect(ces).toMatchObject({ n: 2, score: 4.5, agreePercent: 50 });
  });

  it('exports any metric table as CSV by format or Accept header', async () => {
    const res = await get('/api/v1/metrics/nps?groupBy=touchpoint&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('group,n,score,ci95_low,ci95_high,smallSample,promoters,passives,detractors');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['group', 'online', 'shop', 'total']);
    const byAccept = await get('/api/v1/metrics/csat', { accept: 'text/csv' });
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(byAccept.body).toContain('satisfied');
  });

  it('answers bad input with problem+json naming the field', async () => {
    for (const [query, field] of [
      ['groupBy=year', 'query.groupBy'],
      ['from=2026-13-01', 'query.from'],
      ['from=2026-02-01&to=2026-01-01', 'query.to'],
      ['compare=previous', 'query.from'],
      ['from=2026-01-01&compare=previous&compareFrom=2025-01-01', 'query.compare'],
      ['audience=robots', 'query.audience'],
    ]) {
      const res = await get(`/api/v1/metrics/nps?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('ranks drivers by how much they drag the overall score', async () => {
    const res = await get('/api/v1/analytics/drivers?metric=nps&by=touchpoint');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.score).toBeCloseTo((100 * 2) / 14, 10);
    expect(body.items.map((d: { key: string }) => d.key)).toEqual(['online', 'shop']);
    const [online, shop] = body.items;
    expect(online).toMatchObject({ n: 4, share: 4 / 14, score: 0 });
    // Without online the score is shop's own 20, so online drags the overall by 14.29 − 20.
    expect(online.impact).toBeCloseTo((100 * 2) / 14 - 20, 10);
    expect(shop.impact).toBeCloseTo((100 * 2) / 14 - 0, 10);
  });

  it('shows the latest scores on the customer profile extension', async () => {
    const res = await get('/api/v1/customers/c1');
    expect(res.statusCode).toBe(200);
    expect(res.json().latestFeedback).toMatchObject({ nps: { value: 3 } });
  });
});
