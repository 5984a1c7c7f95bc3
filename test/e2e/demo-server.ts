import type { AddressInfo } from 'node:net';
import type { Engine } from '../../src/db/database';
import { type DemoResult, seedDemo } from '../../src/demo/seed-demo';
import { ManualClock } from '../../src/lib/clock';
import { createTestApp, type TestApp } from '../helpers/app';
import { ensureWebBuilt } from './web-build';

export type DemoServer = { t: TestApp; demo: DemoResult; baseUrl: string; close: () => Promise<void> };

/** The built dashboard served by a listening app on `engine`, seeded with a small demo organization. */
export async function startDemoServer(engine: Engine, customers = 400): Promise<DemoServer> {
  await ensureWebBuilt();
  const t = await createTestApp(engine, {}, new ManualClock(new Date()));
  const demo = await seedDemo(t.app, { customers, seed: 7 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { t, demo, baseUrl: `http://127.0.0.1:${port}`, close: () => t.close() };
}

export const loginOf = (demo: DemoResult, role: string) => {
  const login = demo.logins.find((l) => l.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  return login;
};
