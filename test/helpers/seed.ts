import { fitValueModels } from '../../src/modules/value/use-cases/fit-values';
import type { TestApp, TestOrg } from './app';

/**
 * Fills an organization with at least one object of every kind, through its own API.
 * The tenant-isolation test seeds the victim organization with it; every module adds its objects here.
 */
export async function seedOrg(t: TestApp, org: TestOrg) {
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: org.auth,
      payload: payload as object,
    });
    if (res.statusCode >= 300) throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };
  const agent = await call('POST', '/api/v1/users', {
    email: `agent@${org.slug}.example`,
    role: 'agent',
    name: 'Seed Agent',
  });
  await call('POST', '/api/v1/reports/subscriptions', { frequency: 'weekly', userId: agent.id });
  await call('POST', '/api/v1/api-keys', { name: `seed-key-${org.slug}`, scopes: ['read'] });
  await seedCustomers(call, org.slug);
  await seedFeedback(call, org.slug);
  await seedSurveys(call, org.slug);
  await seedCases(call, org.slug);
  await seedValue(t, org, call);
  await seedPeople(call, org.slug);
  await seedGoodwillAndPraise(t, call, org.slug);
  await seedInternalClients(t, call, org.slug);
  await seedSoco(call);
  await seedAudits(t, org, call);
  await seedLoyaltyLedger(call, org.slug);
  await seedLoyaltyReferralsAndOffers(call, org.slug);
  await seedLoyaltyTiersAndRewards(call, org.slug);
  await seedLoyaltyPerks(call, org.slug);
  return { call };
}

/** A loyalty perk granted by an event, so its routes and its assessment have an object. */
async function seedLoyaltyPerks(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  await call('POST', '/api/v1/loyalty/perks', {
    code: 'seed-free-delivery',
    name: 'Free delivery',
    source: 'event',
    costMinor: 300,
    currency: 'EUR',
  });
  await call('POST', '/api/v1/events/batch', {
    events: [
      {
        type: 'perk',
        customerExternalId: `seed-${slug}-1`,
        occurredAt: '2024-01-10T12:00:00Z',
        data: { perk: 'seed-free-delivery' },
      },
    ],
  });
}

/** A goodwill budget with a grant on a case, and customer praise naming no one (waiting for a manager). */
async function seedGoodwillAndPraise(
  t: TestApp,
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  await call('POST', '/api/v1/goodwill/budgets', { tier: 'standard', poolMinor: 100_000 });
  const customer = `seed-${slug}-1`;
  const c = await call('POST', '/api/v1/cases', {
    title: 'Seed goodwill case',
    customerExternalId: customer,
  });
  await call('POST', `/api/v1/cases/${c.id}/goodwill`, { kind: 'gift', amountMinor: 500, note: 'Seed gift' });
  const survey = await call('POST', '/api/v1/surveys', {
    name: 'Seed praise',
    audience: 'customers',
    defaultLocale: 'en',
    questions: [
      { id: 'nps', type: 'nps', text: { en: 'Recommend us?' } },
      { id: 'why', type: 'text', text: { en: 'Why?' } },
    ],
  });
  await call('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
    responses: [
      {
        answers: { nps: 10, why: 'Lovely place, kind staff' },
        customerExternalId: customer,
        submittedAt: t.ctx.clock.now().toISOString(),
      },
    ],
  });
}

/** The organization's structure: a location, a department, a team and two people. */
async function seedPeople(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  const location = await call('POST', '/api/v1/locations', {
    code: `L-${slug}`.slice(0, 60),
    name: 'Seed café',
  });
  const department = await call('POST', '/api/v1/departments', { name: 'Seed department' });
  const team = await call('POST', '/api/v1/teams', {
    name: 'Seed floor',
    departmentId: department.id,
    locationId: location.id,
  });
  await call('POST', '/api/v1/employees/batch', {
    employees: [
      { externalId: `${slug}-boss`, name: 'Seed Boss', team: 'Seed floor', locationCode: location.code },
      { externalId: `${slug}-staff`, name: 'Seed Staff', team: team.name, managerExternalId: `${slug}-boss` },
    ],
  });
}

