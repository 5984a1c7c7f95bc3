// Customers at scale: (a) event ingestion through POST /api/v1/events/batch against a raw COPY
// of the same rows, on PostgreSQL and PGlite; (b) the full lifecycle + RFM recompute over
// 1,000,000 customers and 10,000,000 events on PostgreSQL.
// Run alone with `npx tsx bench/customers.ts`; BENCH_SCALE=0.1 shrinks every size tenfold.
// PostgreSQL is TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a fresh schema.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../src/db/database';
import { EventBus } from '../src/events/bus';
import { customersModule } from '../src/modules/customers/module';
import {
  recomputeCustomers,
  recomputeRfmScores,
  reviewStages,
} from '../src/modules/customers/use-cases/recompute';
import { createTestApp, type TestApp, type TestOrg } from '../test/helpers/app';
import type { BenchResult } from './types';

// `npx tsx bench/customers.ts 0.1` or BENCH_SCALE=0.1; run.ts passes file names, which are no scale.
const scaleArg = Number(process.argv[2]);
const SCALE = Number(process.env.BENCH_SCALE ?? (Number.isFinite(scaleArg) ? scaleArg : 1));
const INGEST_EVENTS = Math.round(200_000 * SCALE);
const INGEST_CUSTOMERS = Math.round(20_000 * SCALE);
const BATCH = 5_000;
const RECOMPUTE_CUSTOMERS = Math.round(1_000_000 * SCALE);
const RECOMPUTE_EVENTS = Math.round(10_000_000 * SCALE);
const COPY_CHUNK = 200_000;
const DAY_MS = 86_400_000;

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  sampleRss();
  return [value, (performance.now() - start) / 1000];
}

/** A tiny seeded generator, so every run loads the same data. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const TYPES = [
  'purchase',
  'purchase',
  'purchase',
  'purchase',
  'purchase',
  'visit',
  'visit',
  'visit',
  'contact',
  'referral',
];

type LoadedCustomers = { ids: string[]; externalIds: string[] };

/** Loads customers by COPY and returns their ids and external ids. */
async function copyCustomers(t: TestApp, orgId: string, n: number, prefix: string): Promise<LoadedCustomers> {
  const ids: string[] = new Array(n);
  const externalIds: string[] = new Array(n);
  const now = t.clock.now().toISOString();
  for (let from = 0; from < n; from += COPY_CHUNK) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(n, from + COPY_CHUNK); i++) {
      ids[i] = randomUUID();
      externalIds[i] = `${prefix}-${i}`;
      lines.push(`${orgId},${ids[i]},${externalIds[i]},${now},${now}`);
    }
    await t.ctx.db.copyFrom(
      'customers',
      ['org_id', 'id', 'external_id', 'created_at', 'updated_at'],
      `${lines.join('\n')}\n`,
    );
  }
  return { ids, externalIds };
}

type BenchEvent = { i: number; customer: number; type: string; at: string; amount: number | null };

function makeEvents(n: number, customers: number, nowMs: number, seed: number, offset = 0): BenchEvent[] {
  const next = random(seed);
  return Array.from({ length: n }, (_, k) => {
    const type = TYPES[Math.floor(next() * TYPES.length)];
    return {
      i: offset + k,
      customer: Math.floor(next() * customers),
      type,
      at: new Date(nowMs - Math.floor(next() * 730 * DAY_MS)).toISOString(),
      amount: type === 'purchase' ? 100 + Math.floor(next() * 20_000) : null,
    };
  });
}

const EVENT_COLUMNS = [
  'org_id',
  'id',
  'customer_id',
  'type',
  'occurred_at',
  'amount_minor',
  'currency',
  'amount_base_minor',
  'channel',
  'touchpoint',
  'data',
];

function eventsCsv(orgId: string, events: BenchEvent[], customerIds: string[], idPrefix: string) {
  let csv = '';
  for (const e of events) {
    const money = e.amount === null ? ',,' : `${e.amount},EUR,${e.amount}`;
    csv += `${orgId},${idPrefix}${e.i},${customerIds[e.customer]},${e.type},${e.at},${money},web,checkout,{}\n`;
  }
  return csv;
}

