import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Engine } from '../../src/db/database';
import type { App, AppContext } from '../../src/http/types';
import { ManualClock } from '../../src/lib/clock';
import { createAppContext } from '../../src/runtime';
import { witnessAnswers } from './answers';
import { api } from './api';
import { createTestDatabase } from './db';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export type TestApp = {
  app: App;
  ctx: AppContext;
  clock: ManualClock;
  /** Closes the app; throws when it gave an answer the OpenAPI document does not declare. */
  close: () => Promise<void>;
  /** Every answer of the app, checked against the OpenAPI document at close (test/helpers/answers.ts). */
  witness: ReturnType<typeof witnessAnswers>;
  createOrg: (slug?: string) => Promise<TestOrg>;
};

export type TestOrg = {
  orgId: string;
  slug: string;
  ownerEmail: string;
  ownerPassword: string;
  apiKey: string;
  /** Headers that authenticate as this organization's admin key. */
  auth: Record<string, string>;
};

let orgCounter = 0;

/** The whole application on a fresh database of `engine`, with a manual clock. */
export async function createTestApp(
  engine: Engine,
  env: Record<string, string> = {},
  clock = new ManualClock(new Date('2026-03-02T09:00:00Z')),
): Promise<TestApp> {
  const db = await createTestDatabase(engine);
  const config = loadConfig({
    ORIENTIR_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    ORIENTIR_SECRET: 'test-secret-0123456789abcdef',
    ...env,
  });
  const ctx = await createAppContext({ config, db, clock });
  const app = await buildApp({ ctx, logger: false });
  const witness = witnessAnswers(app);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    witness,
    close: async () => {
      const undeclared = witness.check();
      await app.close();
      await db.close();
      ctx.mailer.close();
      if (undeclared.length) {
        throw new Error(`answers the OpenAPI document does not declare:\n  ${undeclared.join('\n  ')}`);
      }
    },
    createOrg: async (slug = `org-${process.pid}-${++orgCounter}`) => {
      const res = await api({ app }, { authorization: `Bearer ${ADMIN_TOKEN}` }).post('/api/v1/admin/orgs', {
        name: `Org ${slug}`,
        slug,
        ownerEmail: `owner@${slug}.example`,
      });
      if (res.status !== 201) throw new Error(`org create failed: ${res.status} ${res.text}`);
      const body = res.body;
      return { ...body, auth: { authorization: `Bearer ${body.apiKey}` } };
    },
  };
}
