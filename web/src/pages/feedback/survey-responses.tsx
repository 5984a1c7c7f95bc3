import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FeedbackFilters,
  ResponseListQuery,
  Survey,
  SurveyListQuery,
  SurveySummary,
} from '../../../../src/http/api-types';
import { get, type Page } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { endOfDay, startOfDay } from '../../lib/period';
import { ResponsesList } from '../surveys/responses-list';

/** Responses of one survey at a time (the API lists them per survey). */
export function SurveyResponses({ filters }: { filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const surveys = useQuery({
    queryKey: ['surveys'],
    queryFn: () => get<Page<SurveySummary>>('/surveys', { limit: 200 } satisfies SurveyListQuery),
  });
  const [id, setId] = useState<string>('');
  const chosen = id || surveys.data?.items[0]?.id;
  const survey = useQuery({
    queryKey: ['survey', chosen],
    queryFn: () => get<Survey>(`/surveys/${chosen}`),
    enabled: Boolean(chosen),
  });
  if (surveys.isError) return <ErrorMessage error={surveys.error} />;
  return (
    <div className="stack">
      <label className="card">
        {t('surveys.title')}
        <select value={chosen ?? ''} onChange={(e) => setId(e.target.value)}>
          {(surveys.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id} className="free-text">
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {survey.data && (
        <ResponsesList
          survey={survey.data}
          filters={{
            // The feedback filters take any channel, the responses list only those it knows.
            channel: filters.channel as ResponseListQuery['channel'],
            touchpoint: filters.touchpoint,
            from: filters.from && startOfDay(filters.from),
            to: filters.to && endOfDay(filters.to),
          }}
        />
      )}
    </div>
  );
}
