import { createRandom } from '../lib/seeded-random';
import { chunks } from './demo-api';
import { demoLocationPicker } from './demo-locations';
import { withSeedingClock } from './seeding-clock';
import type { DemoPeople } from './step-people';
import type { DemoStep } from './steps';

const DAY = 86_400_000;

/** Goodwill budgets of the café chain, in złoty (minor units): more room for its best customers. */
const BUDGETS = [
  { tier: 'standard', period: 'month', poolMinor: 150_000, perCustomerMinor: 10_000 },
  { tier: 'priority', period: 'month', poolMinor: 150_000, perCustomerMinor: 20_000 },
  { tier: 'premium', period: 'quarter', poolMinor: 300_000, perCustomerMinor: 50_000 },
];

const GESTURES = [
  { kind: 'gift', minor: 1_800, note: 'Kawa i ciastko na koszt firmy przy następnej wizycie.' },
  { kind: 'refund', minor: 3_200, note: 'Zwrot za zamówienie, które przyszło zimne.' },
  { kind: 'service', minor: 4_500, note: 'Darmowa dostawa tortu w zamian za pomyłkę.' },
  { kind: 'gift', minor: 2_500, note: 'Voucher na śniadanie dla dwojga.' },
];

/** Customers' words of thanks, by the grammatical gender of the person named (Polish agrees). */
const THANKS = {
  f: [
    '{name} była przemiła i doradziła mi idealną kawę.',
    'Obsługa na medal, a {name} pamiętała moje zamówienie!',
    '{name} zrobiła najlepsze latte w mieście.',
  ],
  m: [
    '{name} był bardzo pomocny, dziękuję!',
    'Świetna atmosfera, {name} zawsze uśmiechnięty.',
    '{name} szybko naprawił pomyłkę w zamówieniu. Brawo!',
  ],
};

/**
 * Goodwill budgets and gestures granted on cases over the year (each at its own time), and a year
 * of customers' praise naming the staff of the cafés — plus a few recent ones for a manager to
 * place: naming no one, or two people of the same name.
 */
export const peopleRecognitionStep: DemoStep = {
  name: 'recognition and goodwill',
  available: ({ api }) => api.has('POST', '/api/v1/goodwill/budgets'),
  async run(ctx) {
    const { api } = ctx;
    const random = createRandom(777);
    const rnd = () => random.next();
    for (const b of BUDGETS) await api.call('POST', '/api/v1/goodwill/budgets', b);

    const cases = (
      await api.call<{
        items: { id: string; customerId: string | null; createdAt: string; status: string }[];
      }>('GET', '/api/v1/cases?limit=200')
    ).items.filter((c) => c.customerId && c.status !== 'new');
    let granted = 0;
    await withSeedingClock(ctx.app.ctx, async (setNow) => {
      for (const [i, c] of cases.entries()) {
        if (i % 4 !== 0) continue;
        const gesture = GESTURES[granted % GESTURES.length];
        setNow(new Date(new Date(c.createdAt).getTime() + 3 * 3_600_000));
        await api.call('POST', `/api/v1/cases/${c.id}/goodwill`, {
          kind: gesture.kind,
          amountMinor: gesture.minor,
          note: gesture.note,
        });
        granted++;
      }
    });
    ctx.counts.goodwill = granted;

    const surveyId = ctx.state.surveyId as string | undefined;
    const people = ctx.state.people as DemoPeople | undefined;
    if (!surveyId || !people) return;
    const locations = new Map(people.locations.map((l) => [l.id, l.code]));
    const floor = people.employees.filter((e) => e.locationId && locations.get(e.locationId) !== 'ONLINE');
    const customers = ctx.data.customers;
    const now = ctx.now.getTime();
    // Praise falls where promoters are: the cafés in the proportions of the demo's answers.
    const locationOf = demoLocationPicker(people);
    const responses = Array.from({ length: 60 }, (_, i) => {
      const nps = rnd() < 0.7 ? 10 : 9;
      const code = locationOf({ touchpoint: 'visit', nps });
      const here = floor.filter((e) => locations.get(e.locationId!) === code);
      const person = (here.length ? here : floor)[Math.floor(rnd() * (here.length || floor.length))];
      const first = person.name.split(' ')[0];
      const templates = first.endsWith('a') ? THANKS.f : THANKS.m;
      return {
        answers: {
          nps: rnd() < 0.7 ? 10 : 9,
          csat: 5,
          reason: templates[i % templates.length].replace('{name}', first),
        },
        customerExternalId: customers[Math.floor(rnd() * customers.length)].externalId,
        // Over the last year, the newest a few days ago.
        submittedAt: new Date(now - (3 + Math.floor(rnd() * 360)) * DAY).toISOString(),
        channel: 'link',
        locationCode: locations.get(person.locationId!),
        locale: 'pl',
      };
    });
    // Recent praise a manager places: naming no one, and naming a first name two people share.
    const shared = firstNameShared(floor);
    responses.push(
      {
        answers: { nps: 10, csat: 5, reason: 'Najlepsza kawiarnia w okolicy, obsługa zawsze miła.' },
        customerExternalId: customers[1].externalId,
        submittedAt: new Date(now - 2 * DAY).toISOString(),
        channel: 'link',
        locationCode: locations.get(floor[0].locationId!),
        locale: 'pl',
      },
      ...(shared
        ? [
            {
              answers: { nps: 9, csat: 5, reason: `Dziękuję, ${shared}, za pomoc przy zamówieniu tortu!` },
              customerExternalId: customers[2].externalId,
              submittedAt: new Date(now - 1 * DAY).toISOString(),
              channel: 'link',
              locationCode: locations.get(floor[0].locationId!),
              locale: 'pl',
            },
          ]
        : []),
    );
    for (const batch of chunks(responses, 500))
      await api.call('POST', `/api/v1/surveys/${surveyId}/responses/batch`, { responses: batch });
    ctx.counts.praise = responses.length;
  },
};

/** A first name at least two of the staff share, if any. */
function firstNameShared(staff: DemoPeople['employees']) {
  const seen = new Set<string>();
  for (const e of staff) {
    const first = e.name.split(' ')[0];
    if (seen.has(first)) return first;
    seen.add(first);
  }
  return undefined;
}
