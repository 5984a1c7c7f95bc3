import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from './e2e/web-build';
import { ADMIN_TOKEN, createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import {
  arbitraryOf,
  hostileCursor,
  hostileDate,
  hostileNumber,
  hostileString,
  hostileValue,
  jsonSchemaOf,
  type Mutation,
  mutate,
  mutation,
} from './helpers/hostile-input';
import { seedOrg } from './helpers/seed';

/**
 * Hammers every registered route, signed in and not, with
 * - arbitrary bodies, query strings and path values (any Unicode, lone surrogates and NUL included);
 * - requests shaped by the route's own schema (or a known good example) with one field replaced by a
 *   hostile value: NUL or a lone surrogate, a denormal or out-of-range number, a year-0000 or
 *   five-digit-year date, a crafted paging cursor, a key that is itself hostile. Path values are
 *   real objects of a seeded organization, so the request gets past validation to the database.
 * Whatever arrives, the answer is never a 5xx, and every 4xx of the API is problem+json.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1); // FUZZ_SCALE=20 for a long search on one's own machine
const JUNK_RUNS = Math.ceil(8 * SCALE);
const SHAPED_RUNS = Math.ceil(24 * SCALE);
/** Minutes on a machine shared with other test files; seconds on a quiet one. */
const TIMEOUT = 300_000 * SCALE;

const anyText = fc.oneof(fc.string({ maxLength: 20 }), hostileString);
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(anyText, fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileValue), { maxKeys: 6 }),
  fc.array(fc.dictionary(anyText, fc.oneof(fc.jsonValue({ maxDepth: 1 }), hostileValue)), { maxLength: 4 }),
);
const pathValue = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  hostileString,
  hostileDate,
  fc.constantFrom('..', '%00', 'null', '-1', '%ED%A0%80'),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'from', 'to', 'status', 'q', 'groupBy', 'surveyId', 'lang', 'x'),
  fc.oneof(
    anyText,
    hostileNumber.map(String),
    hostileDate,
    hostileCursor,
    fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x10', '1e-400', ' 1'),
  ),
  { maxKeys: 4 },
);

type Route = TestApp['app']['routeList'][number];

/** SQL picking a real object of the organization for a route's path parameters, by URL. */
const FIXTURES: [RegExp, string][] = [
  [
    /^\/api\/v1\/surveys\/:id/,
    `select id from surveys where org_id = $1 and audience = 'customers' order by created_at limit 1`,
  ],
  [/^\/api\/v1\/users\/:id/, `select id from users where org_id = $1 and role <> 'owner' limit 1`],
  [/^\/api\/v1\/analytics\/topics\/:id/, 'select id from feedback_topics where org_id = $1 limit 1'],
  [
    /^\/api\/v1\/api-keys\/:id/,
    `select id from api_keys where org_id = $1 and name like 'seed-key-%' limit 1`,
  ],
  [
    /^\/api\/v1\/customers\/:externalId/,
    `select external_id as "externalId" from customers where org_id = $1 limit 1`,
  ],
  [
    /^\/api\/v1\/exchange-rates\/:currency\/:validFrom/,
    `select currency, to_char(valid_from, 'YYYY-MM-DD') as "validFrom" from exchange_rates where org_id = $1 limit 1`,
  ],
  [/^\/api\/v1\/jobs\/:id/, 'select id from jobs where org_id = $1 limit 1'],
  [/^\/api\/v1\/audit-checklists\/:id/, 'select id from audit_checklists where org_id = $1 limit 1'],
  [
    /^\/api\/v1\/audits\/:id\/photos\/:photoId/,
    'select visit_id as id, id as "photoId" from audit_photos where org_id = $1 limit 1',
  ],
  [
    /^\/api\/v1\/audits\/:id/,
    `select id from audit_visits where org_id = $1 and status = 'scheduled' limit 1`,
  ],
  [/^\/api\/v1\/(soco|training)\/employees\/:id/, 'select id from employees where org_id = $1 limit 1'],
  [/^\/api\/v1\/soco\/teams\/:id/, 'select id from teams where org_id = $1 limit 1'],
  [/^\/api\/v1\/training\/courses\/:id/, 'select id from training_courses where org_id = $1 limit 1'],
  [
    /^\/api\/v1\/training\/requirements\/:id/,
    'select id from training_requirements where org_id = $1 limit 1',
  ],
  [/^\/api\/v1\/training\/completions\/:id/, 'select id from training_completions where org_id = $1 limit 1'],
  [/^\/api\/v1\/cases\/:id/, 'select id from cases where org_id = $1 limit 1'],
  [/^\/api\/v1\/case-rules\/:id/, 'select id from case_rules where org_id = $1 limit 1'],
  [/^\/api\/v1\/case-teams\/:id/, 'select id from teams where org_id = $1 limit 1'],
  [/^\/api\/v1\/sla-policies\/:id/, 'select id from sla_policies where org_id = $1 limit 1'],
  [/^\/api\/v1\/case-views\/:id/, 'select id from case_views where org_id = $1 limit 1'],
  [/^\/api\/v1\/canned-replies\/:id/, 'select id from canned_replies where org_id = $1 limit 1'],
  [/^\/api\/v1\/webhooks\/:id/, 'select id from webhook_endpoints where org_id = $1 limit 1'],
  [
    /^\/api\/v1\/reports\/subscriptions\/:id/,
    'select id from report_subscriptions where org_id = $1 limit 1',
  ],
  [
    /\/:publicId/,
    `select public_id as "publicId" from surveys where org_id = $1 and audience = 'customers' order by created_at limit 1`,
  ],
];