/** A department rating another in a round of internal clients, one of its people having answered. */
async function seedInternalClients(
  t: TestApp,
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  const kitchen = await call('POST', '/api/v1/departments', { name: 'Seed kitchen', topics: ['delivery'] });
  const [served] = (await call('GET', '/api/v1/departments')).items.filter(
    (d: { name: string }) => d.name === 'Seed department',
  );
  await call('POST', '/api/v1/employees', {
    externalId: `${slug}-cook`,
    name: 'Seed Cook',
    jobRole: 'cook',
    departmentId: kitchen.id,
  });
  const round = await call('POST', '/api/v1/internal-clients/rounds', {
    name: 'Seed round',
    pairs: [{ raterDepartmentId: kitchen.id, ratedDepartmentId: served.id }],
  });
  const url: string = round.handOut[0].url;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/internal-clients/${url.slice(url.lastIndexOf('/') + 1)}`,
    payload: { ratings: [{ ratedDepartmentId: served.id, nps: 8, csat: 4, comment: 'Seed comment' }] },
  });
  if (res.statusCode !== 201) throw new Error(`seed internal answer: ${res.statusCode} ${res.body}`);
}

let seeded = 0;

/** Customers, events (one in a foreign currency), an exchange rate and an RFM job. */
async function seedCustomers(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  // A different day per organization, so one tenant's rate never shares the other's key.
  const validFrom = `2020-01-${String((seeded++ % 28) + 1).padStart(2, '0')}`;
  await call('POST', '/api/v1/exchange-rates', { rates: [{ currency: 'USD', validFrom, rate: 0.9 }] });
  await call('POST', '/api/v1/customers/batch', {
    customers: [
      { externalId: `seed-${slug}-1`, email: `first@${slug}.example`, name: 'Seed Customer One' },
      { externalId: `seed-${slug}-2`, email: `second@${slug}.example`, phone: '+48 600 000 001' },
    ],
  });
  await call('POST', '/api/v1/events/batch', {
    events: [
      {
        id: `seed-${slug}-e1`,
        type: 'purchase',
        customerExternalId: `seed-${slug}-1`,
        occurredAt: '2026-01-10T10:00:00Z',
        amount: 1250,
      },
      {
        id: `seed-${slug}-e2`,
        type: 'purchase',
        customerExternalId: `seed-${slug}-2`,
        occurredAt: '2026-02-10T10:00:00Z',
        amount: 900,
        currency: 'USD',
      },
      {
        type: 'visit',
        customerExternalId: `seed-${slug}-3`,
        occurredAt: '2026-02-11T10:00:00Z',
        channel: 'web',
      },
    ],
  });
  await call('POST', '/api/v1/analytics/rfm/recompute', {});
}

/** A feedback topic of the organization's taxonomy. */
async function seedFeedback(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  await call('POST', '/api/v1/analytics/topics', {
    key: `seed-${slug}-delivery`,
    name: { en: 'Delivery', pl: 'Dostawa' },
    keywords: { en: ['courier', 'deliver*'], pl: ['kurier*'] },
  });
}

/** A survey with a response of a customer, a personal link, an e-mail invitation and survey settings. */
async function seedSurveys(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  const survey = await call('POST', '/api/v1/surveys', {
    name: `Seed survey ${slug}`,
    audience: 'customers',
    defaultLocale: 'en',
    questions: [
      { id: 'nps', type: 'nps', required: true, text: { en: 'Would you recommend us?' } },
      { id: 'why', type: 'text', text: { en: 'Why?' } },
    ],
    triggers: [{ eventType: 'purchase', delayMinutes: 60, channel: 'email' }],
  });
  await call('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
    responses: [{ answers: { nps: 4, why: `seed answer of ${slug}` }, customerExternalId: `seed-${slug}-1` }],
  });
  await call('POST', `/api/v1/surveys/${survey.id}/links`, { customerExternalId: `seed-${slug}-2` });
  await call('POST', `/api/v1/surveys/${survey.id}/invitations`, { customerExternalIds: [`seed-${slug}-1`] });
  await call('PATCH', '/api/v1/survey-settings', { contactCap: { windowDays: 14 } });
  // An eNPS pulse survey of the staff, with its anonymity settings.
  const pulse = await call('POST', '/api/v1/surveys', {
    name: `Seed pulse ${slug}`,
    audience: 'employees',
    defaultLocale: 'en',
    questions: [
      { id: 'enps', type: 'nps', required: true, text: { en: 'Would you recommend working here?' } },
    ],
  });
  await call('PATCH', `/api/v1/surveys/${pulse.id}/pulse-settings`, { anonymityThreshold: 6 });
}

/** Closed loop: a team, a rule, an SLA policy, a case with a note, a saved view, a canned reply, a webhook endpoint. */
async function seedCases(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  const team = await call('POST', '/api/v1/case-teams', { name: `seed-team-${slug}`, defaultCapacity: 3 });
  await call('PATCH', '/api/v1/case-settings', {
    defaultTeamId: team.id,
    rootCauses: [{ key: 'delivery', name: `Delivery (${slug})` }],
  });
  await call('POST', '/api/v1/case-rules', {
    name: `seed-rule-${slug}`,
    trigger: 'response',
    conditions: { metric: 'nps', max: 3, touchpoints: ['store'] },
    priority: 'high',
    teamId: team.id,
  });
  await call('POST', '/api/v1/sla-policies', {
    tier: 'gold',
    priority: 'urgent',
    firstResponseMinutes: 15,
    resolutionMinutes: 120,
  });
  const c = await call('POST', '/api/v1/cases', {
    title: `Seed case ${slug}`,
    customerExternalId: `seed-${slug}-2`,
    priority: 'high',
  });
  await call('POST', `/api/v1/cases/${c.id}/notes`, { text: `seed note of ${slug}` });
  await call('POST', '/api/v1/case-views', { name: `seed view ${slug}`, filters: { priority: ['high'] } });
  await call('POST', '/api/v1/canned-replies', {
    name: `seed reply ${slug}`,
    texts: { en: 'Thank you', pl: 'Dziękujemy' },
  });
  await call('POST', '/api/v1/webhooks', { url: `https://hooks.example/${slug}`, events: ['case.created'] });
}

