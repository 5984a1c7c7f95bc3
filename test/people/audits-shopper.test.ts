import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/api';
import { createTestApp, type TestApp, type TestOrg } from '../helpers/app';
import { ENGINES } from '../helpers/db';
import { TINY_PNG } from '../helpers/seed';

const ITEMS = [
  {
    id: 'greet',
    component: 'ethical',
    text: { en: 'Greeted within a minute', pl: 'Powitanie w ciągu minuty' },
  },
  { id: 'clean', component: 'aesthetic', text: { en: 'Tables clean', pl: 'Czyste stoliki' }, weight: 2 },
  {
    id: 'stock',
    component: 'service',
    text: { en: 'Full menu', pl: 'Pełne menu' },
    weight: 3,
    critical: true,
  },
];

/** A multipart/form-data body as a phone's browser sends the report form. */
function multipart(fields: Record<string, string>, files: Record<string, Buffer> = {}) {
  const boundary = '----orientirTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const [name, data] of Object.entries(files)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

describe.each(ENGINES)('mystery shoppers and audit photos on %s', (engine) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let checklistId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await t.createOrg();
    other = await t.createOrg();
    const a = api(t, org);
    const loc = (await a.ok('POST', '/api/v1/locations', { code: 'GDN-1', name: 'Gdańsk Długa' })) as any;
    checklistId = (
      (await a.ok('POST', '/api/v1/audit-checklists', {
        name: 'Mystery visit',
        locationId: loc.id,
        items: ITEMS,
      })) as any
    ).id;
  });
  afterAll(() => t?.close());

  const shopperVisit = async (locale = 'pl') => {
    const a = api(t, org);
    const visit = (await a.ok('POST', '/api/v1/audits', {
      checklistId,
      kind: 'shopper',
      shopperName: 'Ewa K.',
      locale,
    })) as any;
    const link = (await a.ok('POST', `/api/v1/audits/${visit.id}/shopper-link`, { expiresInDays: 3 })) as any;
    return { id: visit.id as string, link };
  };
  const page = (method: 'GET' | 'POST', path: string, body?: ReturnType<typeof multipart>) =>
    t.app.inject({
      method,
      url: path,
      ...(body && { payload: body.payload, headers: { 'content-type': body.type } }),
    });
  const pathOf = (url: string) => new URL(url).pathname;

  it("opens a signed link without login, in the shopper's language, and takes the report once", async () => {
    const { id, link } = await shopperVisit('pl');
    expect(link.url).toMatch(/\/m\/[\w-]+\.[\w-]+$/);
    expect(link.qrSvg).toContain('<svg');
    const shown = await page('GET', pathOf(link.url));
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toMatch(/text\/html/);
    expect(shown.body).toContain('lang="pl"');
    expect(shown.body).toContain('Gdańsk Długa');
    expect(shown.body).toContain('Czyste stoliki');
    expect(shown.body).toContain('name="r.stock"');
    // ?lang chooses another language.
    expect((await page('GET', `${pathOf(link.url)}?lang=cs`)).body).toContain('Kontrolní návštěva');

    // Not every item marked: the page again, nothing kept.
    const partial = await page('POST', pathOf(link.url), multipart({ 'r.greet': 'pass' }));
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('2 punkty pozostały nieocenione');
    expect(((await api(t, org).ok('GET', `/api/v1/audits/${id}`)) as any).status).toBe('scheduled');

    const form = multipart(
      { 'r.greet': 'pass', 'r.clean': 'fail', 'n.clean': 'crumbs everywhere', 'r.stock': 'pass' },
      { 'p.clean': TINY_PNG },
    );
    const sent = await page('POST', pathOf(link.url), form);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.body).toContain('Dziękujemy');
    const visit = (await api(t, org).ok('GET', `/api/v1/audits/${id}`)) as any;
    // greet 1 + stock 3 of 6.
    expect(visit).toMatchObject({ status: 'done', score: 66.67, failed: false });
    expect(visit.answers.find((x: any) => x.itemId === 'clean')).toEqual({
      itemId: 'clean',
      result: 'fail',
      note: 'crumbs everywhere',
    });
    expect(visit.photos).toHaveLength(1);
    expect(visit.photos[0]).toMatchObject({
      itemId: 'clean',
      contentType: 'image/png',
      size: TINY_PNG.length,
    });

    // A second submit is refused and changes nothing.
    const again = await page(
      'POST',
      pathOf(link.url),
      multipart({ 'r.greet': 'fail', 'r.clean': 'fail', 'r.stock': 'fail' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('została już oceniona');
    expect(((await api(t, org).ok('GET', `/api/v1/audits/${id}`)) as any).score).toBe(66.67);
    expect((await page('GET', pathOf(link.url))).body).toContain('została już oceniona');
  });

  it("refuses another visit's link, a changed link and an expired one", async () => {
    const first = await shopperVisit('en');
    const second = await shopperVisit('en');
    const [payload1, sig1] = first.link.token.split('.');
    const [payload2, sig2] = second.link.token.split('.');
    // The first visit's claim with the second one's signature, and the reverse.
    for (const token of [`${payload1}.${sig2}`, `${payload2}.${sig1}`]) {
      const res = await page('GET', `/m/${token}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('not valid or has expired');
      const post = await page(
        'POST',
        `/m/${token}`,
        multipart({ 'r.greet': 'pass', 'r.clean': 'pass', 'r.stock': 'pass' }),
      );
      expect(post.statusCode).toBe(404);
    }
    // One character changed in the signature.
    const flipped = `${payload1}.${sig1[0] === 'A' ? 'B' : 'A'}${sig1.slice(1)}`;
    expect((await page('GET', `/m/${flipped}`)).statusCode).toBe(404);
    expect((await page('GET', '/m/not-a-token')).statusCode).toBe(404);
    // Both visits are untouched; each link still opens its own.
    expect((await page('GET', pathOf(first.link.url))).statusCode).toBe(200);
    // Four days later the three-day link has expired.
    t.clock.advance(4 * 86_400_000);
    const late = await page(
      'POST',
      pathOf(second.link.url),
      multipart({ 'r.greet': 'pass', 'r.clean': 'pass', 'r.stock': 'pass' }),
    );
    expect(late.statusCode).toBe(404);
    expect(((await api(t, org).ok('GET', `/api/v1/audits/${second.id}`)) as any).status).toBe('scheduled');
    // A fresh link for the same visit works.
    const fresh = (await api(t, org).ok('POST', `/api/v1/audits/${second.id}/shopper-link`, {})) as any;
    expect((await page('GET', pathOf(fresh.url))).statusCode).toBe(200);
  });

  it('opens one corrective case when a shopper fails a critical item, also when the form is sent twice at once', async () => {
    const { id, link } = await shopperVisit('en');
    const form = multipart({
      'r.greet': 'pass',
      'r.clean': 'pass',
      'r.stock': 'fail',
      'n.stock': 'no cakes',
    });
    const [one, two] = await Promise.all([
      page('POST', pathOf(link.url), form),
      page('POST', pathOf(link.url), form),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const visit = (await api(t, org).ok('GET', `/api/v1/audits/${id}`)) as any;
    expect(visit.failed).toBe(true);
    const rows = await t.ctx.db.queryOwner<{ n: number }>(
      `select count(*)::int as n from case_links where org_id = $1 and source_key = $2`,
      [org.orgId, `audit:${id}`],
    );
    expect(rows[0].n).toBe(1);
    const cases = await t.ctx.db.queryOwner<{ n: number }>(
      `select count(*)::int as n from cases where org_id = $1 and title like 'Audit failed%'`,
      [org.orgId],
    );
    expect(cases[0].n).toBe(1);
  });

  it('takes JPEG, PNG and WebP photos up to 5 MB, told by their bytes, and serves them to their organization only', async () => {
    const a = api(t, org);
    const visit = (await a.ok('POST', '/api/v1/audits', { checklistId })) as any;
    const upload = (body: Buffer, type = 'image/png', as: TestOrg = org, query = '') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/audits/${visit.id}/photos${query}`,
        headers: { ...as.auth, 'content-type': type },
        payload: body,
      });
    const png = await upload(TINY_PNG, 'image/png', org, '?itemId=clean');
    expect(png.statusCode, png.body).toBe(201);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.alloc(4),
      Buffer.from('WEBPVP8 '),
      Buffer.alloc(20),
    ]);
    // The declared type does not matter; the bytes do.
    expect((await upload(jpeg, 'application/octet-stream')).json()).toMatchObject({
      contentType: 'image/jpeg',
    });
    expect((await upload(webp, 'image/png')).json()).toMatchObject({ contentType: 'image/webp' });
    // A GIF, a script named a PNG, and an empty body are refused.
    const gif = await upload(Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/png');
    expect(gif.statusCode).toBe(400);
    expect(gif.json().errors[0].field).toBe('body');
    expect((await upload(Buffer.from('<script>alert(1)</script>'), 'image/png')).statusCode).toBe(400);
    expect((await upload(TINY_PNG, 'image/gif')).statusCode).toBe(415);
    expect((await upload(TINY_PNG, 'image/png', org, '?itemId=nope')).json().errors[0].field).toBe(
      'query.itemId',
    );
    // Over 5 MB: refused before it is read whole.
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(big)).statusCode).toBe(413);

    const id = png.json().id;
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${visit.id}/photos/${id}`,
      headers: org.auth,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.from(got.rawPayload).equals(TINY_PNG)).toBe(true);
    // Another organization sees neither the photo nor the visit, nor can it add to it; nobody without a login.
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audits/${visit.id}/photos/${id}`,
      headers: other.auth,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await upload(TINY_PNG, 'image/png', other)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/audits/${visit.id}/photos/${id}` })).statusCode,
    ).toBe(401);
    expect(((await a.ok('GET', `/api/v1/audits/${visit.id}`)) as any).photos).toHaveLength(3);
  });
});
