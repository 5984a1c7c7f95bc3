import { useQuery } from '@tanstack/react-query';
import type {
  ResponseListQuery,
  Survey,
  SurveyListQuery,
  SurveyResponse,
  SurveySummary,
} from '../../../../src/http/api-types';
import { get, type Page } from '../../api/client';

export type CustomerAnswer = { survey: Survey; response: SurveyResponse };

/** The customer's answers to every survey (the API lists responses per survey). */
export function useCustomerAnswers(externalId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer', externalId, 'answers'],
    enabled,
    queryFn: async (): Promise<CustomerAnswer[]> => {
      const surveys = await get<Page<SurveySummary>>('/surveys', { limit: 50 } satisfies SurveyListQuery);
      const pages = await Promise.all(
        surveys.items.map(async (s) => {
          const page = await get<Page<SurveyResponse>>(`/surveys/${s.id}/responses`, {
            customerExternalId: externalId,
            limit: 20,
          } satisfies ResponseListQuery);
          if (!page.items.length) return [];
          const survey = await get<Survey>(`/surveys/${s.id}`);
          return page.items.map((response) => ({ survey, response }));
        }),
      );
      return pages.flat();
    },
  });
}