/** Repeat purchases, value settings and a fitted, scored model (the fit job's work, run here). */
async function seedValue(
  t: TestApp,
  org: TestOrg,
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
) {
  const slug = org.slug;
  const purchase = (n: number, customer: number, occurredAt: string, amount: number) => ({
    id: `seed-${slug}-v${n}`,
    type: 'purchase',
    customerExternalId: `seed-${slug}-${customer}`,
    occurredAt,
    amount,
  });
  await call('POST', '/api/v1/events/batch', {
    events: [
      purchase(1, 1, '2026-01-24T10:00:00Z', 700),
      purchase(2, 1, '2026-02-14T10:00:00Z', 1900),
      purchase(3, 2, '2026-02-20T10:00:00Z', 1500),
    ],
  });
  await call('PUT', '/api/v1/value/settings', {
    model: 'bgnbd',
    horizonMonths: 6,
    annualDiscountRate: 0.08,
    margin: 0.4,
    costPerOrderMinor: 120,
    costPerContactMinor: 300,
    costPerCaseHourMinor: 2500,
    tierRule: { by: 'percentile', defaultTier: 'standard', tiers: [{ tier: 'premium', min: 50 }] },
  });
  await call('POST', '/api/v1/analytics/value/fit', { timeUnit: 'day' });
  await fitValueModels(t.ctx, org.orgId, { timeUnit: 'day' });
}

/** A PNG of one pixel: the smallest photo an audit visit takes. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A service audit checklist, a visit planned with a photo, and a visit done with a failed critical item. */
export async function seedAudits(
  t: TestApp,
  org: TestOrg,
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
) {
  const location = (await call('GET', '/api/v1/locations')).items[0];
  const checklist = await call('POST', '/api/v1/audit-checklists', {
    name: 'Seed checklist',
    locationId: location.id,
    items: [
      { id: 'greet', component: 'ethical', text: { en: 'Greeted within a minute' }, weight: 2 },
      { id: 'clean', component: 'aesthetic', text: { en: 'Tables clean' } },
      { id: 'stock', component: 'service', text: { en: 'Full menu available' }, weight: 3, critical: true },
    ],
  });
  const planned = await call('POST', '/api/v1/audits', { checklistId: checklist.id, kind: 'shopper' });
  const photo = await t.app.inject({
    method: 'POST',
    url: `/api/v1/audits/${planned.id}/photos?itemId=clean`,
    headers: { ...org.auth, 'content-type': 'image/png' },
    payload: TINY_PNG,
  });
  if (photo.statusCode !== 201) throw new Error(`seed audit photo: ${photo.statusCode} ${photo.body}`);
  const done = await call('POST', '/api/v1/audits', { checklistId: checklist.id });
  await call('POST', `/api/v1/audits/${done.id}/submit`, {
    answers: [
      { itemId: 'greet', result: 'pass' },
      { itemId: 'clean', result: 'na' },
      { itemId: 'stock', result: 'fail', note: 'no croissants' },
    ],
  });
}

