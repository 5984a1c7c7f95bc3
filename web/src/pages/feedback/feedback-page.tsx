import { useTranslation } from 'react-i18next';
import { Tabs, useTab } from '../../components/tabs';
import { DriversPanel } from '../../feedback/drivers-panel';
import { FiltersBar, useFeedbackFilters } from '../../feedback/filters-bar';
import { METRICS } from '../../feedback/metric-api';
import { MetricCard } from '../../feedback/metric-card';
import { MetricTrend } from '../../feedback/metric-trend';
import { TermsPanel } from '../../feedback/terms-panel';
import { TopicsPanel } from '../../feedback/topics-panel';
import { SurveyResponses } from './survey-responses';

const TABS = ['metrics', 'responses', 'terms', 'topics', 'drivers'];

export default function FeedbackPage() {
  const { t } = useTranslation();
  const filters = useFeedbackFilters();
  const tab = useTab(TABS);
  return (
    <section className="stack">
      <h1>{t('feedback.title')}</h1>
      <FiltersBar filters={filters} />
      <Tabs label={t('feedback.title')} tabs={TABS.map((k) => ({ key: k, labelKey: `feedback.tab.${k}` }))} />
      {tab === 'metrics' && (
        <>
          <div className="kpis">
            {METRICS.map((m) => (
              <MetricCard key={m} metric={m} filters={filters} />
            ))}
          </div>
          <div className="grid">
            {METRICS.map((m) => (
              <MetricTrend key={m} metric={m} filters={filters} />
            ))}
          </div>
        </>
      )}
      {tab === 'responses' && <SurveyResponses filters={filters} />}
      {tab === 'terms' && <TermsPanel filters={filters} />}
      {tab === 'topics' && <TopicsPanel filters={filters} />}
      {tab === 'drivers' && <DriversPanel filters={filters} />}
    </section>
  );
}
