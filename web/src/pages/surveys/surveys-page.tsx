import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SurveyListQuery, SurveySummary } from '../../../../src/http/api-types';
import { get, type Page } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { Link } from '../../lib/router';

export default function SurveysPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('surveys:write');
  const list = useQuery({
    queryKey: ['surveys'],
    queryFn: () => get<Page<SurveySummary>>('/surveys', { limit: 200 } satisfies SurveyListQuery),
  });
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('surveys.title')}</h1>
        {canWrite && (
          <Link to="/surveys/new" className="button primary">
            {t('surveys.new')}
          </Link>
        )}
      </div>
      {list.isError && <ErrorMessage error={list.error} />}
      <DataTable
        caption={t('surveys.title')}
        captionHidden
        rows={list.data?.items ?? []}
        rowKey={(s) => s.id}
        exportName="surveys"
        columns={[
          {
            key: 'name',
            header: t('surveys.name'),
            render: (s) => (
              <Link to={`/surveys/${s.id}`} className="free-text">
                {s.name}
              </Link>
            ),
          },
          { key: 'status', header: t('surveys.status'), render: (s) => t(`surveyStatus.${s.status}`) },
          { key: 'audience', header: t('surveys.audience'), render: (s) => t(`audiences.${s.audience}`) },
          {
            key: 'responseCount',
            header: t('surveys.responses'),
            numeric: true,
            render: (s) => f.int(s.responseCount),
          },
          { key: 'createdAt', header: t('settings.created'), render: (s) => f.date(s.createdAt) },
        ]}
      />
    </section>
  );
}
