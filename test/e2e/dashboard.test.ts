import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/db';
import { chooseLanguage, launchBrowser, logIn, SCREENSHOTS, screenshot, seriousViolations } from './browser';
import { type DemoServer, loginOf, startDemoServer } from './demo-server';

const LOCALES = ['en', 'pl', 'cs', 'ru'];
/** Free text that would run if the dashboard ever rendered answers as markup. */
const HOSTILE_TEXT = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> <b>bold</b>';

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The number of NPS answers the overview's card reports. */
async function npsAnswers(page: Page): Promise<number> {
  const card = page.locator('[data-testid=kpi-nps] .sub').first();
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const match = text.replace(/[\s\u00a0,]/g, '').match(/(\d+)answers?/);
  return match ? Number(match[1]) : 0;
}

describe.each(ENGINES)('dashboard in Chromium (%s)', (engine) => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(engine), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs the owner in and shows the organization', async () => {
    const owner = loginOf(server.demo, 'owner');
    await page.goto(`${server.baseUrl}/`);
    await page.locator('input[type=password]').fill('wrong-password');
    await page.locator('input[type=email]').fill(owner.email);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `${engine}-login`);
    await logIn(page, server.baseUrl, owner.email, owner.password);
    expect(await page.locator('[data-testid=org-name]').textContent()).toBe('Kompas Coffee & Bakery');
  });

  it('opens every page in every language, accessible and without errors', async () => {
    const navPaths = await page
      .locator('nav.sidebar a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(navPaths).toContain('/settings');
    for (const locale of LOCALES) {
      await chooseLanguage(page, locale);
      for (const path of navPaths) {
        await page.locator(`nav.sidebar a[href="${path}"]`).click();
        await page.waitForFunction((p) => location.pathname === p, path);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('main .loading'));
        expect(await page.locator('main [role=alert]').count(), `${path} in ${locale}`).toBe(0);
        await screenshot(page, `${engine}-${locale}${path.replaceAll('/', '-')}`);
        if (locale === 'en' || locale === 'ru') {
          expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
        }
      }
    }
    expect(pageErrors).toEqual([]);
  });

  it('prints the overview as a clean report', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/overview`);
    await page.locator('[data-testid=kpi-nps] .sub').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('main .chart svg').length >= 3);
    await page.emulateMedia({ media: 'print' });
    // Charts follow their boxes into the narrower print layout.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('main .chart')].every(
        (c) =>
          (c.querySelector('svg')?.getBoundingClientRect().width ?? 0) <= c.getBoundingClientRect().width + 1,
      ),
    );
    expect(await page.locator('nav.sidebar').isVisible()).toBe(false);
    expect(await page.locator('main button').first().isVisible()).toBe(false);
    expect(await page.locator('.print-only').first().isVisible()).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await page.pdf({
      path: `${SCREENSHOTS}/${engine}-overview.pdf`,
      format: 'A4',
      printBackground: true,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens every settings section', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/settings`);
    await page.locator('main .tabs button').first().waitFor();
    const tabs = await page.locator('main .tabs button').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(8);
    for (const [i, name] of tabs.entries()) {
      await page.locator('main .tabs button').nth(i).click();
      await page.locator('main .tabs button[aria-current=page]', { hasText: name }).waitFor();
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      expect(await page.locator('main [role=alert]').count(), name).toBe(0);
      expect(await seriousViolations(page), name).toEqual([]);
      await screenshot(page, `${engine}-en-settings-${i}`);
    }
  });

  it('finds a customer and opens the 360° profile', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/customers?stage=regular`);
    const first = page.locator('main table tbody a').first();
    await first.waitFor();
    const name = (await first.textContent())!;
    await page.locator('input[type=search]').fill(name.split(' ')[1]);
    await page.locator('main form button[type=submit]').click();
    await page.waitForFunction(() => location.search.includes('q='));
    await page.locator('main table tbody a', { hasText: name }).first().click();
    await page.locator('main h1', { hasText: name }).waitFor();
    await page.locator('.timeline li').first().waitFor();
    expect(await page.locator('main').textContent()).toContain('RFM');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `${engine}-en-customer-profile`);
  });

  it('remembers the chosen language across a reload', async () => {
    await chooseLanguage(page, 'pl');
    await page.reload();
    await page.locator('[data-testid=org-name]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await page.locator('nav.sidebar').textContent()).toContain('Ustawienia');
    await chooseLanguage(page, 'en');
  });

  it('adds a user and creates an API key from the settings', async () => {
    await page.goto(`${server.baseUrl}/settings?tab=users`);
    const form = page.locator('form', { has: page.locator('h2') }).first();
    await form.locator('input[type=email]').fill('new.agent@kompas.example');
    await form.locator('select').selectOption('agent');
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=secret]').waitFor();
    await page.getByRole('cell', { name: 'new.agent@kompas.example' }).waitFor();
    await page.goto(`${server.baseUrl}/settings?tab=api-keys`);
    await page.locator('form input').first().fill('e2e key');
    await page.locator('form button[type=submit]').click();
    expect(await page.locator('[data-testid=secret]').textContent()).toMatch(/^ork_/);
  });

  it('sets up a case team with a manager and changes its capacity', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/settings?tab=case-teams`);
    const form = page.locator('main form.card');
    await form.getByLabel('Team', { exact: true }).fill('E2E escalations');
    const manager = await form.getByLabel('Manager').locator('option').nth(1).textContent();
    await form.getByLabel('Manager').selectOption({ index: 1 });
    await form.getByLabel('Open cases per member').fill('7');
    await form.locator('button[type=submit]').click();
    const row = page.locator('main table tbody tr', { hasText: 'E2E escalations' });
    await row.waitFor();
    expect(await row.locator('td.num').textContent()).toBe('7');
    expect(await row.locator('td').nth(1).textContent()).toBe(manager);
    await row.getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel('Open cases per member').fill('9');
    await form.locator('button[type=submit]').click();
    await page
      .locator('main table tbody tr', { hasText: 'E2E escalations' })
      .locator('td.num', { hasText: '9' })
      .waitFor();
    // the owner joins the team under Users, and the team lists them as a member
    await page.goto(`${server.baseUrl}/settings?tab=users`);
    const joined = page.waitForResponse(
      (res) => res.url().includes('/api/v1/users/') && res.request().method() === 'PATCH',
    );
    await page.getByLabel('Team of owner@kompas.example').selectOption('E2E escalations');
    expect((await joined).status()).toBe(200);
    await page.goto(`${server.baseUrl}/settings?tab=case-teams`);
    await page
      .locator('main table tbody tr', { hasText: 'E2E escalations' })
      .locator('td:nth-child(3)', { hasText: 'owner@kompas.example' }) // members
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `${engine}-en-case-teams`);
  });

  it('changes the anonymity threshold of staff feedback', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/settings?tab=anonymity`);
    const threshold = page.getByLabel('Smallest group shown (answers)');
    await threshold.fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').waitFor();
    await page.reload();
    await page.getByLabel('Smallest group shown (answers)').waitFor();
    expect(await page.getByLabel('Smallest group shown (answers)').inputValue()).toBe('7');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('changes how customer value is modelled and tiered', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/settings?tab=value`);
    await page.getByLabel('Horizon (months)').fill('24');
    await page.getByLabel('Margin (% of spend)').fill('35');
    await page.getByRole('button', { name: 'Add tier' }).click();
    const added = page.locator('[data-testid=tier]').last();
    await added.getByLabel('Tier', { exact: true }).fill('e2e-gold');
    await added.getByLabel('From').fill('99');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `${engine}-en-value-settings`);
    await page.reload();
    await page.getByLabel('Horizon (months)').waitFor();
    expect(await page.getByLabel('Horizon (months)').inputValue()).toBe('24');
    expect(await page.getByLabel('Margin (% of spend)').inputValue()).toBe('35');
    expect(
      await page.locator('[data-testid=tier]').last().getByLabel('Tier', { exact: true }).inputValue(),
    ).toBe('e2e-gold');
  });

  it('changes how often customers are asked', async () => {
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/settings?tab=surveys`);
    await page.getByLabel('Invitations per customer at most').fill('2');
    await page.getByLabel('Reminders at most').fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').waitFor();
    await page.reload();
    await page.getByLabel('Invitations per customer at most').waitFor();
    expect(await page.getByLabel('Invitations per customer at most').inputValue()).toBe('2');
    expect(await page.getByLabel('Reminders at most').inputValue()).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('builds a survey, answers it on the public page and sees the answer in the overview', async () => {
    await chooseLanguage(page, 'en');
    const overview = `${server.baseUrl}/overview?from=${new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)}`;
    await page.goto(overview);
    const answersBefore = await npsAnswers(page);

    await page.goto(`${server.baseUrl}/surveys/new`);
    await page.getByLabel('Name', { exact: true }).fill('E2E pulse');
    const questions = page.locator('[data-testid=question]');
    // The builder starts in the user's language; Polish is added as a second one.
    await page.locator('[data-testid=write-in-pl]').check();
    await questions.nth(0).locator('[data-testid=question-text-en]').fill('Would you recommend us?');
    await questions.nth(0).locator('[data-testid=question-text-pl]').fill('Czy polecisz nas?');
    await questions.nth(1).locator('[data-testid=question-text-en]').fill('Why?');
    await questions.nth(1).locator('[data-testid=question-text-pl]').fill('Dlaczego?');
    await page.locator('[data-testid=preview-language-pl]').click();
    await page.locator('[data-testid=preview]', { hasText: 'Czy polecisz nas?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `${engine}-en-survey-builder`);
    await page.getByRole('button', { name: 'Save survey' }).click();
    const link = page.locator('[data-testid=public-link]');
    await link.waitFor();
    await page.locator('img.qr').waitFor();
    await screenshot(page, `${engine}-en-survey-distribution`);
    const url = (await link.getAttribute('href'))!;

    const respondent = await context.newPage();
    await respondent.goto(url);
    await respondent.locator('input[type=radio][value="10"]').check({ force: true });
    await respondent.locator('textarea').fill(HOSTILE_TEXT);
    await respondent.locator('button[value=submit]').click();
    await respondent.waitForURL(/thanks/);
    await respondent.close();

    await page.reload();
    await page.getByRole('button', { name: 'Responses' }).click();
    await page.getByRole('cell', { name: HOSTILE_TEXT }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);

    await page.goto(overview);
    await expect.poll(() => npsAnswers(page), { timeout: 20_000 }).toBe(answersBefore + 1);
  });

  it('lets an agent walk a case from new to resolved', async () => {
    const agentCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const agent = await agentCtx.newPage();
    agent.on('pageerror', (err) => pageErrors.push(err.message));
    const a = loginOf(server.demo, 'agent');
    await logIn(agent, server.baseUrl, a.email, a.password);
    await agent.waitForURL(/\/cases/);
    await agent.locator('main table tbody a').first().waitFor();
    expect(await agent.locator('main table tbody time.badge').count()).toBeGreaterThan(0);
    expect(await seriousViolations(agent)).toEqual([]);
    await screenshot(agent, `${engine}-en-cases-queue`);
    await agent.goto(`${server.baseUrl}/cases?status=new`);
    await agent.locator('main table tbody a').first().click();
    const status = agent.locator('[data-testid=case-status]');
    await status.waitFor();
    expect(await status.textContent()).toBe('New');
    await agent.getByRole('button', { name: 'Take it' }).click();
    await agent.getByRole('button', { name: 'Start work' }).click();
    await expect.poll(() => status.textContent()).toBe('In progress');
    await agent.getByLabel('Text', { exact: true }).fill('Called the customer <b>back</b>.');
    // A reply is offered first when the customer can be reached; this one is an internal note.
    await agent.getByRole('radio', { name: 'Internal note' }).check();
    await agent.locator('[data-testid=case-reply-submit]').click();
    await agent
      .locator('[data-testid=case-timeline]', { hasText: 'Called the customer <b>back</b>.' })
      .waitFor();
    await agent.getByLabel('Root cause').fill('service');
    await agent.getByLabel('Outcome').fill('Apologised and sent a voucher.');
    await agent.getByRole('button', { name: 'Save root cause and outcome' }).click();
    await agent.locator('dd', { hasText: 'Apologised and sent a voucher.' }).waitFor();
    await agent.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => status.textContent()).toBe('Resolved');
    expect(await seriousViolations(agent)).toEqual([]);
    await screenshot(agent, `${engine}-en-case-resolved`);
    await agentCtx.close();
  });

  it('gives a viewer no way to change anything and an agent the agent navigation', async () => {
    const viewerCtx = await browser.newContext();
    const viewer = await viewerCtx.newPage();
    const v = loginOf(server.demo, 'viewer');
    await logIn(viewer, server.baseUrl, v.email, v.password);
    await viewer.goto(`${server.baseUrl}/settings?tab=users`);
    await viewer.locator('table').waitFor();
    expect(await viewer.locator('main form button[type=submit]').count()).toBe(0);
    expect(await viewer.locator('main table select').count()).toBe(0);
    await viewerCtx.close();

    const agentCtx = await browser.newContext();
    const agent = await agentCtx.newPage();
    const a = loginOf(server.demo, 'agent');
    await logIn(agent, server.baseUrl, a.email, a.password);
    const nav = await agent
      .locator('nav.sidebar a')
      .evaluateAll((as) => as.map((x) => x.getAttribute('href')));
    expect(nav).toEqual(['/customers', '/cases', '/inbox']);
    await agentCtx.close();
  });

  // The People page's Locations tab, on the same demo.
  describe('the People page’s Locations tab', () => {
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
      // The owner chose English earlier on this demo: choose Polish.
      await chooseLanguage(page, 'pl');
      await page.getByText('Bez miejsca').first().waitFor();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await screenshot(page, `${engine}-phone-people-locations`);
      await context.close();
    });
  });
});
