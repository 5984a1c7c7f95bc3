import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock';
import { issueSetupToken } from '../../src/modules/orgs/api';
import { createTestApp, type TestApp } from '../helpers/app';
import { ENGINES } from '../helpers/db';
import { launchBrowser, screenshot, seriousViolations } from './browser';
import { ensureWebBuilt } from './web-build';

// A fresh instance: no organization, so the dashboard opens its set-up page.
describe.each(ENGINES)('first run in the browser on %s', (engine) => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  beforeAll(async () => {
    await ensureWebBuilt();
    // The browser keeps the session cookie until its expiry, counted from the server's clock.
    t = await createTestApp(engine, {}, new ManualClock(new Date()));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sets up the first organization in Polish with the logged token and opens its dashboard', async () => {
    const token = await issueSetupToken(t.ctx.db, t.ctx.clock);
    const context = await browser.newContext({ locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Konfiguracja Orientir');
    expect(await seriousViolations(page)).toEqual([]);

    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('Token konfiguracji').fill('not-the-token');
    await field('Nazwa organizacji').fill('Kawiarnia Łąka');
    await expect(page.getByLabel('Język domyślny').inputValue()).resolves.toBe('pl');
    await expect(field('Waluta bazowa').inputValue()).resolves.toBe('PLN');
    await expect(field('Strefa czasowa').inputValue()).resolves.toBe('Europe/Warsaw');
    await field('E-mail').fill('wlasciciel@laka.example');
    await field('Hasło').fill('kawa z mlekiem i cukrem');
    await page.getByRole('button', { name: 'Utwórz organizację' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Token konfiguracji jest nieprawidłowy',
    );

    await field('Token konfiguracji').fill(token ?? '');
    await page.getByRole('button', { name: 'Utwórz organizację' }).click();
    await page.locator('[data-testid=org-name]').waitFor();
    await expect(page.locator('[data-testid=org-name]').textContent()).resolves.toContain('Kawiarnia Łąka');
    await screenshot(page, `first-run-${engine}`);
    await context.close();
  }, 120_000);
});
