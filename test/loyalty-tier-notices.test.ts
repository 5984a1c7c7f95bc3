import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCustomer } from '../src/modules/customers/api';
import { earnPoints } from '../src/modules/loyalty/api';
import { noticeExpiringPoints } from '../src/modules/loyalty/use-cases/tier-engine';
import { api } from './helpers/api';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { startSmtp } from './surveys/smtp';

const DAY = 86_400_000;

describe.each(ENGINES)('loyalty notices by e-mail on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { SMTP_URL: smtp.url });
    org = await t.createOrg();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("tells of expiring points in the customer's language, once, and never someone who refused e-mail or the program's messages", async () => {
    await api(t, org).ok('POST', '/api/v1/customers/batch', {
      customers: [
        { externalId: 'ola', email: 'ola@example.com', locale: 'pl' },
        { externalId: 'no-mail', email: 'no-mail@example.com', consent: { email: false } },
        { externalId: 'no-loyalty', email: 'no-loyalty@example.com', consent: { loyalty: false } },
      ],
    });
    for (const externalId of ['ola', 'no-mail', 'no-loyalty'])
      await t.ctx.db.withOrg(org.orgId, async (tx) =>
        earnPoints(t.ctx, tx, {
          orgId: org.orgId,
          customerId: await ensureCustomer(t.ctx, tx, org.orgId, externalId),
          points: 42,
          reason: 'Purchase',
          source: { kind: 'manual' },
          expiresAt: new Date(t.clock.now().getTime() + 5 * DAY),
        }),
      );
    expect(await noticeExpiringPoints(t.ctx, org.orgId)).toBe(3);
    expect(await noticeExpiringPoints(t.ctx, org.orgId)).toBe(0);
    while ((await t.ctx.jobs.runDue()) > 0);
    expect(smtp.messages.flatMap((m) => m.to)).toEqual(['ola@example.com']);
    const [mail] = smtp.to('ola@example.com');
    expect(mail.body).toContain('42 Twoje punkty wygasają');
    expect(mail.body).toContain('Twoje saldo to 42 punkty');
  });
});
