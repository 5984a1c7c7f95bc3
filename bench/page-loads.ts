import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser';
import type { BenchResult } from './types';

type Login = { email: string; password: string };

/** One page opened with an empty cache: what crossed the network and when it was ready to read. */
type PageLoad = { bytes: number; ms: number };

/**
 * Opens each dashboard path in a fresh browser context (cold cache) as a logged-in user and
 * measures the bytes received (bodies as sent, with headers; Chromium's own count) and the time
 * until the page is ready: its heading shown, nothing loading, every chart drawn. The baseline is
 * the same page with compression refused (`Accept-Encoding: identity`).
 */
export async function benchPageLoads(baseUrl: string, login: Login, paths: string[]): Promise<BenchResult[]> {
  const browser = await launchBrowser();
  try {
    const session = await logIn(browser, baseUrl, login);
    const results: BenchResult[] = [];
    for (const path of paths) {
      await loadPage(browser, baseUrl, session, path, {}); // warms the server's caches, not the browser's
      const compressed = await loadPage(browser, baseUrl, session, path, {});
      const plain = await loadPage(browser, baseUrl, session, path, { 'accept-encoding': 'identity' });
      results.push(
        {
          name: `${path} page, bytes transferred (cold cache)`,
          value: Math.round(compressed.bytes / 102.4) / 10,
          unit: 'KB',
          budget: 400,
          baseline: Math.round(plain.bytes / 102.4) / 10,
          note: 'baseline: the same page uncompressed',
        },
        {
          name: `${path} page, time until ready (cold cache)`,
          value: Math.round(compressed.ms),
          unit: 'ms',
          budget: 1500,
          baseline: Math.round(plain.ms),
          note: 'heading shown, nothing loading, charts drawn; baseline uncompressed',
        },
      );
    }
    return results;
  } finally {
    await browser.close();
  }
}

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/** The session cookies of one login, reused by every context: logins are rate-limited. */
async function logIn(browser: Browser, baseUrl: string, login: Login): Promise<Session> {
  const context = await browser.newContext();
  try {
    const answer = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: login });
    if (!answer.ok()) throw new Error(`login answered ${answer.status()}`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function loadPage(
  browser: Browser,
  baseUrl: string,
  session: Session,
  path: string,
  headers: Record<string, string>,
): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: headers,
    storageState: session,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
    });
    const started = performance.now();
    await page.goto(`${baseUrl}${path}`);
    await page.waitForFunction(
      () =>
        document.querySelector('main h1') !== null &&
        document.querySelector('main .loading') === null &&
        [...document.querySelectorAll('main .chart')].every((c) => c.querySelector('svg') !== null),
      undefined,
      { timeout: 60_000 },
    );
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    return { bytes, ms };
  } finally {
    await context.close();
  }
}
