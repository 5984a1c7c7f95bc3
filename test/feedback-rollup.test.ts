import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDayNumber, parseDayNumber } from '../src/lib/day-number';
import { GROUP_BYS, type GroupBy } from '../src/modules/feedback/domain/dimensions';
import { countAnswers } from '../src/modules/feedback/domain/metrics/counts-from-rows';
import { computeMetric } from '../src/modules/feedback/domain/metrics/metric';
import type { MetricKind } from '../src/modules/feedback/domain/metrics/scales';
import { localDayOf } from '../src/modules/feedback/domain/period';
import { type MetricQuery, queryMetric } from '../src/modules/feedback/use-cases/query-metric';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponse, emitResponses } from './helpers/responses';

const DOMAIN = {
  surveyId: ['s1', 's2'],
  touchpoint: ['shop', 'online', null],
  channel: ['link', 'email', 'qr'],
  locale: ['en', 'pl'],
  team: ['red', 'blue', null],
} as const;
const START = Date.UTC(2026, 0, 1);
const SPAN_MS = 120 * 86_400_000;

type Generated = {
  surveyId: string;
  touchpoint: string | null;
  channel: string;
  locale: string;
  team: string | null;
  customer: boolean;
  /** The customer's lifecycle stage when they answered, as the customers module set it. */
  stage?: string;
  at: number;
  nps: number;
  csat: number | null;
  ces: number | null;
};

const responseArb: fc.Arbitrary<Generated> = fc.record({
  surveyId: fc.constantFrom(...DOMAIN.surveyId),
  touchpoint: fc.constantFrom(...DOMAIN.touchpoint),
  channel: fc.constantFrom(...DOMAIN.channel),
  locale: fc.constantFrom(...DOMAIN.locale),
  team: fc.constantFrom(...DOMAIN.team),
  customer: fc.boolean(),
  at: fc.integer({ min: START, max: START + SPAN_MS }),
  nps: fc.integer({ min: 0, max: 10 }),
  csat: fc.option(fc.integer({ min: 1, max: 5 })),
  ces: fc.option(fc.integer({ min: 1, max: 7 })),
});
const data = fc.sample(responseArb, { numRuns: 160, seed: 20260302 });

const dayArb = fc
  .integer({ min: -5, max: 125 })
  .map((d) => formatDayNumber(parseDayNumber('2026-01-01') + d));
const queryArb = fc.record(
  {
    metric: fc.constantFrom<MetricKind>('nps', 'csat', 'ces'),
    groupBy: fc.constantFrom<GroupBy>(...GROUP_BYS),
    surveyId: fc.constantFrom(...DOMAIN.surveyId),
    touchpoint: fc.constantFrom('shop', 'online', ''),
    channel: fc.constantFrom(...DOMAIN.channel),
    locale: fc.constantFrom(...DOMAIN.locale),
    team: fc.constantFrom('red', 'blue', ''),
    stage: fc.constantFrom('potential', 'visitor', ''),
    from: dayArb,
    to: dayArb,
  },
  { requiredKeys: ['metric'] },
);
/** Queries the month roll-up answers, with partial months at either end read from the days. */
const monthlyQueryArb = fc.record(
  {
    metric: fc.constantFrom<MetricKind>('nps', 'csat', 'ces'),
    groupBy: fc.constantFrom<GroupBy>('month', 'survey', 'audience'),
    surveyId: fc.constantFrom(...DOMAIN.surveyId),
    from: dayArb,
    to: dayArb,
  },
  { requiredKeys: ['metric'] },
);

type Query = typeof queryArb extends fc.Arbitrary<infer Q> ? Q : never;

/** The same figures computed in memory from what was sent: the oracle for both database paths. */
function expected(q: Query, timeZone: string) {
  const answerOf = (r: Generated) => (q.metric === 'nps' ? r.nps : q.metric === 'csat' ? r.csat : r.ces);
  const dimension = (r: Generated, g: GroupBy): string => {
    const day = localDayOf(new Date(r.at), timeZone);
    const text = formatDayNumber(day);
    if (g === 'day') return text;
    if (g === 'week') return formatDayNumber(day - ((day + 3) % 7));
    if (g === 'month') return `${text.slice(0, 7)}-01`;
    if (g === 'lifecycleStage') return r.stage ?? '';
    if (g === 'survey') return r.surveyId;
    if (g === 'audience') return 'customers';
    if (g === 'segment' || g === 'tier') return '';
    return ((r as Record<string, unknown>)[g] as string | null) ?? '';
  };
  const rows = data.filter((r) => {
    const day = formatDayNumber(localDayOf(new Date(r.at), timeZone));
    return (
      answerOf(r) !== null &&
      (q.surveyId === undefined || r.surveyId === q.surveyId) &&
      (q.touchpoint === undefined || (r.touchpoint ?? '') === q.touchpoint) &&
      (q.channel === undefined || r.channel === q.channel) &&
      (q.locale === undefined || r.locale === q.locale) &&
      (q.team === undefined || (r.team ?? '') === q.team) &&
      (q.stage === undefined || (r.stage ?? '') === q.stage) &&
      (q.from === undefined || day >= q.from) &&
      (q.to === undefined || day <= q.to)
    );
  });
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = q.groupBy ? dimension(r, q.groupBy) : '';
    groups.set(key, [...(groups.get(key) ?? []), answerOf(r)!]);
  }
  return {
    total: computeMetric(
      q.metric,
      countAnswers(
        q.metric,
        rows.map((r) => answerOf(r)!),
      ),
    ),
    groups: [...groups.keys()].sort().map((key) => ({
      key: key === '' ? null : key,
      n: groups.get(key)!.length,
      counts: computeMetric(q.metric, countAnswers(q.metric, groups.get(key)!)).counts,
    })),
  };
}

