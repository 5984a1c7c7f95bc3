import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { topicName, useTopics } from '../../feedback/topics-panel';
import { useFormat } from '../../lib/format';

/** The topics that cost the most NPS: what detractors complain about. */
export function DetractorTopics({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const topics = useTopics({ from, to });
  const rows = (topics.data?.items ?? [])
    .filter((i) => i.effect.effect !== null && i.effect.effect < 0)
    .sort((a, b) => a.effect.effect! - b.effect.effect!)
    .slice(0, 5);
  return (
    <section className="card">
      <h2>{t('overview.detractorTopics')}</h2>
      <DataTable
        caption={t('overview.detractorTopics')}
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        exportName="detractor-topics"
        empty={topics.isPending ? t('common.loading') : t('common.noData')}
        columns={[
          {
            key: 'key',
            header: t('feedback.topic'),
            render: (r) => topicName(r, i18n.language),
            value: (r) => topicName(r, i18n.language),
          },
          { key: 'n', header: t('feedback.mentions.all'), numeric: true, render: (r) => f.int(r.n) },
          {
            key: 'effect',
            header: t('overview.npsEffect'),
            numeric: true,
            value: (r) => r.effect.effect,
            render: (r) => f.dec(r.effect.effect),
          },
        ]}
      />
    </section>
  );
}
