// Feedback metrics at scale: NPS grouped by month through GET /api/v1/metrics/nps over 1,000,000
// and 10,000,000 responses on PostgreSQL, answered from the roll-ups; the answer must equal a scan.
// Run alone with `npx tsx bench/feedback.ts`; BENCH_SCALE=0.1 shrinks every size tenfold.
// PostgreSQL is TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a fresh schema.

import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { rebuildRollups } from '../src/modules/feedback/data/repo-facts';
import { saveSettings } from '../src/modules/feedback/data/repo-settings';
import { queryMetric } from '../src/modules/feedback/use-cases/query-metric';
import { createTestApp, type TestApp, type TestOrg } from '../test/helpers/app';
import type { BenchResult } from './types';

// A number on the command line is a scale; run.ts passes file names, which are not.
const scaleArg = Number(process.argv[2]);
const SCALE = Number(process.env.BENCH_SCALE ?? (Number.isFinite(scaleArg) ? scaleArg : 1));
const SIZES = [Math.round(1_000_000 * SCALE), Math.round(10_000_000 * SCALE)];
const BUDGETS_MS = [150, 1000];
const RUNS = 50;
const COPY_CHUNK = 200_000;
const DAY_MS = 86_400_000;
const TIME_ZONE = 'Europe/Warsaw';

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

/** Picks from weighted choices: [value, weight][]. */
function weighted<T>(choices: [T, number][]) {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const [, w] of choices) {
    running += w;
    cumulative.push(running / total);
  }
  return (u: number) => choices[cumulative.findIndex((c) => u < c)]?.[0] ?? choices[choices.length - 1][0];
}

// Realistic cardinalities: a survey per touchpoint, an eNPS survey, skewed channels and locales,
// six lifecycle stages, eleven RFM segments, three tiers, a dozen teams.
const SURVEYS = [
  ['checkout', 'customers', 18],
  ['delivery', 'customers', 22],
  ['support', 'customers', 15],
  ['store', 'customers', 14],
  ['app', 'customers', 12],
  ['onboarding', 'customers', 6],
  ['billing', 'customers', 5],
  ['returns', 'customers', 6],
  ['workplace', 'employees', 2],
] as const;
const survey = weighted(SURVEYS.map((s, i) => [i, s[2]] as [number, number]));
const channel = weighted<string>([
  ['email', 40],
  ['link', 20],
  ['widget', 18],
  ['qr', 10],
  ['api', 8],
  ['import', 4],
]);
const locale = weighted<string>([
  ['pl', 45],
  ['en', 25],
  ['cs', 18],
  ['ru', 12],
]);
const stage = weighted<string>([
  ['visitor', 10],
  ['buyer', 35],
  ['regular', 30],
  ['loyal', 15],
  ['lost', 8],
  ['potential', 2],
]);
const SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
];
const tier = weighted<string>([
  ['standard', 70],
  ['priority', 22],
  ['premium', 8],
]);
const nps = weighted<number>([
  [10, 24],
  [9, 20],
  [8, 15],
  [7, 10],
  [6, 7],
  [5, 7],
  [4, 4],
  [3, 4],
  [2, 3],
  [1, 2],
  [0, 4],
]);

const COLUMNS = [
  'org_id',
  'metric',
  'response_id',
  'value',
  'occurred_at',
  'survey_id',
  'audience',
  'touchpoint',
  'channel',
  'locale',
  'stage',
  'segment',
  'tier',
  'team',
];