/** A SOCO assessment, a customer's rating link, and a training course required of a job role with a completion. */
async function seedSoco(call: (method: string, url: string, payload?: unknown) => Promise<any>) {
  const [employee] = (await call('GET', '/api/v1/employees')).items;
  const answers = Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      [`c${String(i + 1).padStart(2, '0')}`, 7],
      [`s${String(i + 1).padStart(2, '0')}`, 3],
    ]).flat(),
  );
  await call('POST', '/api/v1/soco/assessments', {
    employeeId: employee.id,
    raterKind: 'manager',
    form: 'full',
    answers,
  });
  await call('POST', '/api/v1/soco/customer-links', { employeeId: employee.id });
  const course = await call('POST', '/api/v1/training/courses', {
    names: { en: 'Seed course' },
    builds: 'empathy',
    validityMonths: 12,
  });
  await call('POST', '/api/v1/training/requirements', { jobRole: 'barista', courseId: course.id });
  await call('POST', '/api/v1/training/completions', {
    employeeId: employee.id,
    courseId: course.id,
    completedOn: '2025-06-01',
  });
}

/** A tier, a reward with stock, and redemptions of it still standing (one to cancel, one to keep). */
async function seedLoyaltyTiersAndRewards(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  await call('POST', '/api/v1/loyalty/tiers', {
    code: 'seed-silver',
    name: 'Silver',
    threshold: 100,
    benefits: [{ code: 'coffee', description: 'A coffee on the house' }],
  });
  const reward = await call('POST', '/api/v1/loyalty/rewards', {
    name: 'Seed cake',
    pointsCost: 10,
    stock: 50,
  });
  await call('POST', '/api/v1/loyalty/adjustments', {
    customerExternalId: `seed-${slug}-1`,
    points: 100,
    reason: 'Seed points to redeem',
  });
  for (let i = 0; i < 3; i++)
    await call('POST', '/api/v1/loyalty/redemptions', {
      customerExternalId: `seed-${slug}-1`,
      rewardId: reward.id,
    });
}

/** The loyalty program running, an earn rule, and a purchase that earned points (then partly refunded). */
async function seedLoyaltyLedger(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  await call('PATCH', '/api/v1/settings/loyalty', { active: true, expiry: 'end_of_year' });
  await call('POST', '/api/v1/loyalty/earn-rules', {
    name: 'Seed per euro',
    kind: 'amount',
    pointsPerUnit: 1,
  });
  const purchase = {
    id: `seed-${slug}-points-purchase`,
    type: 'purchase',
    occurredAt: '2024-02-01T10:00:00Z',
    amount: 4000,
  };
  await call('POST', '/api/v1/events/batch', {
    events: [
      { ...purchase, customerExternalId: `seed-${slug}-1` },
      {
        type: 'refund',
        customerExternalId: `seed-${slug}-1`,
        occurredAt: '2024-02-02T10:00:00Z',
        amount: 1000,
        data: { purchaseEventId: purchase.id },
      },
    ],
  });
}

/** A customer's referral code with a referral made through it, and an offer with a customer's exposure to it. */
async function seedLoyaltyReferralsAndOffers(
  call: (method: string, url: string, payload?: unknown) => Promise<any>,
  slug: string,
) {
  const { code } = await call('GET', `/api/v1/customers/seed-${slug}-1/referral`);
  await call('POST', '/api/v1/loyalty/referrals', { code, customerExternalId: `seed-${slug}-referred` });
  await call('POST', '/api/v1/loyalty/offers', {
    name: 'Seed offer',
    kind: 'discount',
    startsAt: '2020-01-01T00:00:00Z',
    holdoutShare: 0,
  });
  await call('GET', `/api/v1/customers/seed-${slug}-1/offers`);
}
