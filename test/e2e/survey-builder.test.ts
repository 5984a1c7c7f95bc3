import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResponseContact } from '../../src/modules/surveys/data/repo-contacts';
import { ENGINES } from '../helpers/db';
import { chooseLanguage, launchBrowser, logIn, screenshot, seriousViolations } from './browser';
import { type DemoServer, loginOf, startDemoServer } from './demo-server';

/** A host name other than localhost, mapped to the loopback address: the public page over plain http. */
const SHOP_HOST = 'ankieta.sklep.test';
/** Words of the English respondent page that a Polish preview must not show. */
const ENGLISH = ['Send', 'Not at all likely', 'Extremely likely', 'Your opinion', 'Thank you!'];

describe.each(ENGINES)('survey builder in Chromium (%s)', (engine) => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let publicUrl: string;
  let surveyPath: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer(engine, 120),
      launchBrowser([`--host-resolver-rules=MAP ${SHOP_HOST} 127.0.0.1`]),
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a Polish manager builds a Polish-only survey from a template with a detractor branch, previewed in Polish', async () => {
    const manager = loginOf(server.demo, 'manager');
    await logIn(page, server.baseUrl, manager.email, manager.password);
    await chooseLanguage(page, 'pl');
    await page.goto(`${server.baseUrl}/surveys/new`);
    const builder = page.locator('[data-testid=survey-builder]');
    await builder.waitFor();
    expect(await page.locator('[data-testid=default-locale]').inputValue()).toBe('pl');

    await page.locator('[data-testid=template-select]').selectOption('npsRelationship');
    await page.locator('[data-testid=template-apply]').click();
    expect(await page.locator('[data-testid=write-in-en]').isChecked()).toBe(false);
    expect(await page.locator('[data-testid=question-text-en]').count()).toBe(0);
    const detractor = page.locator('[data-testid=question]').nth(1);
    expect(await detractor.locator('[data-testid=question-text-pl]').inputValue()).toContain('rozczarowało');
    expect(await detractor.locator('[data-testid=branch-mode]').inputValue()).toBe('when');
    expect(await detractor.locator('[data-testid=branch-op]').inputValue()).toBe('lte');
    expect(await detractor.locator('[data-testid=branch-value]').inputValue()).toBe('6');

    // The preview speaks Polish only and follows the branch of the score clicked.
    const preview = page.locator('[data-testid=preview]');
    expect(await preview.getAttribute('lang')).toBe('pl');
    expect(await page.locator('[data-testid=preview-title]').textContent()).toBe('Jak nam idzie?');
    await preview.locator('[data-testid=preview-score-9]').click();
    expect(await preview.locator('[data-question=detractor]').count()).toBe(0);
    await preview.locator('[data-testid=preview-score-3]').click();
    await preview.locator('[data-question=detractor]').waitFor();
    await preview.locator('[data-question=contact]').waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('Zdecydowanie nie');
    expect(previewText).toContain('Wyślij');
    for (const word of ENGLISH) expect(previewText, word).not.toContain(word);

    // Nothing saved without a name: the field says so in Polish.
    await page.locator('[data-testid=survey-name]').fill('');
    await page.locator('[data-testid=save-survey]').click();
    expect(await page.locator('[data-testid=field-problem]').first().textContent()).toBe(
      'Nadaj ankiecie nazwę.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `${engine}-survey-builder-pl`);

    await page.locator('[data-testid=survey-name]').fill('Sklepy – NPS grudzień (wewnętrzne)');
    await page.locator('[data-testid=save-survey]').click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}\?tab=distribution/);
    surveyPath = new URL(page.url()).pathname;
    // The demo server sends no e-mail: the distribution page says so.
    await page.locator('[data-testid=no-email-warning]').waitFor();
    await page.locator('[data-testid=invitations-list]').waitFor();
    publicUrl = (await page.locator('[data-testid=public-link]').getAttribute('href'))!;
    expect(pageErrors).toEqual([]);
  });

  it('an anonymous customer answers on the styled public page, hidden honeypot, and agrees to be contacted', async () => {
    const visitor = await browser.newPage({ locale: 'en-GB' });
    await visitor.goto(publicUrl.replace('127.0.0.1', SHOP_HOST));
    expect(new URL(visitor.url()).hostname).toBe(SHOP_HOST);
    expect(await visitor.locator('html').getAttribute('lang')).toBe('pl');
    expect(await visitor.locator('h1').textContent()).toBe('Jak nam idzie?');
    expect(await visitor.content()).not.toContain('wewnętrzne');
    // The stylesheet applies: the page's card and the honeypot kept off screen.
    const styled = await visitor.evaluate(() => ({
      maxWidth: getComputedStyle(document.querySelector('main')!).maxWidth,
      honeypotRight: document.getElementById('website')!.getBoundingClientRect().right,
      honeypotPosition: getComputedStyle(document.querySelector('.hp')!).position,
    }));
    expect(styled.maxWidth).not.toBe('none');
    expect(styled.honeypotPosition).toBe('absolute');
    expect(styled.honeypotRight).toBeLessThanOrEqual(0);

    await visitor.locator('#q-nps input[value="3"]').check();
    await visitor.locator('#q-detractor textarea').waitFor({ state: 'visible' });
    await visitor.locator('#q-detractor textarea').fill('Za długa kolejka do kasy.');
    await visitor.locator('#q-contact input[value=yes]').check();
    await visitor.locator('#q-contact-email').waitFor({ state: 'visible' });
    await visitor.locator('#q-contact-email').fill('ewa.nowak@example.pl');
    await screenshot(visitor, `${engine}-survey-public-pl`);
    await visitor.locator('button[value=submit]').click();
    await visitor.waitForURL(/\/thanks/);
    expect(await visitor.locator('main').textContent()).toContain('Dziękujemy za poświęcony czas');
    await visitor.close();

    const surveyId = surveyPath.split('/').at(-1)!;
    const list = await page.request.get(`${server.baseUrl}/api/v1/surveys/${surveyId}/responses`);
    const [response] = (await list.json()).items;
    expect(response).toMatchObject({
      customerExternalId: null,
      locale: 'pl',
      answers: { nps: 3, detractor: 'Za długa kolejka do kasy.', contact: 'yes' },
    });
    const { orgId } = server.demo;
    const contact = await server.t.ctx.db.withOrg(orgId, (tx) => findResponseContact(tx, orgId, response.id));
    expect(contact).toMatchObject({ email: 'ewa.nowak@example.pl', phone: null });
  });

  it('an agent finds that answer at the top of the inbox with its case, and replies to the contact left with it', async () => {
    const desk = await browser.newPage({ locale: 'pl-PL' });
    const agent = loginOf(server.demo, 'agent');
    await logIn(desk, server.baseUrl, agent.email, agent.password);
    await chooseLanguage(desk, 'pl');
    await desk.goto(`${server.baseUrl}/inbox`);
    // Newest first: the anonymous detractor's answer, with the case the detractor rule opened for it.
    const top = desk.locator('[data-testid=inbox-list] tbody tr').first();
    await top.locator('[data-testid=inbox-case-link]').waitFor();
    expect(await top.textContent()).toContain('Za długa kolejka do kasy.');
    await top.locator('[data-testid=inbox-case-link]').click();
    await desk.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

    const reply = desk.locator('[data-testid=case-reply]');
    await reply.locator('[data-testid=case-reply-kind]').check();
    expect(await reply.locator('[data-testid=case-reply-to]').textContent()).toContain(
      'ewa.nowak@example.pl',
    );
    await reply
      .locator('[data-testid=case-reply-text]')
      .fill('Przepraszamy za kolejkę — otworzymy drugą kasę.');
    await reply.locator('[data-testid=case-reply-submit]').click();
    const sent = desk.locator('[data-testid=case-timeline] li[data-kind=reply]');
    await sent.waitFor();
    expect(await sent.textContent()).toContain('Wysłano odpowiedź');
    expect(await sent.textContent()).toContain('otworzymy drugą kasę');
    expect(await desk.locator('[data-testid=case-reply-refused]').count()).toBe(0);
    await screenshot(desk, `${engine}-inbox-case-reply-pl`);
    await desk.close();
    expect(pageErrors).toEqual([]);
  });

  it('tells a viewer opening the builder that they have no access', async () => {
    const viewerPage = await browser.newPage({ locale: 'pl-PL' });
    const viewer = loginOf(server.demo, 'viewer');
    await logIn(viewerPage, server.baseUrl, viewer.email, viewer.password);
    await viewerPage.goto(`${server.baseUrl}/surveys/new`);
    await viewerPage.locator('[data-testid=no-access]').waitFor();
    expect(await viewerPage.locator('main [role=alert]').count()).toBe(0);
    await viewerPage.close();
  });
});