/** Responses [from, to) as COPY rows: days spread over the two years before `endMs`. */
function factsCsv(orgId: string, from: number, to: number, endMs: number): string {
  const rnd = random(from + 1);
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const [touchpoint, audience] = SURVEYS[survey(rnd())];
    const at = new Date(endMs - Math.floor(rnd() * 730 * DAY_MS)).toISOString();
    const segment = SEGMENTS[Math.floor(rnd() * SEGMENTS.length)];
    const team = `team-${Math.floor(rnd() * 12) + 1}`;
    lines.push(
      `${orgId},nps,r${i},${nps(rnd())},${at},survey-${touchpoint},${audience},${touchpoint},${channel(rnd())},${locale(rnd())},${stage(rnd())},${segment},${tier(rnd())},${team}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function loadFacts(t: TestApp, orgId: string, from: number, to: number) {
  const endMs = t.clock.now().getTime();
  for (let start = from; start < to; start += COPY_CHUNK) {
    await t.ctx.db.copyFrom(
      'feedback_facts',
      COLUMNS,
      factsCsv(orgId, start, Math.min(to, start + COPY_CHUNK), endMs),
    );
  }
}

/** The roll-ups as answering one response at a time would leave them, built set-based. */
async function buildRollups(t: TestApp, orgId: string) {
  await t.ctx.db.withOrg(orgId, async (tx) => {
    await rebuildRollups(tx, orgId, TIME_ZONE);
    await saveSettings(tx, orgId, { rollupTimeZone: TIME_ZONE });
  });
  await t.ctx.db.execOwner(
    'analyze feedback_facts; analyze feedback_rollup; analyze feedback_rollup_daily; analyze feedback_rollup_monthly;',
  );
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1];

async function latencies(t: TestApp, org: TestOrg, url: string, runs: number) {
  const times: number[] = [];
  let source = '';
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const res = await t.app.inject({ method: 'GET', url, headers: org.auth });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    source = String(res.headers['x-feedback-source']);
    if (i >= 3) times.push(ms); // the first runs warm caches and plans
  }
  return { p95: p95(times), source };
}

async function rowCount(t: TestApp, table: string) {
  const [row] = await t.ctx.db.queryOwner<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row.n;
}

export async function benchFeedback(): Promise<BenchResult[]> {
  const t = await createTestApp('postgres');
  const results: BenchResult[] = [];
  try {
    const org = await t.createOrg();
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: org.auth,
      payload: { timeZone: TIME_ZONE },
    });
    let loaded = 0;
    for (const [i, size] of SIZES.entries()) {
      const load = performance.now();
      await loadFacts(t, org.orgId, loaded, size);
      loaded = size;
      await buildRollups(t, org.orgId);
      const loadSeconds = (performance.now() - load) / 1000;
      const label = `${size.toLocaleString('en')} responses`;

      const byMonth = await latencies(t, org, '/api/v1/metrics/nps?groupBy=month', RUNS);
      // Exactness: the route's roll-up answer is the scan's answer, figure for figure.
      const viaRoute = await queryMetric(t.ctx, org.orgId, 'nps', { groupBy: 'month' });
      const viaScan = await queryMetric(t.ctx, org.orgId, 'nps', { groupBy: 'month' }, { scan: true });
      const exact = isDeepStrictEqual(viaRoute.answer, viaScan.answer);
      const rollupRows = await rowCount(t, 'feedback_rollup');
      const dailyRows = await rowCount(t, 'feedback_rollup_daily');
      const monthlyRows = await rowCount(t, 'feedback_rollup_monthly');
      results.push({
        name: `NPS by month, p95 over ${RUNS} requests, ${label}, PostgreSQL`,
        value: byMonth.p95,
        unit: 'ms',
        budget: BUDGETS_MS[i],
        note: `source ${byMonth.source}; ${exact ? 'equals a scan of the facts' : 'DIFFERS FROM A SCAN'}; roll-ups by month, day and every dimension: ${monthlyRows.toLocaleString('en')}, ${dailyRows.toLocaleString('en')} and ${rollupRows.toLocaleString('en')} rows; load and roll-up build ${loadSeconds.toFixed(0)} s not counted`,
      });
      const bySegment = await latencies(t, org, '/api/v1/metrics/nps?groupBy=segment&tier=premium', 10);
      results.push({
        name: `NPS by segment for one tier (full roll-up), p95 over 10 requests, ${label}`,
        value: bySegment.p95,
        unit: 'ms',
        note: `source ${bySegment.source}`,
      });
      const scan = await latencies(t, org, '/api/v1/metrics/nps?groupBy=month&from=2024-03-02T12:00:00Z', 3);
      results.push({
        name: `NPS by month from a mid-day instant (fact scan), p95 over 3 requests, ${label}`,
        value: scan.p95,
        unit: 'ms',
        note: `source ${scan.source}: the fallback when a period does not fall on local midnights`,
      });
    }
  } finally {
    await t.close();
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchFeedback()) {
    const budget = r.budget === undefined ? '' : ` (budget ≤ ${r.budget} ${r.unit})`;
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${budget}${r.note ? ` — ${r.note}` : ''}`);
  }
  process.exit(0);
}
