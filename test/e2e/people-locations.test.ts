import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/db';
import { launchBrowser, logIn, screenshot, seriousViolations } from './browser';
import { type DemoServer, loginOf, startDemoServer } from './demo-server';

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each(ENGINES)('the People page’s Locations tab (%s)', (engine) => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(engine, 400), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the tab as the owner in `locale` and waits for the leaderboard's rows. */
  const open = async (viewport: { width: number; height: number }, locale: string) => {
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const owner = loginOf(server.demo, 'owner');
    await logIn(page, server.baseUrl, owner.email, owner.password);
    await page.goto(`${server.baseUrl}/people?tab=locations`);
    await page.locator('main table tbody tr').first().waitFor();
    await page.waitForTimeout(300); // charts lay out after their data
    return { page, context, errors };
  };

  it('shows the leaderboard with intervals, targets and ranks, the links and QR codes per location, and the targets form', async () => {
    const { page, context, errors } = await open({ width: 1280, height: 900 }, 'en-GB');
    const rows = await page.locator('main table').first().locator('tbody tr').allTextContents();
    const board = await (
      await page.request.get(`${server.baseUrl}/api/v1/locations/leaderboard?metric=nps`)
    ).json();
    expect(rows.length).toBe(board.items.length);
    expect(rows.join('\n')).toContain('Kompas Mokotów');
    board.items.forEach(
      (item: { name: string; rank: { best: number; worst: number } | null; ci95: unknown }, i: number) => {
        expect(rows[i]).toContain(item.name);
        // The rank as a number or a range, else why there is none; the interval as "low – high".
        if (!item.rank) expect(rows[i]).toContain('Not ranked: too few answers');
        else if (item.rank.best === item.rank.worst)
          expect(rows[i]).toMatch(new RegExp(`${item.rank.best}$`));
        else expect(rows[i]).toContain(`${item.rank.best}–${item.rank.worst} (overlaps)`);
        if (item.ci95) expect(rows[i]).toMatch(/\d – [-−+]?\d/);
      },
    );
    expect(rows.join('\n')).not.toContain('[object');
    const link = page.locator('[data-testid=location-link-WAW-MOK]');
    expect(await link.getAttribute('href')).toMatch(/\/s\/[a-z0-9]+\?l=WAW-MOK$/);
    const qr = page.locator('main img.qr').first();
    await qr.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('main img.qr');
      return Boolean(img?.complete && img.naturalWidth > 0);
    });
    expect(await page.locator('main form h2', { hasText: 'Targets' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, `${engine}-people-locations`);
    await context.close();
  });

  it('fits a phone’s 390 px in Polish', async () => {
    const { page, context, errors } = await open({ width: 390, height: 844 }, 'pl-PL');
    expect(await page.locator('main').textContent()).toContain('Bez miejsca');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await screenshot(page, `${engine}-phone-people-locations`);
    await context.close();
  });
});
