import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeStages } from '../src/modules/customers/use-cases/recompute';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

/** How long the mixed load runs per engine: a bound on the run, never an assertion. */
const SOAK_MS = 20_000;
const CLIENTS = 4;

type Answer = { status: number; body: any; replayed: boolean };

/** A client of the real HTTP listener, as an integration would call it. */
function clientOf(base: string, org: TestOrg) {
  return async (path: string, payload: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...org.auth, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the failure message
    }
    return { status: res.status, body, replayed: res.headers.get('idempotent-replayed') === 'true' };
  };
}

/** A seeded generator, so a failing run can be repeated. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe.each(ENGINES)('concurrent batches over the same customers on %s', (engine) => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  const countOf = async (sql: string, params: unknown[]) =>
    Number((await t.ctx.db.queryOwner<{ n: number }>(sql, params))[0].n);

  it('four batches naming the same customers in opposite orders all succeed', async () => {
    const org = await t.createOrg();
    const post = clientOf(base, org);
    const known = Array.from({ length: 120 }, (_, i) => `k-${String(i).padStart(3, '0')}`);
    expect(
      (await post('/api/v1/customers/batch', { customers: known.map((externalId) => ({ externalId })) }))
        .status,
    ).toBe(200);
    for (let round = 0; round < 4; round++) {
      const fresh = Array.from({ length: 80 }, (_, i) => `n-${round}-${String(i).padStart(3, '0')}`);
      const ascending = [...known, ...fresh];
      const descending = [...ascending].reverse();
      const at = `2026-02-${String(10 + round).padStart(2, '0')}T10:00:00Z`;
      const eventsOf = (ids: string[], tag: string) => ({
        events: ids.map((customerExternalId) => ({
          id: `${tag}-${round}-${customerExternalId}`,
          type: 'purchase',
          customerExternalId,
          occurredAt: at,
          amount: 100,
        })),
      });
      const customersOf = (ids: string[], tag: string) => ({
        customers: ids.map((externalId) => ({ externalId, attributes: { [tag]: round } })),
      });
      const answers = await Promise.all([
        post('/api/v1/events/batch', eventsOf(ascending, 'a')),
        post('/api/v1/events/batch', eventsOf(descending, 'd')),
        post('/api/v1/customers/batch', customersOf(ascending, 'up')),
        post('/api/v1/customers/batch', customersOf(descending, 'down')),
      ]);
      expect(
        answers.map((a) => `${a.status} ${a.status >= 300 ? JSON.stringify(a.body) : ''}`.trim()),
      ).toEqual(['200', '200', '200', '200']);
      expect(
        await countOf('select count(*)::int as n from customers where org_id = $1 and external_id like $2', [
          org.orgId,
          `n-${round}-%`,
        ]),
      ).toBe(fresh.length);
    }
    expect(await countOf('select count(*)::int as n from events where org_id = $1', [org.orgId])).toBe(
      4 * 2 * 200,
    );
    expect(
      await countOf(
        "select count(*)::int as n from customers where org_id = $1 and lifecycle_stage = 'potential'",
        [org.orgId],
      ),
    ).toBe(0);
  });

  /** An NPS survey with an open question: its answers bump roll-ups and term counts. */
  const createSurvey = async (post: ReturnType<typeof clientOf>) => {
    const survey = await post('/api/v1/surveys', {
      name: 'Concurrent imports',
      audience: 'customers',
      defaultLocale: 'en',
      questions: [
        { id: 'nps', type: 'nps', text: { en: 'Would you recommend us?' }, required: true },
        { id: 'why', type: 'text', text: { en: 'Why?' } },
      ],
    });
    expect(survey.status).toBe(201);
    return `/api/v1/surveys/${survey.body.id}/responses/batch`;
  };

  it('four imports of responses over the same customers and counters in opposite orders all succeed', async () => {
    const org = await t.createOrg();
    const post = clientOf(base, org);
    const url = await createSurvey(post);
    const rows = Array.from({ length: 48 }, (_, i) => ({
      answers: { nps: i % 11, why: `${['slow', 'kind', 'late', 'fresh'][i % 4]} delivery, ${i % 7} days` },
      customerExternalId: i % 3 ? `r-${i % 16}` : undefined,
      submittedAt: `2026-02-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z`,
    }));
    const answers = await Promise.all(
      [0, 1, 2, 3].map((k) => post(url, { responses: k % 2 ? [...rows].reverse() : rows })),
    );
    expect(answers.map((a) => `${a.status} ${a.status >= 300 ? JSON.stringify(a.body) : ''}`.trim())).toEqual(
      ['200', '200', '200', '200'],
    );
    expect(
      await countOf('select count(*)::int as n from survey_responses where org_id = $1', [org.orgId]),
    ).toBe(4 * rows.length);
  });

  it(
    `several clients over overlapping customers for ${SOAK_MS / 1000} s: every acknowledged row stored once, no 5xx`,
    async () => {
      const org = await t.createOrg();
      const post = clientOf(base, org);
      const pool = Array.from({ length: 150 }, (_, i) => `c-${String(i).padStart(3, '0')}`);
      const nowMs = t.clock.now().getTime();
      const tally = {
        batches: 0,
        eventBatches: 0,
        customerBatches: 0,
        responseImports: 0,
        keyedRetries: 0,
        plainRetries: 0,
        concurrentDuplicates: 0,
        conflicts: 0,
        serverErrors: 0,
      };
      const unexpected: string[] = [];
      const ackedEvents = new Set<string>();
      const ackedCustomers = new Set<string>();
      let storedReported = 0;
      let createdReported = 0;
      let responsesReported = 0;
      // The pool exists before the clients start: imported responses name only known customers
      // (an import does not report the customers it creates).
      const poolBatch = { customers: pool.map((externalId) => ({ externalId })) };
      const responsesUrl = await createSurvey(post);

      /** Sends and books one request; a 409 is allowed only where a duplicate may still be running. */
      const send = async (path: string, payload: unknown, key?: string, mayConflict = false) => {
        const answer = await post(path, payload, key ? { 'idempotency-key': key } : {});
        tally.batches++;
        if (answer.status >= 500) tally.serverErrors++;
        if (answer.status === 409 && mayConflict) tally.conflicts++;
        else if (answer.status !== 200)
          unexpected.push(`${path} ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer;
      };
      const bookEvents = (payload: { events: { id: string; customerExternalId: string }[] }, a: Answer) => {
        if (a.status !== 200) return;
        for (const e of payload.events) {
          ackedEvents.add(e.id);
          ackedCustomers.add(e.customerExternalId);
        }
        if (!a.replayed) {
          storedReported += a.body.stored;
          createdReported += a.body.customersCreated;
        }
      };
      const bookCustomers = (payload: { customers: { externalId: string }[] }, a: Answer) => {
        if (a.status !== 200) return;
        for (const c of payload.customers) ackedCustomers.add(c.externalId);
        if (!a.replayed) createdReported += a.body.created;
      };
      bookCustomers(poolBatch, await send('/api/v1/customers/batch', poolBatch));

      const runClient = async (client: number, deadline: number) => {
        const rnd = random(1000 + client);
        // Known customers, and new ones that every client names during the same quarter second:
        // batches race to create the same customers too.
        const pick = (n: number) => {
          const slot = Math.floor(Date.now() / 250);
          const fresh = Array.from({ length: 5 }, (_, i) => `new-${slot}-${i}`);
          return shuffle([...shuffle(pool, rnd).slice(0, n), ...fresh], rnd);
        };
        const size = () => 20 + Math.floor(rnd() * 180);
        let sent: { events: { id: string; customerExternalId: string }[] } | undefined;
        for (let seq = 0; Date.now() < deadline; seq++) {
          const roll = rnd();
          if (roll < 0.5) {
            // An events batch: customers in random order, some named twice, kinds that move stages and open cases.
            const customers = pick(size());
            const events = customers.flatMap((customerExternalId, i) => {
              const kind = rnd();
              const type =
                kind < 0.5 ? 'purchase' : kind < 0.8 ? 'visit' : kind < 0.93 ? 'contact' : 'refund';
              const one = {
                id: `ev-${client}-${seq}-${i}`,
                type,
                customerExternalId,
                occurredAt: new Date(nowMs - Math.floor(rnd() * 30 * 86_400_000)).toISOString(),
                ...(type === 'purchase' || type === 'refund'
                  ? { amount: 100 + Math.floor(rnd() * 5000) }
                  : {}),
              };
              return rnd() < 0.1
                ? [one, { ...one, id: `${one.id}-again`, type: 'visit', amount: undefined }]
                : [one];
            });
            const payload = { events: shuffle(events, rnd) };
            const key = rnd() < 0.5 ? `events-${client}-${seq}` : undefined;
            tally.eventBatches++;
            if (key && rnd() < 0.3) {
              // The same keyed batch twice at once: one runs, the other is told it is running (409) or replayed.
              tally.concurrentDuplicates++;
              const both = await Promise.all([
                send('/api/v1/events/batch', payload, key, true),
                send('/api/v1/events/batch', payload, key, true),
              ]);
              for (const a of both) bookEvents(payload, a);
            } else {
              bookEvents(payload, await send('/api/v1/events/batch', payload, key));
            }
            if (key && rnd() < 0.3) {
              // A client that missed the answer retries with its key: the first answer comes back.
              tally.keyedRetries++;
              const again = await send('/api/v1/events/batch', payload, key, true);
              if (again.status === 200 && !again.replayed)
                unexpected.push(`retry of ${key} was not a replay`);
              bookEvents(payload, again);
            }
            sent = payload;
          } else if (roll < 0.6 && sent) {
            // The last batch again without a key: every event already stored is skipped.
            tally.plainRetries++;
            const again = await send('/api/v1/events/batch', sent);
            if (again.status === 200 && again.body.stored !== 0)
              unexpected.push('a retried batch stored again');
            bookEvents(sent, again);
          } else if (roll < 0.7) {
            // An import of past responses of pool customers (and anonymous ones), in random order.
            tally.responseImports++;
            const payload = {
              responses: shuffle(pool, rnd)
                .slice(0, 10 + Math.floor(rnd() * 60))
                .map((customerExternalId, i) => ({
                  answers: { nps: Math.floor(rnd() * 11), why: `${['slow', 'kind', 'late'][i % 3]} service` },
                  ...(rnd() < 0.8 ? { customerExternalId } : {}),
                  submittedAt: new Date(nowMs - Math.floor(rnd() * 20 * 86_400_000)).toISOString(),
                })),
            };
            const key = rnd() < 0.3 ? `responses-${client}-${seq}` : undefined;
            const answer = await send(responsesUrl, payload, key);
            if (answer.status === 200 && !answer.replayed) responsesReported += answer.body.created;
            if (key && answer.status === 200) {
              tally.keyedRetries++;
              const again = await send(responsesUrl, payload, key);
              if (!again.replayed) unexpected.push(`retry of ${key} was not a replay`);
            }
          } else {
            // A customers batch: an upsert of overlapping customers, in random order.
            tally.customerBatches++;
            const payload = {
              customers: pick(size()).map((externalId) => ({
                externalId,
                name: `Customer ${externalId}`,
                attributes: { lastClient: client, seq },
              })),
            };
            const key = rnd() < 0.3 ? `customers-${client}-${seq}` : undefined;
            bookCustomers(payload, await send('/api/v1/customers/batch', payload, key));
          }
        }
      };

      const deadline = Date.now() + SOAK_MS;
      await Promise.all(Array.from({ length: CLIENTS }, (_, client) => runClient(client, deadline)));

      // Events of imported responses carry ids of their own (survey_response:<response id>).
      const stored = await t.ctx.db.queryOwner<{ id: string }>(
        "select id from events where org_id = $1 and type <> 'survey_response'",
        [org.orgId],
      );
      const responses = await countOf('select count(*)::int as n from survey_responses where org_id = $1', [
        org.orgId,
      ]);
      const responseEvents = await countOf(
        `select count(*)::int as n from events e where e.org_id = $1 and e.type = 'survey_response'
            and exists (select 1 from survey_responses r
                         where r.org_id = e.org_id and e.id = 'survey_response:' || r.id and r.customer_id = e.customer_id)`,
        [org.orgId],
      );
      const responsesOfCustomers = await countOf(
        'select count(*)::int as n from survey_responses where org_id = $1 and customer_id is not null',
        [org.orgId],
      );
      const customers = await t.ctx.db.queryOwner<{ externalId: string; n: number }>(
        'select external_id as "externalId", count(*)::int as n from customers where org_id = $1 group by external_id',
        [org.orgId],
      );
      const openCases = await t.ctx.db.queryOwner<{ n: number }>(
        `select count(*)::int as n from cases where org_id = $1 and customer_id is not null
          and status not in ('resolved', 'closed') group by customer_id having count(*) > 1`,
        [org.orgId],
      );
      const refundsWithoutCase = await countOf(
        `select count(*)::int as n from events e where e.org_id = $1 and e.type = 'refund'
          and not exists (select 1 from case_links l where l.org_id = e.org_id and l.source_key = 'event:' || e.id)`,
        [org.orgId],
      );
      const report = {
        ...tally,
        eventsAcknowledged: ackedEvents.size,
        eventsStored: stored.length,
        customersAcknowledged: ackedCustomers.size,
        customersStored: customers.length,
        responsesAcknowledged: responsesReported,
        responsesStored: responses,
      };
      console.info(`[concurrent batches on ${engine}]`, JSON.stringify(report));

      expect(tally.serverErrors).toBe(0);
      expect(unexpected).toEqual([]);
      expect(tally.eventBatches).toBeGreaterThan(CLIENTS);
      // Every acknowledged event is stored, once (ids are the key), and nothing else is.
      expect(new Set(stored.map((e) => e.id))).toEqual(ackedEvents);
      expect(storedReported).toBe(stored.length);
      // Every acknowledged customer exists once, each created by exactly one answer.
      expect(customers.filter((c) => c.n !== 1)).toEqual([]);
      expect(new Set(customers.map((c) => c.externalId))).toEqual(ackedCustomers);
      expect(createdReported).toBe(customers.length);
      // Every imported response is stored once, each of a customer with its event.
      expect(responses).toBe(responsesReported);
      expect(responseEvents).toBe(responsesOfCustomers);
      // Cases: one open case per customer at most, and every refund reached one.
      expect(openCases).toEqual([]);
      expect(refundsWithoutCase).toBe(0);
      // The stages decided as events arrived are those a full recompute decides from all of them.
      expect(await recomputeStages(t.ctx, org.orgId)).toBe(0);
    },
    SOAK_MS + 120_000,
  );
});
