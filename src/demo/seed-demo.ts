import type { App } from '../http/types';
import { addUser, createOrg } from '../modules/orgs/use-cases/accounts';
import { demoApi } from './demo-api';
import { generateDemo } from './generate';
import type { DemoStaff } from './step-cases';
import { DEMO_STEPS, type DemoContext } from './steps';

export type DemoOptions = {
  /** Number of customers; the README's demo has 5,000, tests use a few hundred. */
  customers?: number;
  seed?: number;
  /** Called as work advances: a step's name and how far it is (0..1). */
  onProgress?: (step: string, done: number) => void;
};

export type DemoLogin = { email: string; password: string; role: string };

export type DemoResult = {
  orgId: string;
  slug: string;
  apiKey: string;
  logins: DemoLogin[];
  counts: Record<string, number>;
};

export const DEMO_PASSWORD = 'orientir-demo-2026';

/**
 * Fills a fresh instance with a demo organization through the modules' own services and API:
 * people, two years of purchases, survey answers, cases, fitted customer values. Steps whose
 * capability the running build lacks are skipped.
 */
export async function seedDemo(app: App, options: DemoOptions = {}): Promise<DemoResult> {
  const { db, clock } = app.ctx;
  const size = options.customers ?? 5000;
  const progress = options.onProgress ?? (() => {});
  const created = await createOrg(db, {
    name: 'Kompas Coffee & Bakery',
    slug: 'kompas',
    ownerEmail: 'owner@kompas.example',
    baseCurrency: 'PLN',
    timeZone: 'Europe/Warsaw',
    defaultLocale: 'pl',
  });
  const logins: DemoLogin[] = [{ email: created.ownerEmail, password: created.ownerPassword, role: 'owner' }];
  const staff: DemoStaff = { caseOwnerIds: [], users: [] };
  for (const [role, name, email] of [
    ['manager', 'Marta Manager', 'manager@kompas.example'],
    ['agent', 'Adam Agent', 'agent@kompas.example'],
    ['agent', 'Zofia Nowak', 'zofia.nowak@kompas.example'],
    ['analyst', 'Alena Analyst', 'analyst@kompas.example'],
    ['viewer', 'Viktor Viewer', 'viewer@kompas.example'],
  ] as const) {
    const user = await addUser(db, created.orgId, {
      email,
      name,
      role,
      password: DEMO_PASSWORD,
      locale: 'en',
    });
    if (role === 'agent' || role === 'manager') staff.caseOwnerIds.push(user.id);
    staff.users?.push({ id: user.id, name, email, role });
    logins.push({ email, password: DEMO_PASSWORD, role });
  }

  const data = generateDemo({ customers: size, seed: options.seed ?? 20260302, now: clock.now() });
  const ctx: DemoContext = {
    api: demoApi(app, created.apiKey),
    app,
    orgId: created.orgId,
    data,
    now: clock.now(),
    counts: {},
    progress,
    state: { staff },
  };
  for (const step of DEMO_STEPS) {
    if (!step.available(ctx)) continue;
    progress(step.name, 0);
    await step.run(ctx);
    progress(step.name, 1);
  }
  return { orgId: created.orgId, slug: created.slug, apiKey: created.apiKey, logins, counts: ctx.counts };
}
