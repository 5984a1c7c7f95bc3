import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOUCHPOINTS } from '../../src/demo/vocabulary';
import { DEFAULT_TIERS } from '../../src/modules/cases/domain/model';
import { EVENT_TYPES } from '../../src/modules/customers/domain/stages';
import { ENGINES } from '../helpers/db';
import { chooseLanguage, launchBrowser, logIn, screenshot } from './browser';
import { type DemoServer, loginOf, startDemoServer } from './demo-server';

/**
 * Enumeration values that are also ordinary words of a language, written the same way: on its
 * pages they may stand as words. (Matching is case-sensitive, so "NPS" or "API" never match.)
 */
const WORDS_OF: Record<string, string[]> = {
  pl: ['admin', 'agent', 'co', 'import', 'link', 'manager', 'na', 'rating', 'segment', 'widget'],
  cs: [
    'admin',
    'agent',
    'co',
    'import',
    'link',
    'manager',
    'na',
    'rating',
    'segment',
    'text',
    'web',
    'widget',
  ],
  ru: [],
};

/** Every string value of every `enum` in the OpenAPI document. */
function enumValues(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) enumValues(n, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) {
        for (const v of value) if (typeof v === 'string' && v) out.add(v);
      } else enumValues(value, out);
    }
  }
  return out;
}

/** Counts the dashboard's API calls in flight, so a page is read once its data is in. */
function trackRequests(page: Page) {
  let inFlight = 0;
  const api = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (api(r.url())) inFlight++;
  });
  const done = (r: { url(): string }) => {
    if (api(r.url())) inFlight--;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async () => {
    await page.locator('main h1').first().waitFor();
    // Quiet twice in a row: a finished answer may start the next request (a chart, a section).
    // A page that keeps polling is read after a bounded wait.
    for (let quiet = 0, rounds = 0; quiet < 2 && rounds < 60; rounds++) {
      await page.waitForTimeout(150);
      const loading = await page.locator('main .loading').count();
      quiet = inFlight === 0 && loading === 0 ? quiet + 1 : 0;
    }
  };
}

/**
 * The words the page shows in its main element, chart labels included: free text people wrote
 * (comments, titles, notes) and parts marked as another language are left out, and so are e-mail
 * addresses and links.
 */