/**
 * (a) The same events through COPY and through the batch API, in batches of 5,000, taken in
 * turns (a COPY batch, the API batch with every module's subscribers: the product as it runs,
 * the API batch with only the customers module's), so that all three write into tables of the
 * same size at the same moment of the server's checkpoints and autovacuum. Each of the three
 * writes into an organization of its own with the same customers and history: a batch then
 * reads only rows its own path wrote (the first reader of fresh rows pays for settling them:
 * hint bits, row locks), as it would with no other writer.
 */
async function benchIngest(engine: Engine, n: number) {
  const t = await createTestApp(engine);
  try {
    const paths = ['copy', 'product', 'alone'] as const;
    const nowMs = t.clock.now().getTime();
    const history = makeEvents(n, INGEST_CUSTOMERS, nowMs, 3);
    const orgs = {} as Record<(typeof paths)[number], TestOrg & { customers: LoadedCustomers }>;
    for (const path of paths) {
      const org = await t.createOrg(`ingest-${path}`);
      const customers = await copyCustomers(t, org.orgId, INGEST_CUSTOMERS, 'ingest');
      await t.ctx.db.copyFrom(
        'events',
        EVENT_COLUMNS,
        eventsCsv(org.orgId, history, customers.ids, 'history-'),
      );
      orgs[path] = { ...org, customers };
    }
    // The organizations as the product keeps them: stages and scores known before new events arrive.
    await t.ctx.db.execOwner('vacuum analyze');
    for (const path of paths) await recomputeCustomers(t.ctx, orgs[path].orgId);
    const productBus = t.ctx.bus;
    const aloneBus = customersModuleAlone(t);
    const events = makeEvents(n, INGEST_CUSTOMERS, nowMs, 7);
    const seconds = { copy: 0, product: 0, alone: 0 };
    const { copy, product, alone } = orgs;
    for (let from = 0, round = 0; from < n; from += BATCH, round++) {
      const batch = events.slice(from, from + BATCH);
      // The client's work (the CSV text, the JSON bodies) is done before any clock starts.
      const csv = eventsCsv(copy.orgId, batch, copy.customers.ids, 'new-');
      const turns: [keyof typeof seconds, () => Promise<void>][] = [
        ['copy', () => t.ctx.db.copyFrom('events', EVENT_COLUMNS, csv)],
        ['product', withBus(t, productBus, await postBatch(t, product, batch))],
        ['alone', withBus(t, aloneBus, await postBatch(t, alone, batch))],
      ];
      for (let k = 0; k < turns.length; k++) {
        const [path, run] = turns[(round + k) % turns.length];
        seconds[path] += (await timed(run))[1];
      }
    }
    t.ctx.bus = productBus;
    return { copy: n / seconds.copy, product: n / seconds.product, alone: n / seconds.alone };
  } finally {
    await t.close();
  }
}

/** `run` with `bus` in place: the subscribers it names are the ones that react. */
function withBus(t: TestApp, bus: EventBus, run: () => Promise<void>) {
  return () => {
    t.ctx.bus = bus;
    return run();
  };
}

/** A bus on which only the customers module listens: the rest is what other modules' subscribers cost. */
function customersModuleAlone(t: TestApp): EventBus {
  const productBus = t.ctx.bus;
  const alone = new EventBus();
  t.ctx.bus = alone;
  void customersModule.setup?.(t.ctx);
  t.ctx.bus = productBus;
  return alone;
}

