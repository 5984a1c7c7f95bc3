import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FeedbackFilters, TermsAnswer, TermsQuery } from '../../../src/http/api-types';
import { get } from '../api/client';
import { DataTable } from '../components/data-table';
import { ErrorMessage } from '../components/error-message';
import { useFormat } from '../lib/format';
import { useLabels } from '../lib/labels';

type Term = NonNullable<TermsAnswer['languages'][number]['detractors']>['terms'][number];

/**
 * Per language, the words detractors and promoters write: those typical of a side beyond chance
 * first and marked, then the most frequent ones.
 */
export function TermsPanel({ filters }: { filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const terms = useQuery({
    queryKey: ['terms', filters.from, filters.to],
    queryFn: () =>
      get<TermsAnswer>('/analytics/text/terms', {
        from: filters.from,
        to: filters.to,
        limit: 12,
      } satisfies TermsQuery),
  });
  if (terms.isError) return <ErrorMessage error={terms.error} />;
  if (!terms.data) return <p className="loading">{t('common.loading')}</p>;
  if (!terms.data.languages.length) return <p className="muted">{t('feedback.noComments')}</p>;
  const columns = (side: string) => [
    {
      key: 'term',
      header: t('feedback.term'),
      render: (r: Term) => <span className="free-text">{r.term}</span>,
    },
    {
      key: 'count',
      header: t(`feedback.mentions.${side}`),
      numeric: true,
      render: (r: Term) => f.int(r.count),
    },
    {
      key: 'otherCount',
      header: t('feedback.mentionsOther'),
      numeric: true,
      render: (r: Term) => f.int(r.otherCount),
    },
    {
      key: 'zScore',
      header: 'z',
      numeric: true,
      render: (r: Term) => (r.zScore === null ? '—' : f.dec(r.zScore)),
    },
    {
      key: 'significant',
      header: t('feedback.significant'),
      render: (r: Term) =>
        r.significant ? (
          <span title={t('feedback.significantTitle')}>
            <span aria-hidden="true">✓</span>
            <span className="visually-hidden">{t('feedback.significantTitle')}</span>
          </span>
        ) : (
          ''
        ),
      value: (r: Term) => (r.significant ? '✓' : ''),
    },
  ];
  return (
    <div className="stack">
      {terms.data.languages.map((l) => (
        <section key={l.lang} className="card stack" lang={l.lang === 'und' ? undefined : l.lang}>
          <h2>{labels.language(l.lang)}</h2>
          {l.suppressed || !l.answers ? (
            <p className="muted">{t('feedback.tooFew')}</p>
          ) : (
            <>
              <p className="muted">
                {t('feedback.sides', { detractors: l.answers.detractors, promoters: l.answers.promoters })}{' '}
                {t('feedback.significantNote')}
              </p>
              <div className="grid">
                <DataTable
                  caption={t('feedback.detractorTerms')}
                  rows={l.detractors?.terms ?? []}
                  rowKey={(r) => r.key}
                  columns={columns('detractors')}
                  empty={t('feedback.noComments')}
                  exportName={`terms-detractors-${l.lang}`}
                />
                <DataTable
                  caption={t('feedback.promoterTerms')}
                  rows={l.promoters?.terms ?? []}
                  rowKey={(r) => r.key}
                  columns={columns('promoters')}
                  empty={t('feedback.noComments')}
                  exportName={`terms-promoters-${l.lang}`}
                />
              </div>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
