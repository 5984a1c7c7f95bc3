import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetSignature } from '../src/modules/surveys/domain/tokens';
import { launchBrowser, seriousViolations } from './e2e/browser';
import { createTestApp, type TestApp, type TestOrg } from './helpers/app';
import { ENGINES } from './helpers/db';
import { createSurvey, NPS_SURVEY, upsertCustomers } from './surveys/helpers';

/** A customer's web shop on another origin, embedding the widget snippet the way the docs say. */
function startShop(snippet: () => string) {
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://shop').searchParams;
    const attrs = ['customer', 'signature']
      .filter((k) => q.get(k))
      .map((k) => ` data-${k}="${q.get(k)}"`)
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Pizza shop</h1></main>${snippet().replace('ATTRS', attrs)}</body></html>`,
    );
  });
  return new Promise<{ url: string; server: Server }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe.each(ENGINES)('survey widget in Chromium on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let browser: Browser;
  let base: string;
  let shop: { url: string; server: Server };
  let survey: { id: string; publicId: string };
  let secret: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    survey = await createSurvey(t, org, {
      ...NPS_SURVEY,
      questions: [
        NPS_SURVEY.questions[0],
        { id: 'comment', type: 'text', text: { en: 'Anything to add?', pl: 'Coś jeszcze?' } },
      ],
    });
    await upsertCustomers(t, org, [{ externalId: 'web-1', email: 'web1@example.com', locale: 'pl' }]);
    secret = (await t.app.inject({ url: '/api/v1/survey-settings/widget', headers: org.auth })).json()
      .widgetSecret;
    shop = await startShop(
      () => `<script src="${base}/widget.js" data-survey="${survey.publicId}"ATTRS async></script>`,
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => shop?.server.close(resolve));
    await t?.close();
  });

  const responses = async () =>
    (await t.app.inject({ url: `/api/v1/surveys/${survey.id}/responses`, headers: org.auth })).json().items;

  it('is answered by keyboard by a signed-in customer and stored as that customer', async () => {
    const page = await browser.newPage();
    await page.goto(`${shop.url}/?customer=web-1&signature=${widgetSignature(secret, 'web-1')}`);
    const widget = page.locator('[data-orientir-widget]');
    await expect.poll(() => widget.locator('legend').textContent()).toContain('Jak bardzo prawdopodobne');
    expect(await seriousViolations(page)).toEqual([]);
    await widget.locator('input[value="0"]').focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Szybko i smacznie');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget.locator('[role=status]').textContent()).toBe('Dziękujemy za odpowiedź!');
    const stored = await responses();
    expect(stored).toEqual([
      expect.objectContaining({
        channel: 'widget',
        customerExternalId: 'web-1',
        locale: 'pl',
        answers: { nps: 9, comment: 'Szybko i smacznie' },
      }),
    ]);
    // asked once: within the contact window the widget stays hidden for this customer
    const again = await t.app.inject({
      url: `/api/v1/public/widget/${survey.publicId}?customer=web-1&signature=${widgetSignature(secret, 'web-1')}`,
    });
    expect(again.json()).toEqual({ show: false });
    await page.close();
  });

  it('stores an answer with a forged signature as anonymous, never as the customer', async () => {
    const context = await browser.newContext({ locale: 'cs-CZ' });
    const page = await context.newPage();
    await page.goto(`${shop.url}/?customer=web-1&signature=${widgetSignature('not-the-secret', 'web-1')}`);
    const widget = page.locator('[data-orientir-widget]');
    await widget.locator('label', { hasText: /^3$/ }).click();
    await widget.locator('button.send').click();
    await expect.poll(() => widget.locator('[role=status]').count()).toBe(1);
    const stored = await responses();
    expect(stored).toHaveLength(2);
    expect(stored.find((r: { answers: { nps: number } }) => r.answers.nps === 3)).toMatchObject({
      channel: 'widget',
      customerExternalId: null,
    });
    expect(
      (await t.app.inject({ url: '/api/v1/customers/web-1', headers: org.auth })).json().latestResponse,
    ).toMatchObject({
      scores: { nps: 9 },
    });
    // a second visit of the same browser is quiet
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-orientir-widget]').count()).toBe(0);
    await context.close();
  });

  it('renders an accessible respondent page in every language', async () => {
    const page = await browser.newPage();
    for (const lang of ['en', 'pl', 'cs', 'ru']) {
      await page.goto(`${base}/s/${survey.publicId}?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await seriousViolations(page), lang).toEqual([]);
    }
    // the page script reveals the detractor's "why?" without a round trip
    const full = await createSurvey(t, org);
    await page.goto(`${base}/s/${full.publicId}`);
    await expect.poll(() => page.locator('#q-why_low').isHidden()).toBe(true);
    await page.locator('#q-nps label', { hasText: /^\s*2$/ }).click();
    await expect.poll(() => page.locator('#q-why_low').isVisible()).toBe(true);
    await page.locator('#q-why_low-input').fill('Too slow');
    await page.locator('button[value=submit]').click();
    await page.waitForURL(/\/thanks/);
    const stored = (
      await t.app.inject({ url: `/api/v1/surveys/${full.id}/responses`, headers: org.auth })
    ).json().items;
    expect(stored).toEqual([
      expect.objectContaining({ status: 'complete', answers: { nps: 2, why_low: 'Too slow' } }),
    ]);
    await page.close();
  });

  it('ships a widget under 12 KB gzipped, callable from any origin', async () => {
    const res = await t.app.inject({ url: '/widget.js' });
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(gzipSync(res.rawPayload).length).toBeLessThanOrEqual(12 * 1024);
  });
});
