import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreateSurveyRequest, Survey } from '../../../../src/http/api-types';
import { post } from '../../api/client';
import { useCan } from '../../api/session';
import { Link, navigate } from '../../lib/router';
import { NEW_SURVEY, SurveyBuilder } from './survey-builder';
import type { SurveyDraft } from './types';

export default function SurveyNewPage() {
  const { t } = useTranslation();
  const canWrite = useCan('surveys:write');
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (d: SurveyDraft) =>
      post<Survey>('/surveys', {
        ...d,
        status: d.status === 'closed' ? 'draft' : d.status,
      } satisfies CreateSurveyRequest),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
      navigate(`/surveys/${s.id}?tab=distribution`);
    },
  });
  return (
    <section className="stack">
      <p>
        <Link to="/surveys">← {t('surveys.title')}</Link>
      </p>
      <h1>{t('surveys.new')}</h1>
      <SurveyBuilder
        initial={NEW_SURVEY}
        onSave={(d) => create.mutate(d)}
        saving={create.isPending}
        error={create.error}
        canEdit={canWrite}
      />
    </section>
  );
}
