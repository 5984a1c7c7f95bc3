import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeReport, importFile } from '../src/cli/customers-commands';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';

const CUSTOMERS_CSV = [
  'externalId,email,name,consent.email,city,attributes.segment',
  'imp-1,ola@example.com,Ola,yes,Gdańsk,b2c',
  'imp-2,not-an-email,Bad Mail,no,Łódź,b2c', // line 3: bad e-mail
  '"imp-3","jan@example.com","Kowalski, Jan",1,"Wrocław",b2b',
  'imp-4,x@example.com,Too,Many,Fields,here,extra', // line 5: wrong field count
  ',nobody@example.com,No Id,0,Opole,b2c', // line 6: no external id
  'imp-5,"multi@example.com","Line one',
  'line two",true,Poznań,b2c', // one record over lines 7–8
  'imp-1,ola.new@example.com,,,,', // the same customer again: the later row wins
  '',
].join('\r\n');

const EVENTS_NDJSON = [
  JSON.stringify({
    id: 'n-1',
    type: 'purchase',
    customerExternalId: 'imp-1',
    occurredAt: '2026-02-01T10:00:00Z',
    amount: 1200,
  }),
  '{"id": "n-2", "type": "visit", ', // line 2: broken JSON
  JSON.stringify({
    id: 'n-3',
    type: 'purchase',
    customerExternalId: 'new-buyer',
    occurredAt: '2026-02-02T10:00:00Z',
    amount: 300,
    currency: 'CZK',
  }), // line 3: no rate
  '',
  JSON.stringify({
    id: 'n-4',
    type: 'survey_response',
    customerExternalId: 'imp-1',
    occurredAt: '2026-02-03T10:00:00Z',
    data: { nps: 10 },
  }),
  JSON.stringify({ id: 'n-5', type: 'visit', customerExternalId: 'imp-9', occurredAt: 'yesterday' }), // line 6
  '[1, 2]', // line 7: not an object
  JSON.stringify({
    id: 'n-6',
    type: 'purchase',
    customerExternalId: 'new-buyer',
    occurredAt: '2026-02-04T10:00:00Z',
    amount: 700,
  }),
].join('\n');

const EVENTS_CSV = [
  'id,type,customer_external_id,occurred_at,amount,currency,channel,data.nps',
  'c-1,purchase,imp-3,2026-02-01T10:00:00Z,1500,EUR,shop,',
  'c-2,purchase,imp-3,2026-02-01T11:00:00Z,15.5,EUR,shop,', // line 3: amount not an integer
  'c-3,survey_response,imp-3,2026-02-02T10:00:00Z,,,email,9',
  'c-4,purchase,imp-3,2026-02-03T10:00:00Z,100,USD,shop,', // line 5: no USD rate
].join('\n');

describe.each(ENGINES)('bulk import on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let as: Api;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    as = api(t, org);
    dir = mkdtempSync(join(tmpdir(), 'orientir-import-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  const post = (kind: string, contentType: string, body: string) =>
    as.post(`/api/v1/import/${kind}`, body, { headers: { 'content-type': contentType } });

  it('imports customers from CSV over HTTP and reports refused rows by line', async () => {
    const res = await post('customers', 'text/csv; charset=utf-8', CUSTOMERS_CSV);
    expect(res.status, res.text).toBe(200);
    const report = res.body;
    expect(report).toMatchObject({ rows: 7, accepted: 4, refused: 3, created: 3, updated: 1 });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [5, 'row'],
      [6, 'externalId'],
    ]);
    const ola = (await as.get('/api/v1/customers/imp-1')).body;
    expect(ola).toMatchObject({
      email: 'ola.new@example.com',
      name: 'Ola',
      consent: { email: true },
      attributes: { city: 'Gdańsk', segment: 'b2c' },
    });
    expect((await as.get('/api/v1/customers/imp-3')).body.name).toBe('Kowalski, Jan');
    expect((await as.get('/api/v1/customers/imp-5')).body.name).toBe('Line one\r\nline two');
    expect((await as.get('/api/v1/customers/imp-2')).status).toBe(404);
  });

  it('imports events from NDJSON over HTTP, creating customers and refusing rows it cannot take', async () => {
    const res = await post('events', 'application/x-ndjson', EVENTS_NDJSON);
    expect(res.status, res.text).toBe(200);
    const report = res.body;
    expect(report).toMatchObject({
      rows: 7,
      accepted: 3,
      refused: 4,
      stored: 3,
      duplicates: 0,
      customersCreated: 1,
    });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'row'],
      [3, 'currency'],
      [6, 'occurredAt'],
      [7, 'row'],
    ]);
    expect(report.errors[1].message).toContain('CZK');
    expect((await as.get('/api/v1/customers/imp-1')).body).toMatchObject({
      lifecycleStage: 'buyer',
      lastNps: 10,
    });
    expect((await as.get('/api/v1/customers/new-buyer')).body.lifecycleStage).toBe('buyer');

    const again = (await post('events', 'application/x-ndjson', EVENTS_NDJSON)).body;
    expect(again).toMatchObject({ stored: 0, duplicates: 3 });
  });

  it('refuses other media types', async () => {
    expect((await post('events', 'application/xml', '<a/>')).status).toBe(415);
    const json = await as.post('/api/v1/import/customers', { externalId: 'x' });
    expect(json.status).toBe(415);
  });

  it('imports through the CLI function with the same report and a file of every refused row', async () => {
    const path = join(dir, 'events.csv');
    writeFileSync(path, EVENTS_CSV);
    const errorsPath = join(dir, 'refused.csv');
    const report = await importFile(t.ctx, {
      orgId: org.orgId,
      kind: 'events',
      path,
      errorsPath,
      batchSize: 2,
    });
    expect(report).toMatchObject({ rows: 4, accepted: 2, refused: 2, stored: 2 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'amount'],
      [5, 'currency'],
    ]);
    const lines = readFileSync(errorsPath, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('line,field,message');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['3,amount', '5,currency']);
    const summary = describeReport('events', report, errorsPath);
    expect(summary[0]).toBe(
      '4 rows read: 2 accepted (2 stored, 0 already stored, 0 new customers), 2 refused',
    );
    expect(summary[1]).toMatch(/^ {2}line 3: amount: /);
    expect((await as.get('/api/v1/customers/imp-3')).body.lastNps).toBe(9);

    const ndjsonPath = join(dir, 'customers.ndjson');
    writeFileSync(
      ndjsonPath,
      '{"externalId":"cli-1","name":"Eva"}\n{"externalId":"cli-2","locale":"not a locale"}\n',
    );
    const customers = await importFile(t.ctx, { orgId: org.orgId, kind: 'customers', path: ndjsonPath });
    expect(customers).toMatchObject({ rows: 2, accepted: 1, created: 1, refused: 1 });
    expect(customers.errors).toEqual([{ line: 2, field: 'locale', message: expect.any(String) }]);
  });
});
