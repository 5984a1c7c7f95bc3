import { createRandom } from '../lib/seeded-random';
import { answerInternalLink } from '../modules/people/use-cases/internal-clients';
import { withSeedingClock } from './seeding-clock';
import type { DemoPeople } from './step-people';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

/** The customer-feedback topics (of the topics step) each department answers for. */
const TOPICS: Record<string, string[]> = {
  Kawiarnie: ['staff', 'price'],
  Piekarnia: ['quality'],
  Dostawy: ['delivery', 'speed'],
  'Obsługa klienta': ['app'],
};

/**
 * Who rates whom, and how well the service is felt: a mean NPS answer per pair, and how much it
 * moves between the two rounds. The support desk (3 people) and delivery (4) rate too, though
 * they stay under the anonymity threshold: their cells are withheld.
 */
const PAIRS: { rater: string; rated: string; nps: number; change: number; comments: string[] }[] = [
  {
    rater: 'Kawiarnie',
    rated: 'Piekarnia',
    nps: 8.6,
    change: 0.2,
    comments: ['Rogale zawsze świeże, dziękujemy!'],
  },
  {
    rater: 'Kawiarnie',
    rated: 'Dostawy',
    nps: 5.4,
    change: 1.2,
    comments: [
      'Dostawy przychodzą po otwarciu, goście czekają na wypieki.',
      'Brakuje informacji o opóźnieniach.',
    ],
  },
  { rater: 'Kawiarnie', rated: 'Obsługa klienta', nps: 7.4, change: 0.3, comments: [] },
  {
    rater: 'Piekarnia',
    rated: 'Dostawy',
    nps: 6.2,
    change: 0.8,
    comments: ['Kierowcy nie zabierają skrzynek o ustalonej godzinie.'],
  },
  {
    rater: 'Obsługa klienta',
    rated: 'Kawiarnie',
    nps: 7.8,
    change: 0,
    comments: ['Kawiarnie szybko oddzwaniają.'],
  },
  { rater: 'Dostawy', rated: 'Piekarnia', nps: 6.5, change: 0.5, comments: [] },
];

const ROUNDS = [
  { name: 'Klienci wewnętrzni — kwartał poprzedni', daysAgo: 100, round: 0 },
  { name: 'Klienci wewnętrzni — bieżący kwartał', daysAgo: 12, round: 1 },
];

/**
 * Internal clients: departments own the feedback topics of their area, and two quarterly rounds
 * in which the café chain's departments rate each other's service, answered by their people.
 */
export const peopleInternalStep: DemoStep = {
  name: 'people-internal-clients',
  available: ({ api }) => api.has('POST', '/api/v1/internal-clients/rounds'),
  async run(ctx) {
    const people = ctx.state.people as DemoPeople | undefined;
    if (!people?.departments.length) return;
    const { api, app } = ctx;
    const random = createRandom(6061);
    const dept = new Map(people.departments.map((d) => [d.name, d.id]));
    for (const [name, topics] of Object.entries(TOPICS)) {
      const id = dept.get(name);
      if (id) await api.call('PATCH', `/api/v1/departments/${id}`, { topics });
    }
    const pairs = PAIRS.filter((p) => dept.has(p.rater) && dept.has(p.rated));
    if (!pairs.length) return;
    let answers = 0;
    await withSeedingClock(app.ctx, async (setNow) => {
      for (const r of ROUNDS) {
        const start = new Date(ctx.now.getTime() - r.daysAgo * DAY_MS);
        setNow(start);
        const round = await api.call<{ handOut: { departmentName: string; url: string }[] }>(
          'POST',
          '/api/v1/internal-clients/rounds',
          {
            name: r.name,
            pairs: pairs.map((p) => ({
              raterDepartmentId: dept.get(p.rater),
              ratedDepartmentId: dept.get(p.rated),
            })),
          },
        );
        for (const [i, link] of round.handOut.entries()) {
          // Four in five answer, within the first ten days.
          if (random.next() > 0.8) continue;
          setNow(new Date(start.getTime() + (1 + random.next() * 9) * DAY_MS + i * 60_000));
          const ratings = pairs
            .filter((p) => p.rater === link.departmentName)
            .map((p) => {
              const mean = p.nps + p.change * r.round;
              const nps = Math.max(0, Math.min(10, Math.round(mean + random.normal() * 1.8)));
              const csat = Math.max(1, Math.min(5, Math.round(1 + (nps / 10) * 4 + random.normal() * 0.5)));
              const comment =
                p.comments.length && random.next() < 0.3 ? p.comments[i % p.comments.length] : null;
              return { ratedDepartmentId: dept.get(p.rated)!, nps, csat, comment };
            });
          if (!ratings.length) continue;
          // Straight to the use case: the public route limits each address, and here one answers for all.
          await answerInternalLink(app.ctx, link.url.slice(link.url.lastIndexOf('/') + 1), ratings);
          answers += ratings.length;
        }
      }
    });
    ctx.counts.internalClientRatings = answers;
  },
};
