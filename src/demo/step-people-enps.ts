import { createRandom } from '../lib/seeded-random';
import { answerPulse } from '../modules/people/use-cases/pulses';
import type { Mailer } from '../notify/mailer';
import { withSeedingClock } from './seeding-clock';
import type { DemoPeople } from './step-people';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

const text = (pl: string, en: string, cs: string, ru: string) => ({ pl, en, cs, ru });

/** The staff pulse: eNPS every time, and two of the other questions in turn. */
const QUESTIONS = [
  {
    id: 'enps',
    type: 'nps',
    required: true,
    text: text(
      'Jak bardzo prawdopodobne jest, że polecisz pracę u nas znajomemu?',
      'How likely are you to recommend working here to a friend?',
      'Jak pravděpodobně byste práci u nás doporučili příteli?',
      'Насколько вероятно, что вы порекомендуете работу у нас другу?',
    ),
  },
  {
    id: 'why',
    type: 'text',
    text: text(
      'Co najbardziej wpływa na Twoją ocenę?',
      'What matters most in your answer?',
      'Co nejvíc ovlivňuje vaše hodnocení?',
      'Что больше всего влияет на вашу оценку?',
    ),
  },
  {
    id: 'tools',
    type: 'rating',
    scale: 5,
    text: text(
      'Mam narzędzia potrzebne do dobrej obsługi gości.',
      'I have the tools I need to serve guests well.',
      'Mám nástroje, které potřebuji k dobré obsluze hostů.',
      'У меня есть всё нужное, чтобы хорошо обслуживать гостей.',
    ),
  },
  {
    id: 'workload',
    type: 'rating',
    scale: 5,
    text: text(
      'Grafik i obciążenie pracą są rozsądne.',
      'My schedule and workload are reasonable.',
      'Rozvrh a pracovní zátěž jsou rozumné.',
      'Мой график и нагрузка разумны.',
    ),
  },
  {
    id: 'manager',
    type: 'rating',
    scale: 5,
    text: text(
      'Mój przełożony słucha moich pomysłów.',
      'My manager listens to my ideas.',
      'Můj vedoucí naslouchá mým nápadům.',
      'Мой руководитель прислушивается к моим идеям.',
    ),
  },
];

const COMMENTS = {
  good: [
    'Świetny zespół, pomagamy sobie nawzajem w godzinach szczytu.',
    'Lubię kontakt z gośćmi i to, że mogę polecać nowe kawy.',
    'Szkolenia baristyczne naprawdę dużo dają.',
  ],
  mid: [
    'Jest dobrze, ale grafik układany jest zbyt późno.',
    'Przydałby się drugi młynek w godzinach porannych.',
  ],
  bad: [
    'Za mało osób na zmianie w weekendy, nie wyrabiamy się.',
    'Ekspres często się psuje, a naprawa trwa tygodniami.',
  ],
};

/**
 * eNPS pulses of the café chain's staff: three monthly rounds answered by most of the demo's
 * employees, each team in its own mood. Teams are small, and not everyone answers: several fall
 * under the anonymity threshold, so the report shows how hidden groups look.
 */
export const peopleEnpsStep: DemoStep = {
  name: 'people-enps',
  available: ({ api }) => api.has('POST', '/api/v1/surveys/:id/pulses'),
  async run(ctx) {
    const people = ctx.state.people as DemoPeople | undefined;
    if (!people?.employees.length) return;
    const { api, app } = ctx;
    const random = createRandom(6020);
    const rnd = () => random.next();
    const survey = await api.call<{ id: string }>('POST', '/api/v1/surveys', {
      name: 'Puls zespołu',
      audience: 'employees',
      defaultLocale: 'pl',
      questions: QUESTIONS,
    });
    await api.call('PATCH', `/api/v1/surveys/${survey.id}/pulse-settings`, {
      everyWeeks: 4,
      questionsPerRound: 2,
    });
    // Each team has a mood; some teams answer less than others.
    const mood = new Map(people.teams.map((t) => [t.id, 6.3 + rnd() * 3.6]));
    const turnout = new Map(people.teams.map((t) => [t.id, 0.55 + rnd() * 0.45]));
    // Whose link is whose, known here only to give each team its mood: by address or by name.
    const staff = await api.call<{ items: { name: string; email: string | null; teamId: string | null }[] }>(
      'GET',
      '/api/v1/employees?limit=500&current=true',
    );
    const teamByEmail = new Map(staff.items.map((e) => [e.email, e.teamId]));
    const teamByName = new Map(staff.items.map((e) => [e.name, e.teamId]));
    // The demo's addresses reach nobody: the links of this demo are taken here, never mailed.
    const links: { url: string; team: string | null }[] = [];
    const capture: Mailer = {
      configured: true,
      send: async (m) => {
        const url = /\S+\/pulse\/\S+/.exec(m.text)?.[0];
        if (url) links.push({ url, team: teamByEmail.get(m.to) ?? null });
        return { messageId: null };
      },
      close: () => {},
    };
    const realMailer = app.ctx.mailer;
    let answered = 0;
    try {
      app.ctx.mailer = capture;
      await withSeedingClock(app.ctx, async (setNow) => {
        for (const daysAgo of [68, 40, 12]) {
          const sentAt = new Date(ctx.now.getTime() - daysAgo * DAY_MS);
          setNow(sentAt);
          links.length = 0;
          const sent = await api.call<{
            questionIds: string[];
            handOut: { url: string; employeeName: string }[];
          }>('POST', `/api/v1/surveys/${survey.id}/pulses`, {});
          const all = [
            ...links,
            ...sent.handOut.map((h) => ({ url: h.url, team: teamByName.get(h.employeeName) ?? null })),
          ];
          for (const { url, team: teamId } of all) {
            const team = teamId ?? '';
            if (rnd() > (turnout.get(team) ?? 0.7)) continue;
            const base = mood.get(team) ?? 7;
            const nps = Math.max(0, Math.min(10, Math.round(base + (rnd() - 0.5) * 5)));
            const answers: Record<string, unknown> = { enps: nps };
            if (sent.questionIds.includes('why') && rnd() < 0.45) {
              const pool = nps >= 9 ? COMMENTS.good : nps >= 7 ? COMMENTS.mid : COMMENTS.bad;
              answers.why = pool[Math.floor(rnd() * pool.length)];
            }
            for (const q of ['tools', 'workload', 'manager']) {
              if (sent.questionIds.includes(q))
                answers[q] = Math.max(1, Math.min(5, Math.round(nps / 2 + rnd())));
            }
            setNow(new Date(sentAt.getTime() + (1 + Math.floor(rnd() * 72)) * 3_600_000));
            // As the answer page would, without its per-address rate limit.
            await answerPulse(app.ctx, url.slice(url.lastIndexOf('/') + 1), answers);
            answered++;
          }
        }
      });
    } finally {
      app.ctx.mailer = realMailer;
    }
    ctx.counts.pulseAnswers = answered;
  },
};
