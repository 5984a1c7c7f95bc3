// Customer value through the database, on PostgreSQL: simulated purchases of 1,000,000
// customers (BENCH_SCALE=0.1 for 100,000) loaded by COPY, then the fit job's work timed stage
// by stage: load purchases (one streaming pass) → fit BG/NBD + Gamma-Gamma → score →
// write (COPY into staging, one INSERT … SELECT, tier changes) → P(alive) to the lifecycle.
// A second run shows the weekly steady state (few tier changes). Run alone with
// `npx tsx bench/value-db.ts`; the database is TEST_DATABASE_URL (a fresh schema, dropped after).
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { openPostgres } from '../src/db/postgres';
import { ManualClock } from '../src/lib/clock';
import { formatDayNumber } from '../src/lib/day-number';
import { recomputeStages } from '../src/modules/customers/use-cases/recompute';
import { createOrg } from '../src/modules/orgs/use-cases/accounts';
import { simulateBgNbdPurchases } from '../src/modules/value/domain/models/simulate';
import { fitValueModels } from '../src/modules/value/use-cases/fit-values';
import { createAppContext } from '../src/runtime';
import type { BenchResult } from './types';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CUSTOMERS = Math.max(1000, Math.round(1_000_000 * SCALE));
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FIRST_DAY = 10_000;
const LAST_DAY = FIRST_DAY + 729;
const TRUTH = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, gamma: 1544 };
const COPY_ROWS = 200_000;

type Stage = 'load' | 'fit' | 'score' | 'write' | 'lifecycle';

export async function benchValueDb(): Promise<BenchResult[]> {
  const schema = `bench_value_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url: DATABASE_URL, max: 1 });
  await admin.execOwner(`create schema ${schema}`);
  const db = await openPostgres({ url: DATABASE_URL, schema, max: 4 });
  try {
    return await runBench(db);
  } finally {
    await db.close();
    await admin.execOwner(`drop schema ${schema} cascade`);
    await admin.close();
  }
}

async function runBench(db: Database): Promise<BenchResult[]> {
  await migrate(db);
  // Noon of the last simulated day: "today" is that day.
  const clock = new ManualClock(new Date(`${formatDayNumber(LAST_DAY)}T12:00:00Z`));
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const ctx = await createAppContext({ config, db, clock });
  const { orgId } = await createOrg(db, {
    name: 'Bench',
    slug: 'bench-value',
    ownerEmail: 'owner@bench.example',
    baseCurrency: 'EUR',
    timeZone: 'UTC',
  });

  const seedStarted = performance.now();
  const purchases = await seedPurchases(db, orgId);
  // Lifecycle stages brought up to date first, as the daily recompute keeps them.
  await recomputeStages(ctx, orgId);
  const seedMs = performance.now() - seedStarted;

  let peakRss = process.memoryUsage().rss;
  const timeRun = async () => {
    const stages: Partial<Record<Stage | 'done', number>> = {};
    let last = performance.now();
    let current: Stage | undefined;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = last;
    const outcome = await fitValueModels(
      ctx,
      orgId,
      { timeUnit: 'week', models: ['bgnbd', 'gammaGamma'] },
      (stage) => {
        const now = performance.now();
        if (current) stages[current] = now - last;
        current = stage;
        last = now;
      },
    );
    const end = performance.now();
    if (current) stages[current] = end - last;
    clearInterval(sampler);
    return { stages, totalMs: end - started, outcome };
  };
  const first = await timeRun();
  clock.advance(7 * 86_400_000);
  const second = await timeRun();
  const maxRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  ctx.mailer.close();

  const n = CUSTOMERS.toLocaleString('en');
  const s = first.stages;
  const bg = first.outcome.report.models.bgnbd;
  return [
    {
      name: `seed ${n} customers, ${purchases.toLocaleString('en')} purchases by COPY, stages recomputed`,
      value: seedMs,
      unit: 'ms',
    },
    {
      name: `load purchases of ${n} customers (streaming cursor → typed arrays)`,
      value: s.load ?? 0,
      unit: 'ms',
    },
    {
      name: `fit BG/NBD + Gamma-Gamma, ${n} customers (from the database)`,
      value: s.fit ?? 0,
      unit: 'ms',
      note: bg
        ? `r=${bg.params.r.toPrecision(3)} a=${bg.params.a.toPrecision(3)} b=${bg.params.b.toPrecision(3)}`
        : '',
    },
    {
      name: `score ${n} customers (service history, P(alive), CLV, costs, tiers)`,
      value: s.score ?? 0,
      unit: 'ms',
    },
    {
      name: `write ${n} scores (COPY → staging → INSERT … SELECT, tier log, service tiers)`,
      value: s.write ?? 0,
      unit: 'ms',
      note: `${first.outcome.scoring?.tierChanges.toLocaleString('en')} tier changes (first run)`,
    },
    { name: `P(alive) of ${n} customers to the lifecycle rules`, value: s.lifecycle ?? 0, unit: 'ms' },
    {
      name: `fit job end to end through PostgreSQL, ${n} customers (first run)`,
      value: first.totalMs,
      unit: 'ms',
    },
    {
      name: `fit job end to end, a week later (steady state)`,
      value: second.totalMs,
      unit: 'ms',
      note:
        `${second.outcome.scoring?.tierChanges.toLocaleString('en')} tier changes; ` +
        Object.entries(second.stages)
          .map(([k, v]) => `${k} ${Math.round(v)} ms`)
          .join(', '),
    },
    { name: 'peak memory (RSS high-water)', value: maxRssMb, unit: 'MB' },
  ];
}

/** Customers and purchase events of the simulation, loaded by COPY in chunks. */
async function seedPurchases(db: Database, orgId: string): Promise<number> {
  const sim = simulateBgNbdPurchases({
    customers: CUSTOMERS,
    params: TRUTH,
    spend: SPEND,
    firstDay: FIRST_DAY,
    acquisitionDays: 365,
    lastDay: LAST_DAY,
    seed: 20_240_601,
  });
  const ids = Array.from({ length: CUSTOMERS }, () => randomUUID());
  for (let start = 0; start < CUSTOMERS; start += COPY_ROWS) {
    const lines: string[] = [];
    for (let c = start; c < Math.min(CUSTOMERS, start + COPY_ROWS); c++)
      lines.push(`${orgId},${ids[c]},c${c}`);
    await db.copyFrom('customers', ['org_id', 'id', 'external_id'], `${lines.join('\n')}\n`);
  }
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let d = dates.get(day);
    if (!d) {
      d = `${formatDayNumber(day)} 12:00:00+00`;
      dates.set(day, d);
    }
    return d;
  };
  const columns = [
    'org_id',
    'id',
    'customer_id',
    'type',
    'occurred_at',
    'amount_minor',
    'currency',
    'amount_base_minor',
  ];
  for (let start = 0; start < sim.count; start += COPY_ROWS) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(sim.count, start + COPY_ROWS); i++) {
      const amount = sim.amount[i];
      lines.push(
        `${orgId},p${i},${ids[sim.customer[i]]},purchase,${dateOf(sim.day[i])},${amount},EUR,${amount}`,
      );
    }
    await db.copyFrom('events', columns, `${lines.join('\n')}\n`);
  }
  await db.execOwner('analyze customers; analyze events');
  return sim.count;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchValueDb()) {
    console.log(
      `${r.name}: ${r.value.toFixed(r.unit === 'ms' ? 0 : 1)} ${r.unit}${r.note ? ` — ${r.note}` : ''}`,
    );
  }
}
