import { type App, principalOf } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { feedbackText } from '../messages';
import { distinguishingTerms } from '../use-cases/text-terms';
import { topicInsights } from '../use-cases/text-topics';
import * as S from './schemas';

/** What customers talk about: distinguishing terms and topics of open answers. */
export async function textRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/api/v1/analytics/text/terms',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary:
          'Per language, the words and phrases detractors and promoters write, those setting a side apart marked',
        querystring: S.ZTermsQuerySchema,
        response: { 200: S.ZTermsResponseSchema },
      },
    },
    async (req) => distinguishingTerms(ctx, principalOf(req).orgId, req.query),
  );

  app.get(
    '/api/v1/analytics/text/topics',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags: ['analytics'],
        summary: 'Topic counts, monthly trends and each topic’s effect on NPS',
        querystring: S.ZTextTopicsQuerySchema,
        response: { 200: S.ZTextTopicsResponseSchema },
      },
    },
    async (req) => {
      const answer = await topicInsights(ctx, principalOf(req).orgId, req.query);
      if (!answer.suppressed) return answer;
      const threshold = answer.anonymityThreshold;
      const locale = pickLocale(req.headers['accept-language']);
      return { ...answer, message: feedbackText(locale, 'withheld', { threshold }) };
    },
  );
}
