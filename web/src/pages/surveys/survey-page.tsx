import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Survey, UpdateSurveyRequest } from '../../../../src/http/api-types';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { Tabs, useTab } from '../../components/tabs';
import { Link } from '../../lib/router';
import type { PageProps } from '../registry';
import { Distribution } from './distribution';
import { ResponsesList } from './responses-list';
import { SurveyBuilder } from './survey-builder';
import type { SurveyDraft } from './types';

const TABS = ['questions', 'distribution', 'responses'];

export default function SurveyPage({ params }: PageProps) {
  const { t } = useTranslation();
  const canWrite = useCan('surveys:write');
  const queryClient = useQueryClient();
  const tab = useTab(TABS);
  const key = ['survey', params.id];
  const survey = useQuery({ queryKey: key, queryFn: () => get<Survey>(`/surveys/${params.id}`) });
  const save = useMutation({
    // A survey keeps its audience: the change leaves it out.
    mutationFn: ({ audience: _audience, ...d }: SurveyDraft) =>
      patch<Survey>(`/surveys/${params.id}`, d satisfies UpdateSurveyRequest),
    onSuccess: (s) => {
      queryClient.setQueryData(key, s);
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
    },
  });
  if (survey.isError) return <ErrorMessage error={survey.error} />;
  const s = survey.data;
  if (!s) return <p className="loading">{t('common.loading')}</p>;
  return (
    <section className="stack">
      <p>
        <Link to="/surveys">← {t('surveys.title')}</Link>
      </p>
      <div className="page-head">
        <h1 className="free-text">{s.name}</h1>
        <span className="badge">{t(`surveyStatus.${s.status}`)}</span>
      </div>
      <Tabs label={s.name} tabs={TABS.map((k) => ({ key: k, labelKey: `surveys.tab.${k}` }))} />
      {tab === 'questions' && (
        <>
          <SurveyBuilder
            key={s.version + s.updatedAt}
            initial={{
              name: s.name,
              audience: s.audience,
              defaultLocale: s.defaultLocale as SurveyDraft['defaultLocale'],
              status: s.status,
              questions: s.questions,
              texts: s.texts,
            }}
            onSave={(d) => save.mutate(d)}
            saving={save.isPending}
            error={save.error}
            canEdit={canWrite}
          />
          {save.isSuccess && <p role="status">{t('common.saved')}</p>}
        </>
      )}
      {tab === 'distribution' && <Distribution survey={s} />}
      {tab === 'responses' && <ResponsesList survey={s} />}
    </section>
  );
}
