import { api } from '../helpers/api';
import type { TestApp, TestOrg } from '../helpers/app';

/** An NPS survey with a "why?" for detractors and another for promoters, in four languages. */
export const NPS_SURVEY = {
  name: 'Relationship NPS',
  audience: 'customers',
  defaultLocale: 'en',
  touchpoints: ['checkout'],
  channels: ['email', 'widget'],
  questions: [
    {
      id: 'nps',
      type: 'nps',
      required: true,
      text: {
        en: 'How likely are you to recommend us to a friend?',
        pl: 'Jak bardzo prawdopodobne jest, że polecisz nas znajomemu?',
        cs: 'Jak pravděpodobné je, že nás doporučíte příteli?',
        ru: 'Насколько вероятно, что вы порекомендуете нас другу?',
      },
    },
    {
      id: 'why_low',
      type: 'text',
      text: {
        en: 'What disappointed you?',
        pl: 'Co Cię rozczarowało?',
        cs: 'Co vás zklamalo?',
        ru: 'Что вас разочаровало?',
      },
      showIf: { questionId: 'nps', op: 'lte', value: 6 },
    },
    {
      id: 'why_high',
      type: 'text',
      text: {
        en: 'What did you like most?',
        pl: 'Co podobało Ci się najbardziej?',
        cs: 'Co se vám líbilo nejvíce?',
        ru: 'Что вам понравилось больше всего?',
      },
      showIf: { questionId: 'nps', op: 'gte', value: 9 },
    },
  ],
};

export async function createSurvey(t: TestApp, org: TestOrg, body: object = NPS_SURVEY) {
  const res = await api(t, org).post<{ id: string; publicId: string; version: number; url: string }>(
    '/api/v1/surveys',
    body,
  );
  if (res.status !== 201) throw new Error(`survey create failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function upsertCustomers(t: TestApp, org: TestOrg, customers: object[]) {
  await api(t, org).ok('POST', '/api/v1/customers/batch', { customers });
}

export const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

/** The value of a hidden input of a rendered page. */
export const hiddenValue = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
