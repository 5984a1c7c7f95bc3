import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/db';
import { launchBrowser, logIn, screenshot } from './browser';
import { type DemoServer, loginOf, startDemoServer } from './demo-server';

/** A name that is not localhost, as an office server's would be. */
const OFFICE_HOST = 'office.test';

/** Pages wider than the window scroll sideways as a whole; tables may only scroll inside their card. */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The outermost elements reaching past the window's right edge, to name in a failure. */
const widest = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right <= width + 0.5 || el.closest('.table-wrap, .chart')?.contains(el.parentElement)) continue;
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5) continue;
      out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
    }
    return out.slice(0, 5);
  });

describe.each(ENGINES)('the dashboard from an office server and on a phone (%s)', (engine) => {
  let server: DemoServer;
  let browser: Browser;
  let officeUrl: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer(engine, 150),
      launchBrowser([`--host-resolver-rules=MAP ${OFFICE_HOST} 127.0.0.1`]),
    ]);
    officeUrl = server.baseUrl.replace('127.0.0.1', OFFICE_HOST);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads over plain http by a host name, compressed, and the survey page is styled', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const encodings = new Map<string, string | undefined>();
    page.on('response', async (res) => {
      if (res.url().includes('/assets/'))
        encodings.set(res.url(), (await res.allHeaders())['content-encoding']);
    });
    const owner = loginOf(server.demo, 'owner');
    await logIn(page, officeUrl, owner.email, owner.password);
    await page.locator('main h1').first().waitFor();
    expect(new URL(page.url()).hostname).toBe(OFFICE_HOST);
    expect(await page.locator('nav.sidebar a').count()).toBeGreaterThan(3);
    // Every script and stylesheet came compressed, over http (where browsers offer gzip, not brotli).
    const scripts = [...encodings].filter(([url]) => /\.(js|css)$/.test(url) && url.startsWith('http:'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [url, encoding] of scripts) expect([url, encoding]).toEqual([url, 'gzip']);
    expect(errors).toEqual([]);

    const surveys = await page.evaluate(() => fetch('/api/v1/surveys?limit=100').then((r) => r.json()));
    const active = surveys.items.find((s: { status: string }) => s.status === 'active');
    await page.goto(`${officeUrl}/s/${active.publicId}`);
    await page.locator('form').waitFor();
    // The stylesheet applied: the page is centred and the honeypot is out of sight.
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth);
    expect(styled).not.toBe('none');
    expect(await page.locator('#website').isVisible()).toBe(true); // present for bots…
    const box = await page.locator('.hp').boundingBox();
    expect(box ? box.x + box.width : 0).toBeLessThanOrEqual(0); // …but outside the page for people
    await screenshot(page, `${engine}-office-survey`);
    await context.close();
  });

  it('fits every page into 390 px without sideways scrolling of the page', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'pl-PL',
    });
    const page = await context.newPage();
    const owner = loginOf(server.demo, 'owner');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await logIn(page, server.baseUrl, owner.email, owner.password);
    const paths = await page
      .locator('nav.sidebar a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const customer = await page.request.get(`${server.baseUrl}/api/v1/customers?limit=1`);
    const externalId = (await customer.json()).items[0].externalId;
    const cases = await page.request.get(`${server.baseUrl}/api/v1/cases?limit=1`);
    const caseId = (await cases.json()).items[0]?.id;
    const all = [
      ...paths,
      `/customers/${encodeURIComponent(externalId)}`,
      ...(caseId ? [`/cases/${caseId}`] : []),
    ];
    for (const path of all) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      await page.waitForTimeout(200); // charts lay out after their data
      const overflow = await pageOverflow(page);
      expect([path, overflow, overflow > 0 ? await widest(page) : []]).toEqual([path, 0, []]);
      await screenshot(page, `${engine}-phone${path.replaceAll('/', '-')}`);
    }
    // Navigation collapses behind a button and opens on demand.
    const toggle = page.locator('[data-testid=nav-toggle]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('nav.sidebar a').first().isVisible()).toBe(false);
    await toggle.click();
    await page.locator('nav.sidebar a').first().waitFor({ state: 'visible' });
    await page.locator('nav.sidebar a').nth(1).click();
    await page.locator('nav.sidebar a').first().waitFor({ state: 'hidden' });
    await context.close();
  });
});
