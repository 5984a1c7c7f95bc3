import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FeedbackFilters, TextTopicsAnswer, TextTopicsQuery } from '../../../src/http/api-types';
import { get } from '../api/client';
import { ChartPanel } from '../charts/chart-panel';
import { PALETTE } from '../charts/palette';
import { ErrorMessage } from '../components/error-message';
import { useFormat } from '../lib/format';

type TopicItem = TextTopicsAnswer['items'][number];

export function useTopics(filters: FeedbackFilters) {
  return useQuery({
    queryKey: ['topics', filters.from, filters.to],
    queryFn: () =>
      get<TextTopicsAnswer>('/analytics/text/topics', {
        from: filters.from,
        to: filters.to,
      } satisfies TextTopicsQuery),
  });
}

export const topicName = (item: Pick<TopicItem, 'name' | 'key'>, locale: string) =>
  item.name[locale] ?? item.name.en ?? item.key;

/** Topic shares month by month, and each topic's effect on NPS. */
export function TopicsPanel({ filters }: { filters: FeedbackFilters }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const topics = useTopics(filters);
  if (topics.isError) return <ErrorMessage error={topics.error} />;
  if (!topics.data) return <p className="loading">{t('common.loading')}</p>;
  if (topics.data.suppressed) return <p className="muted">{t('feedback.tooFew')}</p>;
  const items = topics.data.items;
  const months = [...new Set(items.flatMap((i) => i.trend.map((x) => x.month)))].sort();
  const trendRows = months.map((m) => ({
    month: m,
    ...Object.fromEntries(items.map((i) => [i.key, i.trend.find((x) => x.month === m)?.share ?? 0])),
  })) as ({ month: string } & Record<string, number>)[];
  const byEffect = [...items]
    .filter((i) => i.effect.effect !== null)
    .sort((a, b) => a.effect.effect! - b.effect.effect!);
  const name = (i: TopicItem) => topicName(i, i18n.language);
  return (
    <div className="stack">
      <ChartPanel
        title={t('feedback.topicTrends')}
        option={{
          tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.pct(v) },
          legend: { type: 'scroll', bottom: 0 },
          grid: { left: 50, right: 20, top: 20, bottom: 60 },
          xAxis: { type: 'category', data: months.map((m) => f.month(m)) },
          yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.pct(v) } },
          series: items.map((i, k) => ({
            type: 'line',
            name: name(i),
            color: PALETTE[k % PALETTE.length],
            data: trendRows.map((r) => r[i.key]),
          })),
        }}
        table={{
          rows: trendRows,
          rowKey: (r) => r.month,
          exportName: 'topic-trends',
          columns: [
            { key: 'month', header: t('feedback.month'), render: (r) => f.month(r.month) },
            ...items.map((i) => ({
              key: i.key,
              header: name(i),
              numeric: true,
              render: (r: Record<string, number>) => f.pct(r[i.key]),
            })),
          ],
        }}
      />
      <ChartPanel
        title={t('feedback.topicEffects')}
        note={t('feedback.topicEffectsNote')}
        option={{
          tooltip: {},
          grid: { left: 140, right: 30, top: 10, bottom: 30 },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: byEffect.map(name) },
          series: [
            {
              type: 'bar',
              data: byEffect.map((i) => ({
                value: Math.round((i.effect.effect ?? 0) * 10) / 10,
                itemStyle: { color: (i.effect.effect ?? 0) < 0 ? '#c92a2a' : '#2b8a3e' },
              })),
            },
          ],
        }}
        table={{
          rows: items,
          rowKey: (r) => r.id,
          exportName: 'topic-effects',
          columns: [
            { key: 'key', header: t('feedback.topic'), render: name, value: name },
            { key: 'n', header: t('feedback.mentions.all'), numeric: true, render: (r) => f.int(r.n) },
            { key: 'share', header: t('feedback.share'), numeric: true, render: (r) => f.pct(r.share) },
            {
              key: 'with',
              header: t('feedback.npsWith'),
              numeric: true,
              value: (r) => r.effect.scoreWith,
              render: (r) => f.dec(r.effect.scoreWith),
            },
            {
              key: 'without',
              header: t('feedback.npsWithout'),
              numeric: true,
              value: (r) => r.effect.scoreWithout,
              render: (r) => f.dec(r.effect.scoreWithout),
            },
            {
              key: 'effect',
              header: t('feedback.effect'),
              numeric: true,
              value: (r) => r.effect.effect,
              render: (r) => f.dec(r.effect.effect),
            },
            {
              key: 'p',
              header: 'p',
              numeric: true,
              value: (r) => r.effect.pValue,
              render: (r) => f.num(r.effect.pValue),
            },
          ],
        }}
      />
    </div>
  );
}
