import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/modules/webhooks/domain/sign';
import { type Api, apiOf } from './cases/helpers';
import { api as callApi } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { problemOf } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { emitResponse } from './helpers/responses';
import { startReceiver } from './helpers/webhook-receiver';
import { headerOf, startSmtp } from './surveys/smtp';

describe.each(ENGINES)('webhooks on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let api: Api;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    // The receiver listens on this host: an instance that allows private targets.
    t = await createTestApp(engine, { SMTP_URL: smtp.url, ORIENTIR_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    org = await t.createOrg();
    api = apiOf(t, org);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('validates endpoints and shows the secret only once', async () => {
    const bad = await callApi(t, org).post('/api/v1/webhooks', {
      url: 'ftp://example.com/x',
      events: ['case.exploded'],
    });
    expect(bad.status).toBe(400);
    expect(problemOf(bad).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.url', 'body.events.0']),
    );
    const created = await api('POST', '/api/v1/webhooks', {
      url: 'https://hooks.example/x',
      events: ['case.created'],
    });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await api('GET', '/api/v1/webhooks');
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    await api('DELETE', `/api/v1/webhooks/${created.id}`);
    expect((await api('GET', '/api/v1/webhooks')).items).toEqual([]);
  });

  it('signs every delivery and retries with backoff after the receiver answers 500', async () => {
    const hook = await api('POST', '/api/v1/webhooks', {
      url: receiver.url('/flaky'),
      events: ['case.created', 'response.created'],
    });
    const c = await api('POST', '/api/v1/cases', { title: 'Broken espresso machine', priority: 'high' });
    await t.ctx.jobs.runDue();
    expect(receiver.at('/flaky')).toHaveLength(1);
    t.clock.advance(4_000);
    await t.ctx.jobs.runDue();
    expect(receiver.at('/flaky')).toHaveLength(1); // the first retry waits 5 s
    t.clock.advance(1_000);
    await t.ctx.jobs.runDue();
    t.clock.advance(10_000);
    await t.ctx.jobs.runDue();
    const attempts = receiver.at('/flaky');
    expect(attempts).toHaveLength(3);
    for (const a of attempts) {
      const signature = String(a.headers['x-orientir-signature']);
      expect(verifyWebhook(hook.secret, signature, a.body, Math.floor(t.clock.now().getTime() / 1000))).toBe(
        true,
      );
      expect(
        verifyWebhook('whsec_wrong', signature, a.body, Math.floor(t.clock.now().getTime() / 1000)),
      ).toBe(false);
      expect(a.body).toBe(attempts[0].body);
      expect(a.headers['x-orientir-event']).toBe('case.created');
    }
    expect(JSON.parse(attempts[0].body)).toMatchObject({
      type: 'case.created',
      data: { caseId: c.id, priority: 'high' },
    });

    const log = await api('GET', `/api/v1/webhooks/${hook.id}/deliveries`);
    expect(log.items).toEqual([
      expect.objectContaining({
        event: 'case.created',
        status: 'delivered',
        attempts: 3,
        responseStatus: 200,
      }),
    ]);
    expect((await api('GET', `/api/v1/webhooks/${hook.id}`)).consecutiveFailures).toBe(0);

    await emitResponse(t.ctx, org.orgId, { customer: 'hook-1', scores: { nps: 9 } });
    await t.ctx.jobs.runDue();
    expect(JSON.parse(receiver.at('/flaky').at(-1)!.body)).toMatchObject({
      type: 'response.created',
      data: { scores: { nps: 9 } },
    });
  });

  it('turns an endpoint off after ten failures in a row and tells the owner', async () => {
    const hook = await api('POST', '/api/v1/webhooks', {
      url: receiver.url('/broken'),
      events: ['case.created'],
    });
    await api('POST', '/api/v1/cases', { title: 'Cold pizza' });
    for (let i = 0; i < 12; i++) {
      await t.ctx.jobs.runDue();
      t.clock.advance(60 * 60 * 1000);
    }
    expect(receiver.at('/broken')).toHaveLength(10);
    const off = await api('GET', `/api/v1/webhooks/${hook.id}`);
    expect(off).toMatchObject({ enabled: false, consecutiveFailures: 10 });
    expect(off.disabledReason).toMatch(/10 failed deliveries/);
    const [delivery] = (await api('GET', `/api/v1/webhooks/${hook.id}/deliveries`)).items;
    expect(delivery).toMatchObject({ status: 'failed', attempts: 10, responseStatus: 500 });
    const notices = smtp.to(org.ownerEmail);
    expect(notices.map((m) => headerOf(m, 'Subject'))).toEqual(['Webhook endpoint disabled']);
    expect(notices[0].body).toContain(receiver.url('/broken'));

    await api('POST', '/api/v1/cases', { title: 'Nobody hears this one' });
    await t.ctx.jobs.runDue();
    expect((await api('GET', `/api/v1/webhooks/${hook.id}/deliveries`)).items).toHaveLength(1);
    const on = await api('PATCH', `/api/v1/webhooks/${hook.id}`, { enabled: true });
    expect(on).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
  });
});
