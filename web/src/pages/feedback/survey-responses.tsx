import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import type { FeedbackFilters } from '../../feedback/metric-api';
import { endOfDay, startOfDay } from '../../lib/period';
import { ResponsesList } from '../surveys/responses-list';
import type { Survey } from '../surveys/types';

/** Responses of one survey at a time (the API lists them per survey). */
export function SurveyResponses({ filters }: { filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const surveys = useQuery({
    queryKey: ['surveys'],
    queryFn: () => get<Page<Survey>>('/surveys', { limit: 200 }),
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
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {survey.data && (
        <ResponsesList
          survey={survey.data}
          filters={{
            channel: filters.channel,
            touchpoint: filters.touchpoint,
            from: filters.from && startOfDay(filters.from),
            to: filters.to && endOfDay(filters.to),
          }}
        />
      )}
    </div>
  );
}
