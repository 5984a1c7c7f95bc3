import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/lib/clock';
import { setServiceTiers } from '../src/modules/customers/api';
import { expectIso, type LoopOrg, rowsOf, setUpLoopOrg } from './cases/helpers';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponse } from './helpers/responses';
import { headerOf, startSmtp } from './surveys/smtp';

// Friday 2026-04-03, 15:00 in Warsaw (CEST, UTC+2). Monday 2026-04-06 is Easter Monday, a holiday.
const FRIDAY_3PM = new Date('2026-04-03T13:00:00Z');

describe.each(ENGINES)('cases from negative feedback on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let loop: LoopOrg;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(
      engine,
      { SMTP_URL: smtp.url, PUBLIC_URL: 'https://loop.example' },
      new ManualClock(FRIDAY_3PM),
    );
    loop = await setUpLoopOrg(t, { timeZone: 'Europe/Warsaw', settings: { holidays: ['2026-04-06'] } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const casesOfCustomer = async (customerId: string) =>
    (await loop.api('GET', `/api/v1/cases?customerId=${customerId}`)).items;

  it('opens one assigned case for a detractor, due in business hours across a weekend and a holiday', async () => {
    const response = await emitResponse(t.ctx, loop.org.orgId, {
      customer: 'cust-1',
      scores: { nps: 3 },
      texts: ['The courier was two hours late'],
    });
    const [c] = await casesOfCustomer(response.customerId!);
    expect(c).toMatchObject({
      status: 'new',
      priority: 'normal',
      source: 'rule',
      tier: 'standard',
      responseId: response.responseId,
      ownerId: loop.agents[0].id,
      teamId: loop.teamId,
      title: 'Negative feedback: NPS 3',
      breached: false,
    });
    // Standard, normal: first response in 8 business hours, resolution in 40. Friday 15–17 counts
    // 2 h, the weekend and Easter Monday none, so the first response is due Tuesday 15:00.
    expectIso(c.firstResponseDueAt, '2026-04-07T13:00:00.000Z');
    expectIso(c.resolutionDueAt, '2026-04-13T13:00:00.000Z');
    expectIso(c.nextDueAt, '2026-04-07T13:00:00.000Z');

    // The same response again (a retried transaction) and a later one: still one case.
    await t.ctx.db.withOrg(loop.org.orgId, (tx) => t.ctx.bus.emit(tx, 'response.created', response));
    await emitResponse(t.ctx, loop.org.orgId, { customer: 'cust-1', scores: { csat: 1 } });
    const again = await casesOfCustomer(response.customerId!);
    expect(again).toHaveLength(1);
    const detail = await loop.api('GET', `/api/v1/cases/${c.id}`);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'assigned',
      'feedback_added',
    ]);
    expect(detail.customer).toMatchObject({ externalId: 'cust-1' });
    const links = await rowsOf(t, 'select source_key from case_links where org_id = $1 and case_id = $2', [
      loop.org.orgId,
      c.id,
    ]);
    expect(links).toHaveLength(2);

    await t.ctx.jobs.runDue();
    const [mail] = smtp.to(loop.agents[0].email);
    expect(headerOf(mail, 'Subject')).toBe('Case assigned to you: Negative feedback: NPS 3');
  });

  it('gives premium customers faster targets and takes turns within the team', async () => {
    const response = await emitResponse(t.ctx, loop.org.orgId, { customer: 'vip-1' });
    await t.ctx.db.withOrg(loop.org.orgId, (tx) =>
      setServiceTiers(t.ctx, tx, loop.org.orgId, [{ customerId: response.customerId!, tier: 'premium' }]),
    );
    await emitResponse(t.ctx, loop.org.orgId, { customer: 'vip-1', scores: { nps: 0 } });
    const [c] = await casesOfCustomer(response.customerId!);
    expect(c).toMatchObject({ tier: 'premium', ownerId: loop.agents[1].id });
    // Premium, normal: 2 business hours — Friday 15:00 to 17:00.
    expectIso(c.firstResponseDueAt, '2026-04-03T15:00:00.000Z');
    // Premium 16 h: Friday 2 h, Tuesday 8 h, Wednesday 6 h → Wednesday 15:00.
    expectIso(c.resolutionDueAt, '2026-04-08T13:00:00.000Z');
    const positive = await emitResponse(t.ctx, loop.org.orgId, { customer: 'happy-1', scores: { nps: 9 } });
    expect(await casesOfCustomer(positive.customerId!)).toEqual([]);
  });
});