type Refs = {
  publicId: string;
  surveyId: string;
  /** A response no case has taken yet. */
  responseId: string;
  userId: string;
  teamId: string;
  caseId: string;
  customer: string;
  ownerEmail: string;
  checklistId: string;
  employeeId: string;
  departmentId: string;
  otherDepartmentId: string;
  courseId: string;
};

const SURVEY = {
  name: 'After delivery',
  audience: 'customers',
  defaultLocale: 'en',
  questions: [
    { id: 'nps', type: 'nps', required: true, text: { en: 'Recommend us?', pl: 'Polecisz nas?' } },
    {
      id: 'pick',
      type: 'choice',
      options: [
        { id: 'fast', text: { en: 'Fast' } },
        { id: 'kind', text: { en: 'Kind' } },
      ],
      text: { en: 'What?' },
    },
    {
      id: 'why',
      type: 'text',
      maxLength: 500,
      text: { en: 'Why?' },
      showIf: { questionId: 'nps', op: 'lte', value: 6 },
    },
  ],
  touchpoints: ['checkout'],
  channels: ['email', 'link'],
  triggers: [{ eventType: 'purchase', delayMinutes: 30, channel: 'email' }],
  texts: { intro: { en: 'Two questions' }, thanks: { en: 'Thanks!' } },
};
const CUSTOMER = {
  externalId: 'fuzz-1',
  email: 'fuzz@example.com',
  phone: '+48 600 100 200',
  name: 'Fuzz',
  locale: 'pl',
  attributes: { city: 'Kraków', visits: 3, vip: true },
  consent: { email: true },
};
const eventOf = (customer: string) => ({
  id: 'fuzz-e1',
  type: 'purchase',
  customerExternalId: customer,
  occurredAt: '2026-02-01T10:00:00Z',
  amount: 1250,
  currency: 'USD',
  channel: 'web',
  touchpoint: 'checkout',
  items: [{ sku: 'pizza', qty: 1 }],
  data: { nps: 9, note: 'ok' },
});

/**
 * Known good bodies of the routes whose bodies reach furthest (one, or several to pick from); each
 * run mutates one field. The imports take a row of the batch APIs, sent as NDJSON or CSV; the
 * survey pages take HTML form fields.
 */
