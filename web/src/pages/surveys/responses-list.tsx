import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ResponseListQuery, Survey, SurveyResponse } from '../../../../src/http/api-types';
import { apiUrl, get, type Page } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';

/** The open answers of a response, joined; shown as text, never as markup. */
export function textAnswers(survey: Pick<Survey, 'questions'>, r: SurveyResponse): string {
  return survey.questions
    .filter((q) => q.type === 'text')
    .map((q) => r.answers[q.id])
    .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
    .join(' · ');
}

/** Filters of the responses API the dashboard sets: channel, touchpoint and a period (instants). */
export type ResponseFilters = Pick<ResponseListQuery, 'channel' | 'touchpoint' | 'from' | 'to'>;

export function ResponsesList({ survey, filters = {} }: { survey: Survey; filters?: ResponseFilters }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const list = useInfiniteQuery({
    queryKey: ['survey', survey.id, 'responses', filters],
    queryFn: ({ pageParam }) =>
      get<Page<SurveyResponse>>(`/surveys/${survey.id}/responses`, {
        ...filters,
        limit: 100,
        cursor: pageParam,
      } satisfies ResponseListQuery),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stack">
      {list.isError && <ErrorMessage error={list.error} />}
      <DataTable
        caption={t('surveys.responses')}
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        exportUrl={apiUrl(`/surveys/${survey.id}/responses/export`, { ...filters, locale: i18n.language })}
        columns={[
          { key: 'submittedAt', header: t('feedback.submitted'), render: (r) => f.dateTime(r.submittedAt) },
          {
            key: 'customerExternalId',
            header: t('feedback.customer'),
            render: (r) =>
              r.customerExternalId ? (
                <Link to={`/customers/${encodeURIComponent(r.customerExternalId)}`}>
                  {r.customerExternalId}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            key: 'channel',
            header: t('feedback.channel'),
            value: (r) => labels.channel(r.channel),
            render: (r) => labels.channel(r.channel),
          },
          {
            key: 'locale',
            header: t('customers.locale'),
            value: (r) => labels.language(r.locale),
            render: (r) => labels.language(r.locale),
          },
          {
            key: 'nps',
            header: 'NPS',
            numeric: true,
            value: (r) => r.scores.nps,
            render: (r) => r.scores.nps ?? '—',
          },
          {
            key: 'csat',
            header: 'CSAT',
            numeric: true,
            value: (r) => r.scores.csat,
            render: (r) => r.scores.csat ?? '—',
          },
          {
            key: 'ces',
            header: 'CES',
            numeric: true,
            value: (r) => r.scores.ces,
            render: (r) => r.scores.ces ?? '—',
          },
          {
            key: 'text',
            header: t('feedback.comment'),
            value: (r) => textAnswers(survey, r),
            render: (r) => <span className="free-text">{textAnswers(survey, r)}</span>,
          },
        ]}
      />
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()}>
          {t('common.more')}
        </button>
      )}
    </div>
  );
}