describe.each(ENGINES)('roll-ups answer exactly as a scan of the facts on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    for (const [i, r] of data.entries()) {
      const sent = await emitResponse(t.ctx, org.orgId, {
        surveyId: r.surveyId,
        touchpoint: r.touchpoint,
        channel: r.channel,
        locale: r.locale,
        team: r.team,
        customer: r.customer ? `cust-${i % 40}` : undefined,
        submittedAt: new Date(r.at),
        scores: { nps: r.nps, ...(r.csat ? { csat: r.csat } : {}), ...(r.ces ? { ces: r.ces } : {}) },
      });
      const [fact] = await t.ctx.db.queryOwner<{ stage: string }>(
        `select stage from feedback_facts where org_id = $1 and metric = 'nps' and response_id = $2`,
        [org.orgId, sent.responseId],
      );
      r.stage = fact.stage;
    }
  });
  afterAll(() => t?.close());

  const checkQueries = (timeZone: string, queries: fc.Arbitrary<Query> = queryArb) =>
    fc.assert(
      fc.asyncProperty(queries, async (raw) => {
        const q = raw.from && raw.to && raw.from > raw.to ? { ...raw, from: raw.to, to: raw.from } : raw;
        const { metric, ...rest } = q;
        const query = rest as MetricQuery;
        const viaRollup = await queryMetric(t.ctx, org.orgId, metric, query);
        const viaScan = await queryMetric(t.ctx, org.orgId, metric, query, { scan: true });
        expect(viaRollup.source).not.toBe('facts');
        expect(viaScan.source).toBe('facts');
        expect(viaRollup.answer).toEqual(viaScan.answer);
        const answer = viaScan.answer;
        if (answer.suppressed) throw new Error('customers are never withheld');
        const oracle = expected(q, timeZone);
        expect(answer.n).toBe(oracle.total.n);
        expect(answer.counts).toEqual(oracle.total.counts);
        expect(answer.groups.map((g) => ({ key: g.key, n: g.n, counts: g.counts }))).toEqual(
          q.groupBy ? oracle.groups : [],
        );
        if (answer.score !== null && metric === 'nps') {
          expect(answer.score).toBeGreaterThanOrEqual(-100);
          expect(answer.score).toBeLessThanOrEqual(100);
        }
        if (answer.ci95 && answer.score !== null) {
          expect(answer.ci95[0]).toBeLessThanOrEqual(answer.score + 1e-9);
          expect(answer.ci95[1]).toBeGreaterThanOrEqual(answer.score - 1e-9);
        }
      }),
      { numRuns: 40, seed: 7 },
    );

  it('for random filters and groupings', async () => {
    await checkQueries('UTC');
  });

  it('for whole months and the days around them', async () => {
    await checkQueries('UTC', monthlyQueryArb);
    const { source } = await queryMetric(t.ctx, org.orgId, 'nps', { from: '2026-01-15', to: '2026-03-10' });
    expect(source).toBe('monthly');
  });

  it('after the organization moves to another time zone, once the roll-ups are rebuilt', async () => {
    const moved = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: org.auth,
      payload: { timeZone: 'Europe/Warsaw' },
    });
    expect(moved.statusCode).toBe(200);
    const first = await t.app.inject({ url: '/api/v1/metrics/nps?groupBy=day', headers: org.auth });
    // The roll-ups still hold UTC days: the facts answer, in Warsaw days, until the rebuild.
    expect(first.headers['x-feedback-source']).toBe('facts');
    await t.app.inject({ url: '/api/v1/metrics/nps?groupBy=day', headers: org.auth });
    await t.ctx.jobs.runDue();
    const rebuilt = await t.app.inject({ url: '/api/v1/metrics/nps?groupBy=day', headers: org.auth });
    expect(rebuilt.headers['x-feedback-source']).toBe('daily');
    expect(rebuilt.json()).toEqual(first.json());
    await checkQueries('Europe/Warsaw');
  });
});

describe.each(ENGINES)('the NPS interval through the endpoint on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  it('narrows as the same answers grow in number', async () => {
    const batch = [10, 9, 9, 8, 7, 6, 3, 0, 10, 9].map((nps) => ({ scores: { nps } }));
    const widths: number[] = [];
    for (let k = 1; k <= 3; k++) {
      await emitResponses(t.ctx, org.orgId, batch);
      const body = (await t.app.inject({ url: '/api/v1/metrics/nps', headers: org.auth })).json();
      expect(body.score).toBeCloseTo(20, 10);
      widths.push(body.ci95[1] - body.ci95[0]);
    }
    expect(widths[1]).toBeLessThan(widths[0]);
    expect(widths[2]).toBeLessThan(widths[1]);
    expect(widths[0] / widths[2]).toBeCloseTo(Math.sqrt(3), 6);
  });
});