const examples = (r: Refs): Record<string, unknown> => ({
  'POST /api/v1/public/responses': {
    surveyPublicId: r.publicId,
    answers: { nps: 7, why: 'quick delivery' },
    locale: 'en',
    nonce: 'nonce-0123456789abcdef',
    channel: 'widget',
    touchpoint: 'checkout',
  },
  'POST /api/v1/auth/login': { email: r.ownerEmail, password: 'not the password' },
  'POST /api/v1/admin/orgs': {
    name: 'Fuzz org',
    slug: 'fuzz-org',
    ownerEmail: 'owner@fuzz.example',
    baseCurrency: 'PLN',
    timeZone: 'Europe/Warsaw',
    defaultLocale: 'pl',
  },
  'POST /api/v1/setup': {
    token: 'not-the-set-up-token',
    name: 'Fuzz first org',
    defaultLocale: 'pl',
    baseCurrency: 'PLN',
    timeZone: 'Europe/Warsaw',
    ownerEmail: 'owner@first.example',
    ownerPassword: 'a long enough password',
  },
  'POST /api/v1/reports/subscriptions': { frequency: 'monthly', userId: r.userId },
  'POST /api/v1/customers/batch': { customers: [CUSTOMER] },
  'POST /api/v1/events/batch': { events: [eventOf(r.customer)] },
  'POST /api/v1/import/customers': CUSTOMER,
  'POST /api/v1/import/events': eventOf(r.customer),
  'PATCH /api/v1/customers/:externalId': {
    name: 'Renamed',
    email: 'renamed@example.com',
    attributes: { city: 'Brno' },
    consent: { sms: false },
    ownerId: r.userId,
  },
  'POST /api/v1/exchange-rates': { rates: [{ currency: 'USD', validFrom: '2025-06-01', rate: 0.92 }] },
  'POST /api/v1/cases': [
    {
      title: 'Late delivery',
      description: 'twice',
      priority: 'high',
      customerExternalId: r.customer,
      teamId: r.teamId,
      ownerId: r.userId,
    },
    { title: 'From a response', responseId: r.responseId },
  ],
  'PATCH /api/v1/cases/:id': {
    status: 'in_progress',
    ownerId: r.userId,
    teamId: r.teamId,
    rootCause: 'delivery',
    outcome: 'refunded',
  },
  'POST /api/v1/cases/:id/notes': { text: 'called back', kind: 'reply', minutesSpent: 5 },
  'POST /api/v1/cases/bulk': [
    { action: 'assign', caseIds: [r.caseId], ownerId: r.userId, teamId: r.teamId },
    { action: 'close', caseIds: [r.caseId] },
  ],
  'POST /api/v1/case-views': {
    name: 'Mine, urgent',
    filters: {
      status: ['new'],
      priority: ['urgent'],
      owner: 'me',
      team: r.teamId,
      breached: true,
      sort: 'due',
    },
    shared: true,
  },
  'PATCH /api/v1/case-views/:id': { name: 'Renamed', filters: { sort: 'created' }, shared: false },
  'POST /api/v1/canned-replies': {
    name: 'Thanks',
    texts: { en: 'Thank you', pl: 'Dziękujemy', cs: 'Děkujeme', ru: 'Спасибо' },
  },
  'PATCH /api/v1/canned-replies/:id': { texts: { ru: 'Спасибо!' } },
  'POST /api/v1/case-teams': {
    name: 'Team fuzz',
    managerId: r.userId,
    defaultCapacity: 5,
    memberCapacity: { [r.userId]: 3 },
  },
  'PATCH /api/v1/case-settings': {
    timeZone: 'Europe/Warsaw',
    holidays: ['2026-05-01'],
    warnShare: 0.5,
    defaultTeamId: r.teamId,
  },
  'POST /api/v1/case-rules': {
    name: 'Detractors',
    trigger: 'response',
    conditions: {
      metric: 'nps',
      max: 6,
      surveyIds: [r.surveyId],
      touchpoints: ['checkout'],
      tiers: ['gold'],
    },
    priority: 'high',
    teamId: r.teamId,
  },
  'PATCH /api/v1/case-rules/:id': { name: 'Renamed', enabled: false, position: 5, priority: 'low' },
  'POST /api/v1/surveys': SURVEY,
  'PATCH /api/v1/surveys/:id': [{ name: 'Renamed', status: 'active', touchpoints: ['store'] }, SURVEY],
  'POST /api/v1/surveys/:id/responses/batch': {
    responses: [
      {
        answers: { nps: 5, why: 'fine' },
        customerExternalId: r.customer,
        submittedAt: '2026-01-15T10:00:00Z',
        touchpoint: 'store',
        locale: 'en',
      },
    ],
  },
  'POST /api/v1/surveys/:id/links': { customerExternalId: r.customer, touchpoint: 'email', expiresInDays: 7 },
  'POST /api/v1/surveys/:id/invitations': { customerExternalIds: [r.customer], expiresInDays: 7 },
  'PATCH /api/v1/survey-settings': { contactCap: { maxContacts: 2, windowDays: 7 }, linkValidDays: 14 },
  'POST /s/:publicId': { 'q.nps': '9', 'q.pick': 'fast', tp: 'qr', ch: 'qr', lang: 'pl' },
  'POST /s/t/:token': { 'q.nps': '3', 'q.why': 'slow', tp: 'email', nonce: 'nonce-0123456789abcdef' },
  'PUT /api/v1/value/settings': {
    model: 'bgnbd',
    horizonMonths: 6,
    annualDiscountRate: 0.08,
    margin: 0.4,
    costPerOrderMinor: 120,
    costPerContactMinor: 300,
    costPerCaseHourMinor: 2500,
    tierRule: { by: 'profitability', defaultTier: 'standard', tiers: [{ tier: 'premium', min: 5000 }] },
  },
  'POST /api/v1/analytics/value/fit': { until: '2026-02-15', holdoutUntil: '2026-03-01', timeUnit: 'day' },
  'PATCH /api/v1/settings/lifecycle': { regularMinPurchases: 2, lostAliveBelow: 0.2 },
  'PATCH /api/v1/users/:id': { name: 'Agent Smith', role: 'agent', locale: 'pl', team: 'north' },
  'PATCH /api/v1/org': { name: 'Renamed org', timeZone: 'Europe/Prague', defaultLocale: 'cs' },
  'POST /api/v1/webhooks': {
    url: 'https://hooks.example/fuzz',
    events: ['case.created'],
    description: 'fuzz',
  },
  'PATCH /api/v1/webhooks/:id': { description: 'changed', enabled: true },
  'POST /api/v1/audit-checklists': {
    name: 'Fuzz checklist',
    channel: 'store',
    items: [
      { id: 'tidy', component: 'aesthetic', text: { en: 'Tidy', pl: 'Porządek' }, weight: 2 },
      { component: 'service', text: { cs: 'Rychle' }, critical: true },
    ],
    dueDays: 3,
  },
  'PATCH /api/v1/audit-checklists/:id': { name: 'Renamed', active: false, dueDays: 10 },
  'POST /api/v1/audits': { checklistId: r.checklistId, kind: 'shopper', shopperName: 'Fuzz', locale: 'cs' },
  'POST /api/v1/audits/:id/submit': {
    answers: [
      { itemId: 'greet', result: 'pass' },
      { itemId: 'clean', result: 'na', note: 'closed' },
      { itemId: 'stock', result: 'fail' },
    ],
  },
  'POST /api/v1/audits/:id/shopper-link': { expiresInDays: 7, locale: 'ru' },
  'POST /m/:token': { 'r.greet': 'pass', 'r.clean': 'na', 'r.stock': 'fail', 'n.stock': 'none' },
  'POST /api/v1/soco/assessments': {
    employeeId: r.employeeId,
    raterKind: 'manager',
    form: 'short',
    answers: { c01: 9, c03: 6, c04: 7, c07: 7, c11: 7, s01: 1, s05: 3, s07: 3, s08: 3, s11: 3 },
  },
  'POST /api/v1/soco/customer-links': { employeeId: r.employeeId, customerExternalId: r.customer },
  'POST /api/v1/training/courses': {
    names: { en: 'Fuzz', pl: 'Fuzz' },
    builds: 'empathy',
    validityMonths: 12,
  },
  'PATCH /api/v1/training/courses/:id': { names: { cs: 'Kurz' }, validityMonths: null },
  'POST /api/v1/training/requirements': { jobRole: 'barista', courseId: r.courseId },
  'POST /api/v1/training/completions': {
    employeeId: r.employeeId,
    courseId: r.courseId,
    completedOn: '2026-01-15',
  },
  'POST /rate/:token': { 'q.k1': '9', 'q.k2': '8', 'q.k3': '7', 'q.k4': '6' },
  'POST /api/v1/internal-clients/rounds': [
    { name: 'Fuzz round', allPairs: true, closesAt: '2026-12-31T00:00:00Z' },
    {
      name: 'Fuzz pairs',
      pairs: [{ raterDepartmentId: r.departmentId, ratedDepartmentId: r.otherDepartmentId }],
    },
  ],
  'POST /api/v1/public/internal-clients/:token': {
    ratings: [{ ratedDepartmentId: r.otherDepartmentId, nps: 9, csat: 5, comment: 'fine' }],
  },
  'POST /internal-clients/answer/:token': {
    [`nps.${r.otherDepartmentId}`]: '9',
    [`csat.${r.otherDepartmentId}`]: '4',
    [`comment.${r.otherDepartmentId}`]: 'fine',
  },
});