async function shownWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    // `code` holds identifiers shown on purpose, such as the webhook event names an integration
    // needs; an element in another language (a survey's preview) is not the page's language.
    const own = document.documentElement.lang;
    const apart = `.free-text, code, script, style, [lang]:not([lang="${own}"])`;
    for (const el of main.querySelectorAll(apart)) el.remove();
    // Off-screen, the clone's innerText follows the layout as the page does.
    main.style.position = 'absolute';
    main.style.left = '-99999px';
    document.body.append(main);
    const svgText = [...main.querySelectorAll('svg text')].map((n) => n.textContent ?? '');
    const options = [...main.querySelectorAll('option')].map((n) => n.textContent ?? '');
    const shown = [main.innerText, ...svgText, ...options].join('\n');
    main.remove();
    return shown;
  });
  return text
    .replace(/\S+@\S+/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .split(/[^\p{L}\p{N}_.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean);
}

describe.each(ENGINES)('no raw codes on the pages of the demo (%s)', (engine) => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let settled: () => Promise<void>;
  let codes: Set<string>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(engine), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    settled = trackRequests(page);
    codes = enumValues(await (await fetch(`${server.baseUrl}/openapi.json`)).json());
    // Codes that are strings in the API, not enumerations: event types, service tiers, the
    // demo's touchpoints and the channels its events come through.
    for (const code of [...EVENT_TYPES, ...DEFAULT_TIERS, ...TOUCHPOINTS, 'web', 'store', 'app'])
      codes.add(code);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps a Polish browser in Polish from the login page into the dashboard, and stores it', async () => {
    const owner = loginOf(server.demo, 'owner');
    await page.goto(`${server.baseUrl}/`);
    await page.locator('input[type=email]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await logIn(page, server.baseUrl, owner.email, owner.password);
    await settled();
    // The account was created in English and never chose: the login page's language wins.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await page.locator('nav.sidebar a[href="/customers"]').textContent()).toBe('Klienci');
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
    expect(me.user).toMatchObject({ locale: 'pl', localeChosen: false });
  });

  it('marks the months of few answers on the trend, in the chart note and the table', async () => {
    await page.evaluate(() => {
      window.history.pushState(null, '', '/feedback');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await settled();
    const trend = page.locator('main .chart-panel').filter({ hasText: 'NPS w kolejnych miesiącach' });
    await trend.locator('header button').click();
    const rows = await trend
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows.length).toBeGreaterThan(3);
    // Columns: month, score, lower, upper, answers, sample.
    const answers = (row: string[]) => Number(row[4].replace(/\D/g, ''));
    for (const row of rows) expect(row[5] === 'Mała próba', row.join(' | ')).toBe(answers(row) < 30);
    const anySmall = rows.some((row) => answers(row) < 30);
    expect(await trend.getByText(/Puste szare punkty/).count()).toBe(anySmall ? 1 : 0);
  });

  it('keeps the values of the value card readable in Polish and Russian, on a desktop and a phone', async () => {
    await page.evaluate(() => {
      window.history.pushState(null, '', '/value');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await settled();
    const customer = await page.locator('main a[href^="/customers/"]').first().getAttribute('href');
    for (const locale of ['pl', 'ru']) {
      if (locale !== 'pl') await chooseLanguage(page, locale);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate((p) => {
          window.history.pushState(null, '', p);
          window.dispatchEvent(new PopStateEvent('popstate'));
        }, customer!);
        await settled();
        const values = await page
          .locator('main .card .facts dd')
          .evaluateAll((dds) => dds.map((dd) => ({ text: dd.textContent ?? '', width: dd.clientWidth })));
        await screenshot(page, `${engine}-${locale}-${width}-customer-profile`);
        expect(values.length).toBeGreaterThan(5);
        // One character per line was a value a few pixels wide.
        for (const v of values)
          expect(v.width, `${locale} ${width}px: ${v.text}`).toBeGreaterThanOrEqual(100);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await chooseLanguage(page, 'pl');
  });

  it('names every code in Polish, Czech and Russian on every page', async () => {
    expect(codes.size).toBeGreaterThan(50);
    expect(codes).toContain('in_progress');
    const found: string[] = [];
    const scan = async (where: string, locale: string) => {
      await settled();
      const allowed = new Set(WORDS_OF[locale]);
      const raw = new Set((await shownWords(page)).filter((w) => codes.has(w) && !allowed.has(w)));
      if (raw.size) found.push(`${locale} ${where}: ${[...raw].join(', ')}`);
    };
    /** The page, then each of its tabs. */
    const scanWithTabs = async (path: string, locale: string) => {
      await scan(path, locale);
      const tabs = await page.locator('main nav.tabs button').count();
      for (let i = 1; i < tabs; i++) {
        await page.locator('main nav.tabs button').nth(i).click();
        await scan(`${path} tab ${i + 1}`, locale);
      }
    };
    const open = async (path: string) => {
      await page.evaluate((p) => {
        window.history.pushState(null, '', p);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.waitForFunction((p) => location.pathname === p, path);
    };
    const firstLink = (selector: string) =>
      page.locator(`main ${selector}`).first().getAttribute('href') as Promise<string>;

    const navPaths = await page
      .locator('nav.sidebar a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    await open('/customers');
    await settled();
    const customer = await firstLink('a[href^="/customers/"]');
    await open('/cases');
    await settled();
    const kase = await firstLink('a[href^="/cases/"]');
    await open('/surveys');
    await settled();
    const survey = await firstLink('a[href^="/surveys/"]:not([href="/surveys/new"])');
    const paths = [...navPaths, customer, kase, survey, '/surveys/new'];

    for (const locale of ['pl', 'cs', 'ru']) {
      if (locale !== 'pl') await chooseLanguage(page, locale);
      for (const path of paths) {
        await open(path);
        await scanWithTabs(path, locale);
      }
    }
    expect(found).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
