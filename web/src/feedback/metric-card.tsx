import { useTranslation } from 'react-i18next';
import type { FeedbackFilters, Metric } from '../../../src/http/api-types';
import { useFormat } from '../lib/format';
import { useLabels } from '../lib/labels';
import { scoreText, useMetric } from './metric-api';

/** A metric's score with its 95 % interval, the number of answers and the change on the previous period. */
export function MetricCard({ metric, filters }: { metric: Metric; filters: FeedbackFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const answer = useMetric(metric, filters, undefined, true);
  const a = answer.data;
  return (
    <div className="kpi" data-testid={`kpi-${metric}`}>
      <div className="label">{labels.metric(metric)}</div>
      {!a ? (
        <div className="value">{answer.isError ? '—' : '…'}</div>
      ) : a.suppressed ? (
        <div className="sub">{t('feedback.suppressed', { threshold: a.anonymityThreshold })}</div>
      ) : (
        <>
          <div className="value">{scoreText(metric, a.score, f.dec)}</div>
          <div className="sub">
            {a.ci95
              ? t('feedback.interval', {
                  lo: scoreText(metric, a.ci95[0], f.dec),
                  hi: scoreText(metric, a.ci95[1], f.dec),
                })
              : ''}{' '}
            {t('feedback.answers', { count: a.n })}
            {a.smallSample && <span className="warn"> · {t('feedback.smallSample')}</span>}
          </div>
          {a.change && (
            <div className={`sub ${a.change.delta >= 0 ? 'good' : 'bad'}`}>
              {t('feedback.change', {
                delta: `${a.change.delta >= 0 ? '+' : ''}${f.dec(a.change.delta)}`,
                significant: a.change.pValue !== null && a.change.pValue < 0.05 ? 'yes' : 'no',
              })}
            </div>
          )}
          {metric === 'csat' && typeof a.mean === 'number' && (
            <div className="sub">{t('feedback.mean', { mean: f.num(a.mean) })}</div>
          )}
          {metric === 'ces' && typeof a.agreePercent === 'number' && (
            <div className="sub">{t('feedback.agree', { pct: f.dec(a.agreePercent) })}</div>
          )}
        </>
      )}
    </div>
  );
}
