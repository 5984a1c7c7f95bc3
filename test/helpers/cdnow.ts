import { readFileSync } from 'node:fs';
import { api } from './api';
import { ADMIN_TOKEN, type TestApp, type TestOrg } from './app';

const SAMPLE = new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url);

/** CDNOW_sample.txt as purchase events: one customer per sample id, amounts in cents, noon UTC. */
export function readCdnowEvents() {
  return readFileSync(SAMPLE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return {
        id: `cdnow-${i}`,
        type: 'purchase',
        customerExternalId: `cdnow-${Number(sampleId)}`,
        occurredAt: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T12:00:00Z`,
        amount: Math.round(Number(dollars) * 100),
      };
    });
}

/** An organization in US dollars on UTC, like the CDNOW shop. */
export async function createUsdOrg(t: TestApp, slug: string): Promise<TestOrg> {
  const res = await api(t, { authorization: `Bearer ${ADMIN_TOKEN}` }).post('/api/v1/admin/orgs', {
    name: `Org ${slug}`,
    slug,
    ownerEmail: `owner@${slug}.example`,
    baseCurrency: 'USD',
    timeZone: 'UTC',
  });
  if (res.status !== 201) throw new Error(`org create failed: ${res.status} ${res.text}`);
  const body = res.body;
  return { ...body, auth: { authorization: `Bearer ${body.apiKey}` } };
}

/** Posts events through the batch API, 5,000 per request. */
export async function postEvents(t: TestApp, org: TestOrg, events: unknown[]) {
  for (let start = 0; start < events.length; start += 5000) {
    await api(t, org).ok('POST', '/api/v1/events/batch', { events: events.slice(start, start + 5000) });
  }
}
