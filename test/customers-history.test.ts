import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../src/events/bus';
import { stageTimeline } from '../src/modules/customers/domain/stage-timeline';
import { DEFAULT_RULES } from '../src/modules/customers/domain/stages';
import { reviewStages } from '../src/modules/customers/use-cases/recompute';
import { refreshStages } from '../src/modules/customers/use-cases/refresh-stages';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey } from './surveys/helpers';

const DAY_MS = 86_400_000;
// The test app's clock starts at 2026-03-02T09:00:00Z; organizations count days in UTC unless told.
const NOW = new Date('2026-03-02T09:00:00Z');
const day = (iso: string) => `${iso}T00:00:00.000Z`;

type Move = { customer: string; from: string; to: string; at: string };

describe.each(ENGINES)('stage history in event time on %s', (engine) => {
  let t: TestApp;
  const changes: DomainEvents['customer.stage_changed'][] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    t.ctx.bus.on('customer.stage_changed', async (_tx, c) => {
      changes.push(c);
    });
  });
  afterAll(() => t?.close());

  // Each call runs the jobs it left due: histories whose past changed are rewritten right after.
  const post = async (org: TestOrg, url: string, body: unknown) => {
    const res = await api(t, org).post(url, body);
    expect(res.status, res.text).toBe(200);
    await t.ctx.jobs.runDue();
    return res.body;
  };
  let seq = 0;
  const purchase = (customer: string, at: string) => ({
    id: `h-${++seq}`,
    type: 'purchase',
    customerExternalId: customer,
    occurredAt: at,
    amount: 1000,
  });
  const historyOf = async (org: TestOrg, customer: string) =>
    (
      await t.ctx.db.queryOwner<Move>(
        `select c.external_id as customer, s.from_stage as "from", s.to_stage as "to",
                to_char(s.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
           from stage_changes s join customers c on c.org_id = s.org_id and c.id = s.customer_id
          where s.org_id = $1 and c.external_id = $2 order by s.changed_at`,
        [org.orgId, customer],
      )
    ).map((m) => `${m.from}>${m.to}@${m.at}`);
  const at = (org: TestOrg) => async (customer: string) =>
    (await api(t, org).get(`/api/v1/customers/${customer}`)).body;

  it('dates every move of a two-year import when it happened, edges included', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    // imported newest first, in one batch: the order of arrival does not matter
    await post(org, '/api/v1/events/batch', {
      events: [
        // buyer on 2024-03-10, lost on the day the purchase turns 181 days old
        purchase('lapsed', '2024-03-10T15:00:00Z'),
        // a purchase 180 days before the next keeps the customer a buyer: no loss between
        purchase('kept', '2024-03-10T15:00:00Z'),
        purchase('kept', '2024-09-06T10:00:00Z'),
        // the third purchase 365 days after the first makes a regular; 366 days after does not
        purchase('inside', '2024-04-01T08:00:00Z'),
        purchase('inside', '2024-09-28T08:00:00Z'),
        purchase('inside', '2025-04-01T08:00:00Z'),
        purchase('outside', '2024-04-01T08:00:00Z'),
        purchase('outside', '2024-09-28T08:00:00Z'),
        purchase('outside', '2025-04-02T08:00:00Z'),
      ].reverse(),
    });
    expect(await historyOf(org, 'lapsed')).toEqual([
      'potential>buyer@2024-03-10T15:00:00.000Z',
      `buyer>lost@${day('2024-09-07')}`,
    ]);
    // 2024-03-10 + 180 days = 2024-09-06: still active that day; lost 181 days after the last
    expect(await historyOf(org, 'kept')).toEqual([
      'potential>buyer@2024-03-10T15:00:00.000Z',
      `buyer>lost@${day('2025-03-06')}`,
    ]);
    // (186 days between the second and third purchases: lost in between, both times)
    expect(await historyOf(org, 'inside')).toEqual([
      'potential>buyer@2024-04-01T08:00:00.000Z',
      `buyer>lost@${day('2025-03-28')}`,
      'lost>regular@2025-04-01T08:00:00.000Z',
      `regular>buyer@${day('2025-04-02')}`,
      `buyer>lost@${day('2025-09-29')}`,
    ]);
    expect(await historyOf(org, 'outside')).toEqual([
      'potential>buyer@2024-04-01T08:00:00.000Z',
      `buyer>lost@${day('2025-03-28')}`,
      'lost>buyer@2025-04-02T08:00:00.000Z',
      `buyer>lost@${day('2025-09-30')}`,
    ]);
    const profile = await at(org)('inside');
    expect(profile.lifecycleStage).toBe('lost');
    expect(profile.stageChangedAt).toBe(day('2025-09-29'));
    expect(profile.since).toBe('2024-04-01T08:00:00.000Z');
    // an import of history announces only the current stages, each once
    const announced = changes.filter((c) => c.orgId === org.orgId);
    expect(announced.map((c) => `${c.externalId}:${c.from}>${c.to}`).sort()).toEqual([
      'inside:potential>lost',
      'kept:potential>lost',
      'lapsed:potential>lost',
      'outside:potential>lost',
    ]);
    expect(announced.find((c) => c.externalId === 'inside')?.at.toISOString()).toBe(day('2025-09-29'));
  });

  it('counts calendar days in the organization time zone', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    const res = await api(t, org).patch('/api/v1/settings/organization', { timeZone: 'Europe/Warsaw' });
    expect(res.status, res.text).toBe(200);
    // 23:30 UTC on 31 Jan is 1 Feb in Warsaw: 181 days later is 1 Aug, which starts at 22:00 UTC on 31 Jul
    await post(org, '/api/v1/events/batch', { events: [purchase('warsaw', '2025-01-31T23:30:00Z')] });
    expect(await historyOf(org, 'warsaw')).toEqual([
      'potential>buyer@2025-01-31T23:30:00.000Z',
      'buyer>lost@2025-07-31T22:00:00.000Z',
    ]);
  });

  it('rewrites the history from a late event on, and announces nothing of the past', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    await post(org, '/api/v1/events/batch', {
      events: [purchase('late', '2025-01-10T12:00:00Z'), purchase('late', '2025-12-20T12:00:00Z')],
    });
    expect(await historyOf(org, 'late')).toEqual([
      'potential>buyer@2025-01-10T12:00:00.000Z',
      `buyer>lost@${day('2025-07-10')}`,
      'lost>buyer@2025-12-20T12:00:00.000Z',
    ]);
    const before = changes.length;
    // a purchase of last May arrives: the customer was never lost, and regular in between
    await post(org, '/api/v1/events/batch', {
      events: [purchase('late', '2025-05-15T12:00:00Z'), purchase('late', '2025-09-01T12:00:00Z')],
    });
    expect(await historyOf(org, 'late')).toEqual([
      'potential>buyer@2025-01-10T12:00:00.000Z',
      'buyer>regular@2025-09-01T12:00:00.000Z',
    ]);
    // the current stage moved (buyer → regular): announced once, dated when it happened
    const announced = changes.slice(before).filter((c) => c.orgId === org.orgId);
    expect(announced.map((c) => [c.from, c.to, c.at.toISOString()])).toEqual([
      ['buyer', 'regular', '2025-09-01T12:00:00.000Z'],
    ]);
    // an older purchase still: the past changes, the present does not, nothing is announced
    const quiet = changes.length;
    await post(org, '/api/v1/events/batch', { events: [purchase('late', '2024-11-01T12:00:00Z')] });
    expect((await historyOf(org, 'late'))[0]).toBe('potential>buyer@2024-11-01T12:00:00.000Z');
    expect(changes.length).toBe(quiet);
  });

  it('reports the moves of a past period and the stages at the end of a day, as worked by hand', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    await post(org, '/api/v1/customers/batch', {
      customers: [
        { externalId: 'p', createdAt: '2025-01-01T00:00:00Z' },
        { externalId: 'a', createdAt: '2024-12-01T00:00:00Z' },
      ],
    });
    await post(org, '/api/v1/events/batch', {
      events: [
        { id: 'v-a', type: 'visit', customerExternalId: 'a', occurredAt: '2025-02-10T10:00:00Z' },
        purchase('a', '2025-03-05T10:00:00Z'),
        purchase('b', '2025-02-20T10:00:00Z'),
        purchase('b', '2025-03-01T10:00:00Z'),
        purchase('b', '2025-03-03T10:00:00Z'),
      ],
    });
    // a: potential (since Dec 2024) → visitor 10 Feb → buyer 5 Mar → lost 2 Sep
    // b: potential → buyer 20 Feb → regular 3 Mar,
    //    and lost on 31 Aug 2025 already: 3 Mar + 181 days
    const report = async (query: string) =>
      (await api(t, org).get(`/api/v1/analytics/lifecycle?${query}`)).body;
    const march = await report('from=2025-03-01T00:00:00Z&to=2025-03-31T23:59:59Z');
    expect(march.transitions).toEqual([
      { from: 'buyer', to: 'regular', count: 1 },
      { from: 'visitor', to: 'buyer', count: 1 },
    ]);
    const zero = { potential: 0, visitor: 0, buyer: 0, regular: 0, loyal: 0, lost: 0 };
    expect((await report('at=2025-02-15')).counts).toEqual({ ...zero, potential: 1, visitor: 1 });
    expect((await report('at=2025-02-28')).counts).toEqual({ ...zero, potential: 1, visitor: 1, buyer: 1 });
    expect((await report('at=2025-03-10')).counts).toEqual({ ...zero, potential: 1, buyer: 1, regular: 1 });
    expect((await report('at=2025-09-30')).counts).toEqual({ ...zero, potential: 1, lost: 2 });
    expect((await report('at=2024-12-15')).counts).toEqual({ ...zero, potential: 1 });
    const now = await report('');
    expect(now.counts).toEqual({ ...zero, potential: 1, lost: 2 });

    const months = (await api(t, org).get('/api/v1/analytics/lifecycle/months?from=2024-12&to=2025-03')).body;
    expect(months.months).toEqual([
      { month: '2024-12', counts: { ...zero, potential: 1 } },
      { month: '2025-01', counts: { ...zero, potential: 2 } },
      { month: '2025-02', counts: { ...zero, potential: 1, visitor: 1, buyer: 1 } },
      { month: '2025-03', counts: { ...zero, potential: 1, buyer: 1, regular: 1 } },
    ]);
    const bad = await api(t, org).get('/api/v1/analytics/lifecycle/months?from=2025-13');
    expect(bad.status).toBe(400);
    // The ends of the years the application handles: year 0 is refused, 1000-01 and 9999-12 answer.
    expect((await api(t, org).get('/api/v1/analytics/lifecycle/months?to=0000-10')).status).toBe(400);
    const first = await api(t, org).get('/api/v1/analytics/lifecycle/months?from=1000-01&to=1000-02');
    expect(first.body.months.map((m: { month: string }) => m.month)).toEqual(['1000-01', '1000-02']);
    const last = await api(t, org).get('/api/v1/analytics/lifecycle/months?from=9999-11&to=9999-12');
    expect(last.body.months.at(-1)).toEqual({ month: '9999-12', counts: now.counts });
  });

  it('dates a promoter answer imported late at its own time', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    await post(org, '/api/v1/events/batch', {
      events: [
        purchase('answered', '2025-05-01T10:00:00Z'),
        purchase('answered', '2025-06-01T10:00:00Z'),
        purchase('answered', '2025-07-01T10:00:00Z'),
        purchase('answered', '2025-12-01T10:00:00Z'),
      ],
    });
    const survey = await createSurvey(t, org);
    await post(org, `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        { answers: { nps: 10 }, customerExternalId: 'answered', submittedAt: '2025-08-15T12:00:00Z' },
      ],
    });
    expect(await historyOf(org, 'answered')).toEqual([
      'potential>buyer@2025-05-01T10:00:00.000Z',
      'buyer>regular@2025-07-01T10:00:00.000Z',
      'regular>loyal@2025-08-15T12:00:00.000Z',
    ]);
  });

  it('rewrites in event time the histories an upgrade left dated when processed', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    await post(org, '/api/v1/events/batch', {
      events: [purchase('old', '2025-07-01T10:00:00Z'), purchase('old', '2025-12-01T10:00:00Z')],
    });
    // as the migration to event time leaves an installation: moves dated when they were processed,
    // "customer since" the import day, and every customer due for review at once
    await t.ctx.db.execOwner(`
      delete from stage_changes where org_id = '${org.orgId}';
      insert into stage_changes (org_id, customer_id, from_stage, to_stage, changed_at)
        select org_id, id, 'potential', 'buyer', '2026-03-01T08:00:00Z' from customers where org_id = '${org.orgId}';
      update customers set since = created_at, stage_review_at = '-infinity' where org_id = '${org.orgId}'`);
    // a batch for such a customer works, and the daily run puts its history right
    await post(org, '/api/v1/events/batch', { events: [{ ...purchase('old', '2026-02-01T10:00:00Z') }] });
    await reviewStages(t.ctx, org.orgId);
    expect(await historyOf(org, 'old')).toEqual([
      'potential>buyer@2025-07-01T10:00:00.000Z',
      'buyer>regular@2026-02-01T10:00:00.000Z',
    ]);
    expect((await at(org)('old')).since).toBe('2025-07-01T10:00:00.000Z');
  });

  it('rewrites a whole organization page by page the same, whatever the size of its pages', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    const customers = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const events = customers.flatMap((c, i) =>
      [400, 200 - i * 20, 100 - i * 10, 30 + i * 25].slice(0, 1 + (i % 4)).map((days) => ({
        ...purchase(c, new Date(NOW.getTime() - days * DAY_MS).toISOString()),
      })),
    );
    await post(org, '/api/v1/events/batch', { events });
    const expected = Object.fromEntries(
      await Promise.all(customers.map(async (c) => [c, await historyOf(org, c)] as const)),
    );
    expect(new Set(Object.values(expected).map((h) => h.at(-1)?.split('@')[0])).size).toBeGreaterThan(2);
    for (const pageSize of [2, 3, 5000]) {
      // every history and stage forgotten, then the organization rewritten in pages of this size
      await t.ctx.db.execOwner(`
        delete from stage_changes where org_id = '${org.orgId}';
        update customers set lifecycle_stage = 'potential', stage_changed_at = null, since = created_at,
                             stage_review_at = null where org_id = '${org.orgId}'`);
      const changed = await t.ctx.db.withOrg(org.orgId, (tx) =>
        refreshStages(t.ctx, tx, org.orgId, undefined, { pageSize }),
      );
      expect(changed).toBe(customers.length);
      for (const c of customers) {
        expect(await historyOf(org, c)).toEqual(expected[c]);
        expect(expected[c]).toEqual(expectedHistory(events.filter((e) => e.customerExternalId === c)));
      }
    }
  });

  it('takes "customer since" from the first event, the first answer or the source, whichever is first', async () => {
    t.clock.set(NOW);
    const org = await t.createOrg();
    await post(org, '/api/v1/customers/batch', {
      customers: [
        { externalId: 'sourced', createdAt: '2020-05-01T00:00:00Z' },
        { externalId: 'plain' },
        { externalId: 'early', createdAt: '2025-06-01T00:00:00Z' },
      ],
    });
    await post(org, '/api/v1/events/batch', {
      events: [
        purchase('sourced', '2024-01-01T00:00:00Z'),
        {
          id: 'ans',
          type: 'survey_response',
          customerExternalId: 'early',
          occurredAt: '2025-01-01T00:00:00Z',
        },
      ],
    });
    const profile = at(org);
    expect((await profile('sourced')).since).toBe('2020-05-01T00:00:00.000Z');
    expect((await profile('plain')).since).toBe(NOW.toISOString());
    expect((await profile('early')).since).toBe('2025-01-01T00:00:00.000Z');
  });

  /**
   * Item by item: the same events, imported shuffled in random batches at today's date, give the
   * history they give arriving live one by one in time order with the daily review running.
   */
  it('gives the history of a live replay in time order, whatever the order and batches of an import', async () => {
    const arbitraryEvent = fc.record({
      customer: fc.integer({ min: 0, max: 1 }),
      type: fc.constantFrom('purchase', 'purchase', 'purchase', 'referral', 'survey_response', 'visit'),
      days: fc.oneof(
        { arbitrary: fc.constantFrom(1, 179, 180, 181, 364, 365, 366, 545, 546), weight: 2 },
        { arbitrary: fc.integer({ min: 1, max: 700 }), weight: 1 },
      ),
      hour: fc.integer({ min: 0, max: 23 }),
      nps: fc.constantFrom(3, 9),
    });
    const buy = (days: number) => ({ customer: 0, type: 'purchase', days, hour: 12, nps: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { minLength: 1, maxLength: 16 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }),
        fc.integer(),
        async (raw, sizes, seed) => {
          const events = raw.map((e, i) => ({
            id: `x${i}`,
            type: e.type,
            customerExternalId: `c${e.customer}`,
            occurredAt: new Date(NOW.getTime() - e.days * DAY_MS + (e.hour - 9) * 3_600_000).toISOString(),
            ...(e.type === 'purchase' ? { amount: 100 } : {}),
            ...(e.type === 'survey_response' ? { data: { nps: e.nps } } : {}),
          }));
          // imported today, shuffled, in random batches
          t.clock.set(NOW);
          const imported = await t.createOrg();
          const shuffled = shuffle(events, seed);
          for (let from = 0, k = 0; from < shuffled.length; k++) {
            const size = sizes[k % sizes.length];
            await post(imported, '/api/v1/events/batch', { events: shuffled.slice(from, from + size) });
            from += size;
          }
          // the same file imported as NDJSON in one request
          const file = await t.createOrg();
          const ndjson = `${shuffle(events, seed + 1)
            .map((e) => JSON.stringify(e))
            .join('\n')}\n`;
          const imported2 = await api(t, file).post('/api/v1/import/events', ndjson, {
            headers: { 'content-type': 'application/x-ndjson' },
          });
          expect(imported2.status, imported2.text).toBe(200);
          await t.ctx.jobs.runDue();
          // live: each event on its day, the daily review run before it and once more today
          const live = await t.createOrg();
          const inTime = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
          for (const e of inTime) {
            t.clock.set(e.occurredAt);
            await reviewStages(t.ctx, live.orgId);
            await post(live, '/api/v1/events/batch', { events: [e] });
          }
          t.clock.set(NOW);
          await reviewStages(t.ctx, live.orgId);
          for (const customer of ['c0', 'c1']) {
            const history = await historyOf(imported, customer);
            expect(history).toEqual(await historyOf(live, customer));
            expect(await historyOf(file, customer)).toEqual(history);
            expect(history).toEqual(expectedHistory(events.filter((e) => e.customerExternalId === customer)));
          }
        },
      ),
      {
        numRuns: engine === 'pglite' ? 10 : 15,
        // a regular's referral and promoter answer arriving alone; a purchase arriving after its loss
        examples: [
          [[buy(30), buy(20), buy(10), { ...buy(5), type: 'referral' }], [1], 7],
          [[buy(30), buy(20), buy(10), { ...buy(5), type: 'survey_response', nps: 9 }], [1], 3],
          [[buy(400), buy(100), buy(366), buy(545)], [1], 11],
        ],
      },
    );
    t.clock.set(NOW);
  });
});

/** The history the rules give the events (stage-timeline.ts, checked against the rules read from scratch). */
function expectedHistory(events: { type: string; occurredAt: string; data?: { nps: number } }[]) {
  const KIND = { purchase: 'purchase', referral: 'referral', survey_response: 'response' } as const;
  const signals = events.map((e) => {
    const at = new Date(e.occurredAt).getTime();
    const kind = KIND[e.type as keyof typeof KIND] ?? 'contact';
    return { at, day: Math.floor(at / DAY_MS), kind, nps: e.data?.nps ?? null };
  });
  const { moves } = stageTimeline({
    signals,
    rules: DEFAULT_RULES,
    until: NOW.getTime(),
    dayStart: (d) => d * DAY_MS,
  });
  return moves.map((m) => `${m.from}>${m.to}@${new Date(m.at).toISOString()}`);
}

/** A deterministic shuffle (Fisher–Yates with a small linear congruential generator). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
