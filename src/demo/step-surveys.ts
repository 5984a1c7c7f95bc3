import { chunks } from './demo-api';
import { demoLocationPicker } from './demo-locations';
import type { DemoPeople } from './step-people';
import type { DemoStep } from './steps';

const RELATIONSHIP_SURVEY = {
  name: 'Customer relationship survey',
  audience: 'customers',
  defaultLocale: 'en',
  touchpoints: ['cafe', 'delivery', 'app', 'support'],
  channels: ['link', 'email', 'widget', 'qr'],
  questions: [
    {
      id: 'nps',
      type: 'nps',
      required: true,
      text: {
        en: 'How likely are you to recommend Kompas to a friend?',
        pl: 'Jak bardzo prawdopodobne jest, że polecisz Kompas znajomemu?',
        cs: 'Jak pravděpodobné je, že byste Kompas doporučili známému?',
        ru: 'Насколько вероятно, что вы порекомендуете Kompas другу?',
      },
    },
    {
      id: 'reason',
      type: 'text',
      text: {
        en: 'What is the main reason for your score?',
        pl: 'Jaki jest główny powód Twojej oceny?',
        cs: 'Jaký je hlavní důvod vašeho hodnocení?',
        ru: 'Какова главная причина вашей оценки?',
      },
    },
    {
      id: 'csat',
      type: 'csat',
      text: {
        en: 'How satisfied were you with your last visit?',
        pl: 'Jak bardzo jesteś zadowolony z ostatniej wizyty?',
        cs: 'Jak jste byli spokojeni s poslední návštěvou?',
        ru: 'Насколько вы довольны последним визитом?',
      },
    },
    {
      id: 'ces',
      type: 'ces',
      text: {
        en: 'Kompas made it easy for me to get what I wanted.',
        pl: 'Kompas ułatwił mi dostanie tego, czego chciałem.',
        cs: 'Kompas mi usnadnil získat, co jsem chtěl.',
        ru: 'Kompas помог мне легко получить то, что я хотел.',
      },
    },
  ],
};

/** The id the demo gives its `index`-th answer, so that a case can name the answer it is about. */
export const demoResponseId = (index: number) =>
  `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** A relationship survey (NPS, reason, CSAT, CES in four languages) and two years of its answers. */
export const surveysStep: DemoStep = {
  name: 'survey answers',
  available: ({ api }) => api.has('POST', '/api/v1/surveys/:id/responses/batch'),
  async run(ctx) {
    const survey = await ctx.api.call<{ id: string; publicId: string }>(
      'POST',
      '/api/v1/surveys',
      RELATIONSHIP_SURVEY,
    );
    ctx.state.surveyId = survey.id;
    const all = ctx.data.responses;
    const locationOf = demoLocationPicker(ctx.state.people as DemoPeople | undefined);
    let done = 0;
    for (const batch of chunks(all, 1000)) {
      await ctx.api.call('POST', `/api/v1/surveys/${survey.id}/responses/batch`, {
        responses: batch.map((r, i) => ({
          id: demoResponseId(done + i),
          answers: {
            nps: r.nps,
            csat: r.csat,
            ces: r.ces,
            ...(r.comment ? { reason: r.comment } : {}),
          },
          customerExternalId: r.customerExternalId,
          submittedAt: r.submittedAt.toISOString(),
          channel: r.channel,
          touchpoint: r.touchpoint,
          locationCode: locationOf(r),
          locale: r.locale,
        })),
      });
      done += batch.length;
      ctx.progress('survey answers', done / all.length);
    }
    ctx.counts.responses = all.length;
  },
};