/** Query strings and form fields: every value is text; lists travel comma-separated. */
function toQuery(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const text = (v: unknown) => (v && typeof v === 'object' ? JSON.stringify(v) : String(v));
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    params.append(k, Array.isArray(v) ? v.map(text).join(',') : text(v));
  }
  return params.toString();
}

/** An import row as NDJSON, or as CSV under a header line (objects as JSON cells). */
function importBody(row: unknown, csv: boolean) {
  if (!csv || !row || typeof row !== 'object' || Array.isArray(row)) {
    return { type: 'application/x-ndjson', body: JSON.stringify(row) ?? '' };
  }
  const cell = (v: unknown) =>
    `"${(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')).replaceAll('"', '""')}"`;
  const entries = Object.entries(row);
  return {
    type: 'text/csv',
    body: `${entries.map(([k]) => cell(k)).join(',')}\n${entries.map(([, v]) => cell(v)).join(',')}\n`,
  };
}

/** A path segment, percent-encoded; a lone surrogate goes as its (invalid) three UTF-8 bytes. */
const encodeSegment = (value: string) =>
  Array.from(value, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length > 1 || c < 0xd800 || c > 0xdfff) return encodeURIComponent(ch);
    return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
      .map((b) => `%${b.toString(16).toUpperCase()}`)
      .join('');
  }).join('');