/** A batch's request body for `org`, and the call that posts it. */
async function postBatch(t: TestApp, org: TestOrg & { customers: LoadedCustomers }, events: BenchEvent[]) {
  const payload = JSON.stringify({
    events: events.map((e) => ({
      id: `new-${e.i}`,
      type: e.type,
      customerExternalId: org.customers.externalIds[e.customer],
      occurredAt: e.at,
      ...(e.amount === null ? {} : { amount: e.amount, currency: 'EUR' }),
      channel: 'web',
      touchpoint: 'checkout',
    })),
  });
  return async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events/batch',
      headers: { ...org.auth, 'content-type': 'application/json' },
      payload,
    });
    if (res.statusCode !== 200)
      throw new Error(`batch answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  };
}

/**
 * (b) Lifecycle stages and RFM of every customer, recomputed from the events in the database;
 * with `alone`, only the customers module listens to the stage changes it emits.
 */
async function benchRecompute(customerCount: number, eventCount: number, alone: boolean) {
  const t = await createTestApp('postgres');
  try {
    if (alone) t.ctx.bus = customersModuleAlone(t);
    const org = await t.createOrg();
    const load = performance.now();
    const customers = await copyCustomers(t, org.orgId, customerCount, 'c');
    // Loading is not what is measured: foreign-key checks are switched off while it runs.
    await t.ctx.db.execOwner('alter table events disable trigger all');
    const nowMs = t.clock.now().getTime();
    for (let from = 0; from < eventCount; from += COPY_CHUNK) {
      const chunk = makeEvents(Math.min(COPY_CHUNK, eventCount - from), customerCount, nowMs, from + 1, from);
      await t.ctx.db.copyFrom('events', EVENT_COLUMNS, eventsCsv(org.orgId, chunk, customers.ids, 'e'));
    }
    await t.ctx.db.execOwner('alter table events enable trigger all');
    // Settled data, as a daily job finds it: statistics and visibility known, hint bits written.
    for (const table of ['customers', 'events']) await t.ctx.db.execOwner(`vacuum analyze ${table}`);
    // and written out: the daily job does not start while a bulk load is still being flushed.
    await t.ctx.db.execOwner('checkpoint');
    customers.ids.length = 0;
    customers.externalIds.length = 0;
    const loadSeconds = (performance.now() - load) / 1000;

    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const [first, firstSeconds] = await timed(() => recomputeCustomers(t.ctx, org.orgId));
    const serverPeak = await serverPeakMb(t);
    // The next day: the daily review decides only the customers time moved (found by index);
    // RFM scores run on their own schedule and follow the size of the tables.
    t.clock.advance(DAY_MS);
    const [{ due }] = await t.ctx.db.queryOwner<{ due: number }>(
      'select count(*)::int as due from customers where org_id = $1 and stage_review_at <= $2',
      [org.orgId, t.clock.now()],
    );
    const [nextDay, nextDaySeconds] = await timed(() => reviewStages(t.ctx, org.orgId));
    const [, rfmSeconds] = await timed(() => recomputeRfmScores(t.ctx, org.orgId));
    const [{ moves }] = await t.ctx.db.queryOwner<{ moves: number }>(
      'select count(*)::int as moves from stage_changes where org_id = $1',
      [org.orgId],
    );
    return {
      loadSeconds,
      first,
      firstSeconds,
      due,
      moves,
      nextDay,
      nextDaySeconds,
      rfmSeconds,
      rssBefore,
      serverPeak,
    };
  } finally {
    await t.close();
  }
}

/**
 * The largest peak resident set (VmHWM, shared buffers it touched included) among the server
 * processes of this database's connections, when the server runs on this machine.
 */
async function serverPeakMb(t: TestApp): Promise<number | undefined> {
  const backends = await t.ctx.db.queryOwner<{ pid: number }>(
    "select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'",
  );
  let peakKb = 0;
  for (const { pid } of backends) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      return undefined; // the server is elsewhere
    }
  }
  return peakKb ? peakKb / 1024 : undefined;
}

const ONLY = process.env.BENCH_ONLY; // 'ingest' or 'recompute' runs one part

export async function benchCustomers(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  if (ONLY !== 'recompute') results.push(...(await ingestResults()));
  if (ONLY !== 'ingest') results.push(...(await recomputeResults()));
  return results;
}

async function ingestResults(): Promise<BenchResult[]> {
  const pg = await benchIngest('postgres', INGEST_EVENTS);
  const lite = await benchIngest('pglite', Math.round(INGEST_EVENTS / 4));
  const copyNote =
    'baseline: COPY of the same rows in the same run, batch for batch in rotating turns, into an organization of its own';
  return [
    {
      name: 'events batch API, PostgreSQL',
      value: pg.product,
      unit: 'rows/s',
      baseline: pg.copy,
      note: copyNote,
    },
    {
      name: 'events batch API / COPY, PostgreSQL',
      value: pg.product / pg.copy,
      unit: 'ratio',
      budget: 0.5,
      higherIsBetter: true,
    },
    {
      name: 'events batch API / COPY, PostgreSQL, customers module alone',
      value: pg.alone / pg.copy,
      unit: 'ratio',
      budget: 0.5,
      higherIsBetter: true,
      note: `${pg.alone.toFixed(0)} rows/s with other modules' bus subscribers detached`,
    },
    {
      name: 'events batch API, PGlite',
      value: lite.product,
      unit: 'rows/s',
      baseline: lite.copy,
      note: copyNote,
    },
    {
      name: 'events batch API, PGlite, customers module alone',
      value: lite.alone,
      unit: 'rows/s',
      baseline: lite.copy,
      note: `ratio ${(lite.alone / lite.copy).toFixed(2)} to COPY`,
    },
  ];
}

