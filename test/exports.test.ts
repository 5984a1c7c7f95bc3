import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { seedValuedCustomers, type ValuedCustomer } from './helpers/valued-customers';
import { createSurvey, NPS_SURVEY } from './surveys/helpers';

const COUNT = 5000;
const id = (i: number) => `c-${String(i).padStart(5, '0')}`;
// Customer 1 is the example: €660.16 of lifetime value, a probability with many digits.
const CUSTOMERS: ValuedCustomer[] = Array.from({ length: COUNT }, (_, i) => ({
  externalId: id(i + 1),
  name: `Klient ${i + 1}`,
  purchasedDaysAgo: 1 + (i % 300),
  clvMinor: i === 0 ? 66016 : 100 * (i % 997) + (i % 100),
  aliveProbability: i === 0 ? 0.912345678901234 : (i % 1000) / 1000,
}));

/** The file's data lines split into fields (no field of this data holds the separator or a quote). */
const tableOf = (text: string, separator: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(separator));

describe.each(ENGINES)('CSV exports on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    await seedValuedCustomers(t, org, CUSTOMERS);
  }, 600_000);
  afterAll(() => t?.close());

  it('exports all 5,000 customers in Polish: semicolons, decimal commas, value in major units, names', async () => {
    const res = await api(t, org).get('/api/v1/exports/customers?locale=pl');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="customers\.csv"/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = tableOf(res.text, ';');
    expect(rows).toHaveLength(COUNT);
    expect(header).toContain('Wartość klienta (EUR)');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(new Set(rows.map((r) => r[0])).size).toBe(COUNT);

    const first = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(first).toMatchObject({
      ID: 'c-00001',
      'Wartość klienta (EUR)': '660,16',
      'Szansa, że nadal kupuje': '0,912',
      'Etap cyklu życia': 'Kupujący',
    });
    expect(first['Ostatni zakup']).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(res.text).not.toContain('66016');
    // no code of the API where a name belongs, no decimal point anywhere
    const stageColumn = header.indexOf('Etap cyklu życia');
    expect(rows.some((r) => ['buyer', 'regular', 'lost'].includes(r[stageColumn]))).toBe(false);
    expect(rows.every((r) => !r.slice(7, 9).some((v) => v.includes('.')))).toBe(true);
  }, 120_000);

  it('writes English files with commas between fields and decimal points', async () => {
    const res = await api(t, org).get('/api/v1/exports/customers?locale=en&q=c-00001');
    const [header, row] = tableOf(res.text, ',');
    expect(header).toContain('Lifetime value (EUR)');
    expect(row[header.indexOf('Lifetime value (EUR)')]).toBe('660.16');
    expect(row[header.indexOf('Chance still active')]).toBe('0.912');
  });

  it('takes the list’s filters and order, and the organization’s language by default', async () => {
    const res = await api(t, org).get('/api/v1/exports/customers?sort=-clv&q=c-0000');
    const [header, ...rows] = tableOf(res.text, ',');
    expect(header[0]).toBe('ID');
    expect(rows.map((r) => r[0])).toEqual([
      'c-00001',
      'c-00009',
      'c-00008',
      'c-00007',
      'c-00006',
      'c-00005',
      'c-00004',
      'c-00003',
      'c-00002',
    ]);
  });

  it('exports every response of a survey newest first, with question texts and names in Czech', async () => {
    const other = await t.createOrg();
    const survey = await createSurvey(t, other, NPS_SURVEY);
    // the oldest answer through the API, the other 509 written straight in: more than a page of the list
    await api(t, other).ok('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [
        {
          answers: { nps: 3, why_low: '=kurýr přišel pozdě' },
          submittedAt: '2025-01-01T00:00:00.000Z',
          touchpoint: 'checkout',
          locale: 'cs',
        },
      ],
    });
    await t.ctx.db.queryOwner(
      `insert into survey_responses (org_id, survey_id, version, status, channel, touchpoint, locale, answers,
                                     nps, submitted_at, created_at, updated_at)
       select $1, $2, 1, 'complete', 'import', 'checkout', 'cs', jsonb_build_object('nps', i % 11), i % 11,
              timestamptz '2025-01-01T00:00:00Z' + i * interval '1 hour', now(), now()
         from generate_series(1, 509) as i`,
      [other.orgId, survey.id],
    );
    const res = await api(t, other).get(`/api/v1/surveys/${survey.id}/responses/export?locale=cs`);
    expect(res.status).toBe(200);
    const [header, ...rows] = tableOf(res.text, ';');
    expect(rows).toHaveLength(510); // more than one page of the list
    expect(header).toContain('Co vás zklamalo?');
    const oldest = Object.fromEntries(header.map((h, i) => [h, rows[rows.length - 1][i]]));
    expect(oldest).toMatchObject({
      'Co vás zklamalo?': "'=kurýr přišel pozdě",
      'Jak pravděpodobné je, že nás doporučíte příteli?': '3',
      Kanál: 'Import',
      Jazyk: 'čeština',
    });
    // newest first: 509 hours after the first answer, in Czech day order and the organization's zone
    expect(rows[0][0]).toBe('22. 01. 2025 05:00');
    expect(rows[509][0]).toBe('01. 01. 2025 00:00');
    const elsewhere = await api(t, org).get(`/api/v1/surveys/${survey.id}/responses/export`);
    expect(elsewhere.status).toBe(404);
  }, 120_000);

  it('exports every scored customer of the value list in Polish, amounts in major units', async () => {
    // the scores a fit wrote, for the 5,000 customers above: the first is worth €660.16
    await t.ctx.db.queryOwner(
      `with fit as (insert into value_fits (org_id, until, time_unit, report, fitted_at)
                    values ($1, '2026-03-01', 'week', '{}', now()) returning id)
       insert into customer_values (org_id, customer_id, fit_id, p_alive, expected_purchases, expected_spend_minor,
                                    clv_minor, cost_to_serve_minor, profitability_minor, tier, scored_at)
       select c.org_id, c.id, fit.id, 0.912345678901234, 1.23456, 2550,
              case when c.external_id = 'c-00001' then 66016 else 100 end, 1201, 64815 - 1, 'premium', now()
         from customers c, fit where c.org_id = $1`,
      [org.orgId],
    );
    const res = await api(t, org).get('/api/v1/exports/customer-values?locale=pl');
    expect(res.status).toBe(200);
    const [header, ...rows] = tableOf(res.text, ';');
    expect(rows).toHaveLength(COUNT);
    const first = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(first).toMatchObject({
      ID: 'c-00001',
      'Poziom obsługi': 'Premium',
      'Wartość klienta w czasie (CLV) (EUR)': '660,16',
      'Prawdopodobieństwo aktywności': '0,912',
      'Oczekiwana kwota zakupu (EUR)': '25,50',
      'Koszt obsługi (EUR)': '12,01',
      'Rentowność (EUR)': '648,14',
    });
    expect(first['Oczekiwane zakupy (horyzont wartości)']).toBe('1,23');
    expect(res.text).not.toContain('66016');
  }, 120_000);

  it('refuses an unknown language or filter with a problem naming the field', async () => {
    const bad = await api(t, org).get('/api/v1/exports/customers?locale=de');
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.[0].field).toBe('query.locale');
    const badSort = await api(t, org).get('/api/v1/exports/customers?sort=name');
    expect(problemOf(badSort).errors?.[0].field).toBe('query.sort');
  });
});
