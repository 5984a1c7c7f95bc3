import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyTokenKey } from '../src/modules/surveys/use-cases/signing-key';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey, upsertCustomers } from './surveys/helpers';

describe.each(ENGINES)('survey links without ORIENTIR_SECRET on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp(engine, { ORIENTIR_SECRET: undefined as unknown as string });
    org = await t.createOrg();
  });
  afterAll(() => t?.close());

  it('signs with an instance secret generated and stored on first use', async () => {
    expect(t.ctx.config.secret).toBeUndefined();
    const s = await createSurvey(t, org);
    await upsertCustomers(t, org, [{ externalId: 'no-secret-1' }]);
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${s.id}/links`,
      headers: org.auth,
      payload: { customerExternalId: 'no-secret-1' },
    });
    expect(link.statusCode).toBe(201);
    const stored = await t.ctx.db.queryOwner<{ value: string }>(
      "select value from instance_secrets where name = 'survey-signing'",
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].value.length).toBeGreaterThanOrEqual(32);
    // another process on the same database derives the same key
    const again = await surveyTokenKey({ ...t.ctx });
    expect(again.equals(await surveyTokenKey(t.ctx))).toBe(true);
    expect((await t.app.inject({ url: `/s/t/${link.json().token}` })).statusCode).toBe(200);
  });
});