async function recomputeResults(): Promise<BenchResult[]> {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const r = await benchRecompute(RECOMPUTE_CUSTOMERS, RECOMPUTE_EVENTS, true);
  const memory = peakRss;
  const smallCustomers = Math.round(RECOMPUTE_CUSTOMERS / 100);
  const small = await benchRecompute(smallCustomers, Math.round(RECOMPUTE_EVENTS / 100), false);
  const size = `${RECOMPUTE_CUSTOMERS.toLocaleString('en')} customers, ${RECOMPUTE_EVENTS.toLocaleString('en')} events`;
  const perChange = (small.firstSeconds * 1000) / Math.max(1, small.first.stageChanges);
  return [
    {
      name: 'lifecycle + RFM recompute, PostgreSQL',
      value: r.firstSeconds,
      unit: 's',
      budget: 60,
      note: `${size}, customers module alone, first run: ${r.moves.toLocaleString('en')} moves of history written, ${r.first.stageChanges.toLocaleString('en')} current stages changed, ${r.first.scored.toLocaleString('en')} scored; data load ${r.loadSeconds.toFixed(0)} s not counted`,
    },
    {
      name: 'daily stage review the next day, PostgreSQL',
      value: r.nextDaySeconds,
      unit: 's',
      budget: 3,
      baseline: r.firstSeconds,
      note: `${r.due.toLocaleString('en')} customers due by their stage_review_at, ${r.nextDay.toLocaleString('en')} current stages changed; baseline: the full recompute`,
    },
    {
      name: 'RFM scores the next day (their own daily run), PostgreSQL',
      value: r.rfmSeconds,
      unit: 's',
      note: 'every customer with a purchase; follows the size of the tables',
    },
    {
      name: 'lifecycle + RFM recompute with every module subscribed, PostgreSQL',
      value: small.firstSeconds,
      unit: 's',
      note: `${smallCustomers.toLocaleString('en')} customers, first run: ${small.first.stageChanges.toLocaleString('en')} stage changes, ${perChange.toFixed(2)} ms per change in all`,
    },
    {
      name: 'peak memory during the recompute (this process)',
      value: mb(memory),
      unit: 'MB',
      note: `resident set ${mb(r.rssBefore).toFixed(0)} MB before it (the benchmark's own data); the work runs in the database`,
    },
    ...(r.serverPeak === undefined
      ? []
      : [
          {
            name: 'peak memory of the database server process that ran it',
            value: r.serverPeak,
            unit: 'MB',
            note: 'resident set high-water mark of the connection, shared buffers it touched included',
          },
        ]),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchCustomers()) {
    const budget =
      r.budget === undefined ? '' : ` (budget ${r.higherIsBetter ? '≥' : '≤'} ${r.budget} ${r.unit})`;
    const baseline = r.baseline === undefined ? '' : ` [baseline ${r.baseline.toFixed(0)} ${r.unit}]`;
    console.log(
      `${r.name}: ${r.value.toFixed(r.unit === 'ratio' ? 2 : 1)} ${r.unit}${budget}${baseline}${r.note ? ` — ${r.note}` : ''}`,
    );
  }
  process.exit(0);
}
