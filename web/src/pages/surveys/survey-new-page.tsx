import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreateSurveyRequest, Locale, Survey } from '../../../../src/http/api-types';
import { post } from '../../api/client';
import { useCan } from '../../api/session';
import { LOCALES } from '../../i18n/setup';
import { Link, navigate } from '../../lib/router';
import { newSurvey } from './draft';
import { SurveyBuilder } from './survey-builder';
import type { SurveyDraft } from './types';

export default function SurveyNewPage() {
  const { t, i18n } = useTranslation();
  // A new survey is written in the user's language.
  const locale = LOCALES.find((l) => l === i18n.language) ?? ('en' as Locale);
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
        key={locale}
        initial={newSurvey(locale)}
        templates
        onSave={(d) => create.mutate(d)}
        saving={create.isPending}
        error={create.error}
        canEdit={canWrite}
      />
    </section>
  );
}
