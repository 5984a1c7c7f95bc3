// The dashboard: (a) the gzipped size of the shell's JavaScript and CSS (what the browser loads
// before any page; pages and charts load on demand); (b) the seeding time of the demo;
// (c) the p95 latency of each page's API calls on the demo organization (5,000 customers, PGlite);
// (d) each page in Chromium with a cold cache: bytes transferred and time until ready.
// Run alone with `npx tsx bench/web.ts`; BENCH_SCALE=0.1 seeds 500 customers.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { seedDemo } from '../src/demo/seed-demo';
import { ManualClock } from '../src/lib/clock';
import { addUser } from '../src/modules/orgs/use-cases/accounts';
import { ensureWebBuilt } from '../test/e2e/web-build';
import { createTestApp, type TestApp } from '../test/helpers/app';
import { benchPageLoads } from './page-loads';
import type { BenchResult } from './types';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CUSTOMERS = Math.round(5000 * SCALE);
const RUNS = 20;
const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Everything index.html makes the browser load at once: the entry script, its preloads, the CSS. */
export function shellGzipBytes(dist = DIST): number {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The API calls each page makes on first load, as the dashboard issues them. */
function pageCalls(ids: { customer: string; caseId?: string; surveyId?: string }): Record<string, string[]> {
  const from = day(-90);
  const to = day(0);
  const year = day(-365);
  const metrics = (q: string) => ['nps', 'csat', 'ces'].map((m) => `/api/v1/metrics/${m}?${q}`);
  const open = 'status=new,in_progress,waiting_customer';
  return {
    overview: [
      ...metrics(`from=${from}&to=${to}&compare=previous`),
      ...metrics(`from=${year}&to=${to}&groupBy=month`),
      `/api/v1/analytics/lifecycle?from=${from}T00:00:00Z&to=${to}T23:59:59Z`,
      `/api/v1/analytics/loop?from=${from}T00:00:00Z&to=${to}T23:59:59Z`,
      `/api/v1/cases?breached=true&${open}&limit=200`,
      `/api/v1/analytics/text/topics?from=${from}&to=${to}`,
    ],
    customers: [
      '/api/v1/customers?limit=50',
      '/api/v1/customers?stage=regular&limit=50',
      '/api/v1/customers?q=Nowak&limit=50',
    ],
    customer: [`/api/v1/customers/${ids.customer}`, `/api/v1/customers/${ids.customer}/timeline?limit=100`],
    lifecycle: [`/api/v1/analytics/lifecycle?from=${from}T00:00:00Z&to=${to}T23:59:59Z`],
    feedback: [
      ...metrics(`from=${year}&to=${to}&compare=previous`),
      ...metrics(`from=${year}&to=${to}&groupBy=month`),
      `/api/v1/analytics/text/terms?from=${year}&to=${to}&limit=12`,
      `/api/v1/analytics/text/topics?from=${year}&to=${to}`,
      `/api/v1/analytics/drivers?from=${year}&to=${to}&metric=nps&by=touchpoint`,
    ],
    cases: [
      `/api/v1/cases?${open}&sort=due&limit=50`,
      ...(ids.caseId ? [`/api/v1/cases/${ids.caseId}`] : []),
    ],
    value: [
      '/api/v1/analytics/value',
      '/api/v1/analytics/value/distribution',
      '/api/v1/analytics/value/customers?sort=-clv&limit=20',
    ],
    surveys: [
      '/api/v1/surveys?limit=200',
      ...(ids.surveyId
        ? [`/api/v1/surveys/${ids.surveyId}`, `/api/v1/surveys/${ids.surveyId}/responses?limit=100`]
        : []),
    ],
    settings: [
      '/api/v1/org',
      '/api/v1/users',
      '/api/v1/api-keys',
      '/api/v1/settings/lifecycle',
      '/api/v1/exchange-rates?limit=500',
    ],
  };
}

async function measure(t: TestApp, cookie: string, urls: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let run = -2; run < RUNS; run++) {
    for (const url of urls) {
      const start = performance.now();
      const res = await t.app.inject({ url, headers: { cookie } });
      const ms = performance.now() - start;
      if (res.statusCode >= 400)
        throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      if (run >= 0) times.push(ms);
    }
  }
  return times;
}

const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

export async function benchWeb(): Promise<BenchResult[]> {
  await ensureWebBuilt();
  const results: BenchResult[] = [
    {
      name: 'dashboard shell JS + CSS, gzipped',
      value: Math.round(shellGzipBytes() / 102.4) / 10,
      unit: 'KB',
      budget: 300,
      note: 'index.html entry, preloads and stylesheet; pages and charts are lazy chunks',
    },
  ];
  const t = await createTestApp('pglite', {}, new ManualClock(new Date()));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const demo = await seedDemo(t.app, { customers: CUSTOMERS });
    const cpuUsed = process.cpuUsage(cpu);
    results.push({
      name: `demo seeding, ${CUSTOMERS} customers (PGlite)`,
      value: Math.round((performance.now() - started) / 100) / 10,
      unit: 's',
      budget: 60,
      // On a busy machine the wall time grows; the CPU time is what an idle one would take.
      note: `${Math.round((cpuUsed.user + cpuUsed.system) / 1e5) / 10} s CPU; ${Object.entries(demo.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    });
    const owner = demo.logins[0];
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.email, password: owner.password },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const auth = { authorization: `Bearer ${demo.apiKey}` };
    const first = async <T>(url: string) =>
      ((await t.app.inject({ url, headers: auth })).json() as { items: T[] }).items[0];
    const ids = {
      customer: (await first<{ externalId: string }>('/api/v1/customers?stage=regular&limit=1')).externalId,
      caseId: (await first<{ id: string }>('/api/v1/cases?limit=1').catch(() => undefined))?.id,
      surveyId: (await first<{ id: string }>('/api/v1/surveys?limit=1').catch(() => undefined))?.id,
    };
    for (const [page, urls] of Object.entries(pageCalls(ids))) {
      const times = await measure(t, cookie, urls);
      results.push({
        name: `${page} page API calls, p95`,
        value: Math.round(p95(times) * 10) / 10,
        unit: 'ms',
        budget: 300,
        note: `${urls.length} calls × ${RUNS} runs, in-process, ${CUSTOMERS} customers`,
      });
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const paths = [
      ...Object.keys(pageCalls(ids)).filter((p) => p !== 'customer'),
      `customers/${encodeURIComponent(ids.customer)}`,
    ].map((p) => `/${p}`);
    // A user of its own, so the page loads and the API runs above draw on different rate-limit buckets.
    const credentials = { email: 'bench.admin@kompas.example', password: 'bench-admin-password-2026' };
    await addUser(t.app.ctx.db, demo.orgId, {
      ...credentials,
      name: 'Bench Admin',
      role: 'admin',
      locale: 'en',
    });
    results.push(...(await benchPageLoads(`http://127.0.0.1:${port}`, credentials, paths)));
  } finally {
    await t.close();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchWeb()) {
    process.stdout.write(
      `${r.name}: ${r.value} ${r.unit}${r.budget === undefined ? '' : ` (budget ${r.budget})`}${r.note ? ` — ${r.note}` : ''}\n`,
    );
  }
}
