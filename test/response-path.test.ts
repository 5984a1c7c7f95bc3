import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { daysAgo } from './helpers/customers';
import { ENGINES } from './helpers/db';
import { createSurvey } from './surveys/helpers';

/**
 * A survey response reaches its customer's signals and stage once (through its survey_response
 * interaction event), and the case rules of both triggers see the stage it brought.
 */
describe.each(ENGINES)('the path of a survey response on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Every write of a customer's response signals (an insert that sets it, or an update that
    // names it) is counted, whether or not the value changes.
    await t.ctx.db.execOwner(`
      create table signal_writes (n integer not null);
      insert into signal_writes values (0);
      create function count_signal_write() returns trigger language plpgsql security definer as $$
        begin update signal_writes set n = n + 1; return null; end $$;
      create trigger count_signal_insert after insert on customer_stats
        for each row when (new.last_response_at is not null) execute function count_signal_write();
      create trigger count_signal_update after update of last_response_at on customer_stats
        for each row execute function count_signal_write();`);
  });
  afterAll(() => t?.close());

  const signalWrites = async () =>
    (await t.ctx.db.queryOwner<{ n: number }>('select n from signal_writes'))[0].n;

  /** An organization with a regular customer `fan` (three purchases), a survey and one case rule. */
  async function orgWithRule(rule: object) {
    const org = await t.createOrg();
    const as = api(t, org);
    const purchase = (id: string, days: number) => ({
      id,
      type: 'purchase',
      customerExternalId: 'fan',
      occurredAt: daysAgo(t, days),
      amount: 100,
    });
    const events = await as.post('/api/v1/events/batch', {
      events: [purchase('p1', 30), purchase('p2', 20), purchase('p3', 10)],
    });
    expect(events.status, events.text).toBe(200);
    const created = await as.post<{ id: string }>('/api/v1/case-rules', {
      name: 'Loyal customers',
      priority: 'high',
      ...rule,
    });
    expect(created.status, created.text).toBe(201);
    const survey = await createSurvey(t, org);
    return { org, as, survey, ruleId: created.body.id };
  }

  const promoterAnswer = async ({ as, survey }: { as: Api; survey: { id: string } }, nps = 10) => {
    const res = await as.post(`/api/v1/surveys/${survey.id}/responses/batch`, {
      responses: [{ answers: { nps }, customerExternalId: 'fan', submittedAt: t.clock.now().toISOString() }],
    });
    expect(res.status, res.text).toBe(200);
  };

  const customerOf = async (org: TestOrg) => {
    const [{ id }] = await t.ctx.db.queryOwner<{ id: string }>(
      "select id from customers where org_id = $1 and external_id = 'fan'",
      [org.orgId],
    );
    const { lifecycleStage } = (await api(t, org).get('/api/v1/customers/fan')).body;
    return { id, lifecycleStage: lifecycleStage as string };
  };

  const casesOf = (org: TestOrg, customerId: string) =>
    t.ctx.db.queryOwner<{ rule_id: string | null; priority: string }>(
      'select rule_id, priority from cases where org_id = $1 and customer_id = $2',
      [org.orgId, customerId],
    );

  it('updates the signals and the stage once, and an event rule on the stage sees the new stage', async () => {
    const setup = await orgWithRule({
      trigger: 'event',
      conditions: { eventTypes: ['survey_response'], stages: ['loyal'] },
    });
    const before = await customerOf(setup.org);
    expect(before.lifecycleStage).toBe('regular');
    const writes = await signalWrites();

    await promoterAnswer(setup);
    await t.ctx.jobs.runDue(); // the histories the answer changed

    expect(await signalWrites()).toBe(writes + 1);
    const after = await customerOf(setup.org);
    expect(after.lifecycleStage).toBe('loyal');
    const changes = await t.ctx.db.queryOwner<{ from_stage: string; to_stage: string }>(
      'select from_stage, to_stage from stage_changes where org_id = $1 and customer_id = $2 order by changed_at',
      [setup.org.orgId, after.id],
    );
    // in event time: a buyer at the first purchase, a regular at the third, loyal at the answer
    expect(changes.map((c) => `${c.from_stage}>${c.to_stage}`)).toEqual([
      'potential>buyer',
      'buyer>regular',
      'regular>loyal',
    ]);
    expect(await casesOf(setup.org, after.id)).toEqual([{ rule_id: setup.ruleId, priority: 'high' }]);
  });

  it('a response rule on the stage sees the stage the response brought', async () => {
    const setup = await orgWithRule({ trigger: 'response', conditions: { stages: ['loyal'] } });
    await promoterAnswer(setup);
    const after = await customerOf(setup.org);
    expect(after.lifecycleStage).toBe('loyal');
    expect(await casesOf(setup.org, after.id)).toEqual([{ rule_id: setup.ruleId, priority: 'high' }]);
  });
});