const isHtmlRoute = (url: string) => !url.startsWith('/api/');
const isFormRoute = (route: Route) =>
  route.method === 'POST' &&
  ['/s/', '/c/', '/rate/', '/m/', '/internal-clients/'].some((prefix) => route.url.startsWith(prefix));
const isImportRoute = (route: Route) => route.url.startsWith('/api/v1/import/');

function check(route: Route, res: LightMyRequestResponse, sent: unknown) {
  if (res.statusCode >= 500) {
    throw new Error(
      `${route.method} ${route.url} → ${res.statusCode}: ${res.body.slice(0, 300)}\nsent: ${JSON.stringify(sent)?.slice(0, 600)}`,
    );
  }
  if (res.statusCode >= 400 && !isHtmlRoute(route.url)) {
    expect(res.headers['content-type'], `${route.method} ${route.url}`).toMatch(/problem\+json/);
  }
}

describe.each(ENGINES)('every route under arbitrary input on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let routes: Route[];
  let fixtures: Map<string, Record<string, string>>;
  let bodies: Record<string, unknown>;
  const keys: string[] = [];
  let calls = 0;
  let addresses = 0;

  /** A fresh admin key every few hundred calls: the per-key rate limit must not answer for the app. */
  const auth = async () => {
    if (!keys.length || ++calls % 400 === 0) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: org.auth,
        payload: { name: `fuzz-${keys.length}`, scopes: ['admin'] },
      });
      keys.push(res.json().apiKey);
    }
    return { authorization: `Bearer ${keys[keys.length - 1]}` };
  };
  const headersFor = async (route: Route) =>
    route.access === 'public'
      ? {}
      : route.access === 'admin-token'
        ? { authorization: `Bearer ${ADMIN_TOKEN}` }
        : await auth();
  // Public routes limit each address: every request comes from another one.
  const remoteAddress = () => `10.${(++addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;

  beforeAll(async () => {
    // Paths with dot segments fall through to the dashboard, which is built in production.
    await ensureWebBuilt();
    t = await createTestApp(engine);
    org = await t.createOrg();
    await seedOrg(t, org);
    const one = async <T>(sql: string) => (await t.ctx.db.queryOwner<T>(sql, [org.orgId]))[0];
    const survey = await one<{ id: string; publicId: string }>(
      `select id, public_id as "publicId" from surveys where org_id = $1 and audience = 'customers' order by created_at limit 1`,
    );
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/links`,
      headers: org.auth,
      payload: { customerExternalId: `seed-${org.slug}-1` },
    });
    const promoter = await t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/responses/batch`,
      headers: org.auth,
      payload: { responses: [{ id: '7e0d5f43-54f6-4b61-9d7e-2f3c1f6b9a10', answers: { nps: 10 } }] },
    });
    expect(promoter.statusCode, promoter.body).toBe(200);
    const visit = await one<{ id: string }>(
      `select id from audit_visits where org_id = $1 and status = 'scheduled' limit 1`,
    );
    const shopper = await t.app.inject({
      method: 'POST',
      url: `/api/v1/audits/${visit.id}/shopper-link`,
      headers: org.auth,
      payload: {},
    });
    const employee = await one<{ id: string }>('select id from employees where org_id = $1 limit 1');
    const rating = await t.app.inject({
      method: 'POST',
      url: '/api/v1/soco/customer-links',
      headers: org.auth,
      payload: { employeeId: employee.id },
    });

    // A round of internal clients: the seed's kitchen rates the seed's department.
    const kitchen = await one<{ id: string }>(
      `select id from departments where org_id = $1 and name = 'Seed kitchen'`,
    );
    const served = await one<{ id: string }>(
      `select id from departments where org_id = $1 and name = 'Seed department'`,
    );
    const internal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/internal-clients/rounds',
      headers: org.auth,
      payload: { name: 'Fuzz', pairs: [{ raterDepartmentId: kitchen.id, ratedDepartmentId: served.id }] },
    });
    expect(internal.statusCode, internal.body).toBe(201);
    const internalUrl: string = internal.json().handOut[0].url;
    const internalToken = internalUrl.slice(internalUrl.lastIndexOf('/') + 1);

    routes = t.app.routeList
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.includes('*'))
      .filter((r) =>
        ['/api/', '/s/', '/c/', '/r/', '/m/', '/rate/', '/internal-clients/'].some((prefix) =>
          r.url.startsWith(prefix),
        ),
      )
      // Deletions last: the objects they remove are the other routes' path values.
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    fixtures = new Map();
    for (const route of routes) {
      const sql = FIXTURES.find(([pattern]) => pattern.test(route.url))?.[1];
      if (sql) fixtures.set(route.url, await one<Record<string, string>>(sql));
      if (route.url.startsWith('/s/t/:token')) fixtures.set(route.url, { token: link.json().token });
      if (route.url.startsWith('/m/:token')) fixtures.set(route.url, { token: shopper.json().token });
      if (route.url.startsWith('/rate/:token')) fixtures.set(route.url, { token: rating.json().token });
      if (route.url.includes('internal-clients/') && route.url.endsWith(':token'))
        fixtures.set(route.url, { token: internalToken });
    }
    bodies = examples({
      publicId: survey.publicId,
      surveyId: survey.id,
      responseId: '7e0d5f43-54f6-4b61-9d7e-2f3c1f6b9a10',
      userId: (
        await one<{ id: string }>(`select id from users where org_id = $1 and role <> 'owner' limit 1`)
      ).id,
      teamId: (await one<{ id: string }>('select id from teams where org_id = $1 limit 1')).id,
      caseId: (await one<{ id: string }>('select id from cases where org_id = $1 limit 1')).id,
      customer: `seed-${org.slug}-1`,
      ownerEmail: org.ownerEmail,
      checklistId: (await one<{ id: string }>('select id from audit_checklists where org_id = $1 limit 1'))
        .id,
      employeeId: employee.id,
      departmentId: kitchen.id,
      otherDepartmentId: served.id,
      courseId: (await one<{ id: string }>('select id from training_courses where org_id = $1 limit 1')).id,
    });
  });
  afterAll(() => t?.close());

  const send = async (
    route: Route,
    params: Record<string, string>,
    search: string,
    body: unknown,
    csv = false,
  ) => {
    const path = route.url.replace(/:(\w+)/g, (_, name) => encodeSegment(params[name] ?? ''));
    let payload: unknown = ['GET', 'DELETE'].includes(route.method) ? undefined : body;
    let type: string | undefined;
    if (payload !== undefined && isFormRoute(route) && typeof payload === 'object') {
      payload = toQuery(payload);
      type = 'application/x-www-form-urlencoded';
    } else if (payload !== undefined && isImportRoute(route)) {
      ({ body: payload, type } = importBody(payload, csv));
    }
    t.clock.advance(61_000); // a minute per request: the per-survey response limit stays out of the way
    return t.app.inject({
      method: route.method as 'POST',
      url: search ? `${path}?${search}` : path,
      headers: { ...(await headersFor(route)), ...(type ? { 'content-type': type } : {}) },
      remoteAddress: remoteAddress(),
      payload: payload as string,
    });
  };

  it('never answers 5xx to arbitrary input', { timeout: TIMEOUT }, async () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(anyJson, pathValue, query, async (body, value, q) => {
          const params = new Proxy({}, { get: () => value }) as Record<string, string>;
          const res = await send(route, params, new URLSearchParams(q).toString(), body);
          check(route, res, { body, value, q });
        }),
        { numRuns: JUNK_RUNS },
      );
    }
  });

  it('never answers 5xx when one field of a well-formed request is hostile', {
    timeout: TIMEOUT,
  }, async () => {
    for (const route of routes) {
      const schema = route.schema as Record<string, unknown> | undefined;
      const bodySchema = jsonSchemaOf(schema?.body);
      const querySchema = jsonSchemaOf(schema?.querystring);
      const paramsSchema = jsonSchemaOf(schema?.params);
      const example = bodies[`${route.method} ${route.url}`];
      const fixture = fixtures.get(route.url);
      const body = fc.oneof(
        ...(example === undefined
          ? []
          : [Array.isArray(example) ? fc.constantFrom(...example) : fc.constant(example)]),
        ...(bodySchema ? [arbitraryOf(bodySchema)] : []),
        fc.constant(undefined),
      );
      const params = fc.oneof(...(fixture ? [{ arbitrary: fc.constant(fixture), weight: 4 }] : []), {
        arbitrary: paramsSchema ? arbitraryOf(paramsSchema) : fc.constant({}),
        weight: 1,
      });
      const search = querySchema ? arbitraryOf(querySchema) : fc.constant({});
      // Which part carries the hostile value: body, query or path.
      const part = fc.constantFrom(
        ...(route.method !== 'GET' && route.method !== 'DELETE' ? ['body', 'body'] : []),
        ...(querySchema ? ['query', 'query'] : []),
        ...(paramsSchema || fixture ? ['params'] : []),
        'none',
      );
      await fc.assert(
        fc.asyncProperty(
          body,
          params,
          search,
          part,
          mutation,
          fc.boolean(),
          async (b, p, q, where, m: Mutation, csv) => {
            const sent = {
              body: where === 'body' ? mutate(b ?? {}, m) : b,
              params: where === 'params' ? (mutate(p, m) as Record<string, unknown>) : p,
              query: where === 'query' ? mutate(q, m) : q,
            };
            const pathParts = sent.params && typeof sent.params === 'object' ? sent.params : {};
            const stringParams = Object.fromEntries(
              Object.entries(pathParts).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
            );
            const res = await send(route, stringParams, toQuery(sent.query), sent.body, csv);
            check(route, res, sent);
          },
        ),
        { numRuns: SHAPED_RUNS },
      );
    }
  });
});
