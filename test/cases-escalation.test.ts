import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/http/types';
import { ManualClock } from '../src/lib/clock';
import { ESCALATE_JOB } from '../src/modules/cases/use-cases/escalate-case';
import { expectIso, type LoopOrg, rowsOf, setUpLoopOrg, startSecondProcess } from './cases/helpers';
import { createTestApp, type TestApp } from './helpers/app';
import { ENGINES } from './helpers/db';
import { emitResponse } from './helpers/responses';
import { headerOf, startSmtp } from './surveys/smtp';

// Friday 2026-04-03, 15:00 in Warsaw; Easter Monday 2026-04-06 is a holiday.
const FRIDAY_3PM = new Date('2026-04-03T13:00:00Z');
const MINUTE = 60_000;

describe.each(ENGINES)('escalation across a restart on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let loop: LoopOrg;
  let second: AppContext;
  let caseId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url }, new ManualClock(FRIDAY_3PM));
    loop = await setUpLoopOrg(t, { timeZone: 'Europe/Warsaw', settings: { holidays: ['2026-04-06'] } });
    const r = await emitResponse(t.ctx, loop.org.orgId, { customer: 'late-1', scores: { nps: 2 } });
    caseId = (await loop.api('GET', `/api/v1/cases?customerId=${r.customerId}`)).items[0].id;
  });
  afterAll(async () => {
    second?.mailer.close();
    await t?.close();
    await smtp?.close();
  });

  const escalations = () =>
    rowsOf<{ kind: string; cycle: number }>(
      t,
      'select kind, cycle from case_escalations where org_id = $1 and case_id = $2 order by at, kind',
      [loop.org.orgId, caseId],
    );
  const subjects = (address: string) => smtp.to(address).map((m) => headerOf(m, 'Subject'));
  const owner = () => loop.agents[0].email;

  it('warns the owner once at 75% of the first-response target', async () => {
    await t.ctx.jobs.runDue(); // the assignment e-mail
    // 75% of 8 business hours = 6 h: Friday 2 h, then Tuesday 09:00 + 4 h = 13:00 CEST.
    t.clock.set('2026-04-07T10:59:00Z');
    await t.ctx.jobs.runDue();
    expect(await escalations()).toEqual([]);
    t.clock.set('2026-04-07T11:00:00Z');
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    expect(await escalations()).toEqual([{ kind: 'first_response_warning', cycle: 1 }]);
    expect(subjects(owner())).toEqual([
      'Case assigned to you: Negative feedback: NPS 2',
      'Case close to its deadline: Negative feedback: NPS 2',
    ]);
  });

  it('escalates the breach to the manager once, from a second process after a restart', async () => {
    await t.ctx.jobs.stop();
    second = await startSecondProcess(t, smtp.url);
    t.clock.set('2026-04-07T13:00:00Z');
    expect(await second.jobs.runDue()).toBeGreaterThan(0);
    await second.jobs.runDue();
    await t.ctx.jobs.runDue(); // the old process, were it still alive, finds nothing left either
    expect(await escalations()).toEqual([
      { kind: 'first_response_warning', cycle: 1 },
      { kind: 'first_response_breach', cycle: 1 },
    ]);
    expect(subjects(loop.managerEmail)).toEqual(['Case deadline missed: Negative feedback: NPS 2']);
    expect(subjects(owner())).toHaveLength(2);
    const c = await loop.api('GET', `/api/v1/cases/${caseId}`);
    expect(c.breached).toBe(true);
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'assigned',
      'email_sent',
      'warning',
      'email_sent',
      'escalated',
      'email_sent',
    ]);
    const breached = await loop.api('GET', '/api/v1/cases?breached=true');
    expect(breached.items.map((i: { id: string }) => i.id)).toEqual([caseId]);
  });

  it('runs a job whose worker died holding it once its lease lapses, and a rerun changes nothing', async () => {
    // Resolution warning: 75% of 40 h = 30 h → Friday 2026-04-10 13:00 CEST.
    t.clock.set('2026-04-10T11:00:00Z');
    // A worker claimed the job and died before running it: the row stays running, leased.
    const [job] = await rowsOf<{ id: number }>(
      t,
      `update jobs set status = 'running', attempts = attempts + 1, locked_until = $2
        where org_id = $1 and name = 'cases.escalate' and payload->>'kind' = 'resolution_warning'
        returning id`,
      [loop.org.orgId, new Date(t.clock.now().getTime() + 5 * MINUTE)],
    );
    expect(job).toBeDefined();
    await second.jobs.runDue();
    expect((await escalations()).map((e) => e.kind)).not.toContain('resolution_warning');
    t.clock.advance(6 * MINUTE);
    await second.jobs.runDue();
    await second.jobs.runDue();
    expect((await escalations()).filter((e) => e.kind === 'resolution_warning')).toHaveLength(1);
    const warnings = () => subjects(owner()).filter((s) => s?.startsWith('Case close to its deadline'));
    expect(warnings()).toHaveLength(2);

    // The same job again, as after a crash between its commit and marking it done.
    const [row] = await rowsOf<{ payload: Record<string, unknown>; status: string }>(
      t,
      'select payload, status from jobs where id = $1',
      [job.id],
    );
    expect(row.status).toBe('done');
    await ESCALATE_JOB.handle(second, ESCALATE_JOB.payload.parse(row.payload), {
      id: job.id,
      name: 'cases.escalate',
      orgId: loop.org.orgId,
      attempts: 2,
    });
    await second.jobs.runDue();
    expect((await escalations()).filter((e) => e.kind === 'resolution_warning')).toHaveLength(1);
    expect(warnings()).toHaveLength(2);
  });

  it('stops the clock while waiting for the customer and moves the deadlines by the wait', async () => {
    const r = await emitResponse(t.ctx, loop.org.orgId, { customer: 'wait-1', scores: { ces: 2 } });
    // Friday 2026-04-10 13:06 CEST; standard normal resolution 40 business hours.
    const [c] = (await loop.api('GET', `/api/v1/cases?customerId=${r.customerId}`)).items;
    t.clock.set('2026-04-10T12:06:00Z'); // Friday 14:06: one business hour later
    const paused = await loop.api('PATCH', `/api/v1/cases/${c.id}`, { status: 'waiting_customer' });
    expect(paused.pausedAt).not.toBeNull();
    expect(paused.firstRespondedAt).not.toBeNull();
    // The customer answers on Tuesday 2026-04-14 at 10:06 CEST.
    t.clock.set('2026-04-14T08:06:00Z');
    await second.jobs.runDue(); // nothing fires while paused
    expect(
      await rowsOf(t, 'select kind from case_escalations where org_id = $1 and case_id = $2', [
        loop.org.orgId,
        c.id,
      ]),
    ).toEqual([]);
    await loop.api('POST', `/api/v1/cases/${c.id}/emails`, { text: 'Still broken, see photo' });
    const resumed = await loop.api('GET', `/api/v1/cases/${c.id}`);
    expect(resumed.status).toBe('in_progress');
    expect(resumed.pausedAt).toBeNull();
    // Waited Friday 14:06–17:00, Monday 9–17 and Tuesday 9:00–10:06: 174 + 480 + 66 = 720 business
    // minutes, so the resolution due Friday 2026-04-17 13:06 moves 12 business hours on, to
    // Tuesday 2026-04-21 09:06.
    expectIso(c.resolutionDueAt, '2026-04-17T11:06:00.000Z');
    expectIso(resumed.resolutionDueAt, '2026-04-21T07:06:00.000Z');
    expect(resumed.timeline.map((e: { kind: string }) => e.kind)).toContain('email_received');
  });
});
