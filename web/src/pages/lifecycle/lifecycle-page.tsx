import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleMonths, LifecycleQuery, LifecycleReport, Stage } from '../../../../src/http/api-types';
import { get } from '../../api/client';
import { ChartPanel } from '../../charts/chart-panel';
import { STAGE_COLORS } from '../../charts/palette';
import { ErrorMessage } from '../../components/error-message';
import { PeriodPicker } from '../../components/period-picker';
import { STAGES } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { endOfDay, startOfDay, usePeriod } from '../../lib/period';

/** Stage counts, the funnel of how far customers got, and who moved where between two dates. */
export default function LifecyclePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod(90);
  const report = useQuery({
    queryKey: ['lifecycle', period.from, period.to],
    queryFn: () =>
      get<LifecycleReport>('/analytics/lifecycle', {
        from: startOfDay(period.from),
        to: endOfDay(period.to),
      } satisfies LifecycleQuery),
  });
  // The last 24 months, whatever the period: how the customer base moved over time.
  const months = useQuery({
    queryKey: ['lifecycle-months'],
    queryFn: () => get<LifecycleMonths>('/analytics/lifecycle/months'),
  });
  const data = report.data;
  const stageName = useLabels().stage;
  const counts = useMemo(() => STAGES.map((s) => ({ stage: s, count: data?.counts[s] ?? 0 })), [data]);
  // Reached at least this stage: everyone now at it or beyond (the lost had bought before).
  const funnel = useMemo(() => {
    const at = (s: Stage) => data?.counts[s] ?? 0;
    const reached = {
      potential: counts.reduce((sum, x) => sum + x.count, 0),
      visitor: at('visitor') + at('buyer') + at('regular') + at('loyal') + at('lost'),
      buyer: at('buyer') + at('regular') + at('loyal') + at('lost'),
      regular: at('regular') + at('loyal'),
      loyal: at('loyal'),
    };
    return Object.entries(reached).map(([stage, count]) => ({ stage, count }));
  }, [data, counts]);
  const transitions = data?.transitions ?? [];

  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('lifecycle.title')}</h1>
        <PeriodPicker from={period.from} to={period.to} onChange={period.set} />
      </div>
      {report.isError && <ErrorMessage error={report.error} />}
      <div className="kpis">
        {counts.map((c) => (
          <div className="kpi" key={c.stage}>
            <div className="label">{stageName(c.stage)}</div>
            <div className="value">{f.int(c.count)}</div>
          </div>
        ))}
      </div>
      <div className="grid">
        <ChartPanel
          title={t('lifecycle.counts')}
          option={{
            tooltip: {},
            grid: { left: 90, right: 20, top: 10, bottom: 30 },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: counts.map((c) => stageName(c.stage)), inverse: true },
            series: [
              {
                type: 'bar',
                data: counts.map((c) => ({ value: c.count, itemStyle: { color: STAGE_COLORS[c.stage] } })),
              },
            ],
          }}
          table={{
            rows: counts,
            rowKey: (r) => r.stage,
            exportName: 'lifecycle-stages',
            columns: [
              {
                key: 'stage',
                header: t('customers.stage'),
                render: (r) => stageName(r.stage),
                value: (r) => r.stage,
              },
              {
                key: 'count',
                header: t('lifecycle.customers'),
                numeric: true,
                render: (r) => f.int(r.count),
              },
            ],
          }}
        />
        <ChartPanel
          title={t('lifecycle.funnel')}
          option={{
            tooltip: {},
            series: [
              {
                type: 'funnel',
                sort: 'none',
                left: '5%',
                width: '55%',
                minSize: '8%',
                label: { formatter: (p: { name: string; value: number }) => `${p.name}: ${f.int(p.value)}` },
                data: funnel.map((x) => ({
                  name: stageName(x.stage),
                  value: x.count,
                  itemStyle: { color: STAGE_COLORS[x.stage] },
                })),
              },
            ],
          }}
          table={{
            rows: funnel,
            rowKey: (r) => r.stage,
            exportName: 'lifecycle-funnel',
            columns: [
              {
                key: 'stage',
                header: t('lifecycle.reached'),
                render: (r) => stageName(r.stage),
                value: (r) => r.stage,
              },
              {
                key: 'count',
                header: t('lifecycle.customers'),
                numeric: true,
                render: (r) => f.int(r.count),
              },
            ],
          }}
        />
      </div>
      {months.isError && <ErrorMessage error={months.error} />}
      <ChartPanel
        title={t('lifecycle.byMonth')}
        note={t('lifecycle.byMonthNote')}
        height={360}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { data: STAGES.map(stageName), bottom: 0 },
          grid: { left: 60, right: 20, top: 10, bottom: 60 },
          xAxis: {
            type: 'category',
            boundaryGap: false,
            data: (months.data?.months ?? []).map((m) => f.month(m.month)),
          },
          yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.int(v) } },
          series: STAGES.map((s) => ({
            name: stageName(s),
            type: 'line',
            stack: 'stages',
            areaStyle: {},
            symbol: 'none',
            itemStyle: { color: STAGE_COLORS[s] },
            data: (months.data?.months ?? []).map((m) => m.counts[s]),
          })),
        }}
        table={{
          rows: months.data?.months ?? [],
          rowKey: (r) => r.month,
          exportName: 'lifecycle-by-month',
          columns: [
            {
              key: 'month',
              header: t('lifecycle.month'),
              render: (r) => f.month(r.month),
              value: (r) => r.month,
            },
            ...STAGES.map((s) => ({
              key: s,
              header: stageName(s),
              numeric: true,
              render: (r: LifecycleMonths['months'][number]) => f.int(r.counts[s]),
              value: (r: LifecycleMonths['months'][number]) => r.counts[s],
            })),
          ],
        }}
      />
      <ChartPanel
        title={t('lifecycle.migrations', {
          from: f.date(startOfDay(period.from)),
          to: f.date(startOfDay(period.to)),
        })}
        height={420}
        option={sankeyOption(transitions, stageName, f.int)}
        table={{
          rows: transitions,
          rowKey: (r) => `${r.from}-${r.to}`,
          exportName: 'lifecycle-migrations',
          columns: [
            {
              key: 'from',
              header: t('lifecycle.fromStage'),
              render: (r) => stageName(r.from),
              value: (r) => r.from,
            },
            { key: 'to', header: t('lifecycle.toStage'), render: (r) => stageName(r.to), value: (r) => r.to },
            { key: 'count', header: t('lifecycle.customers'), numeric: true, render: (r) => f.int(r.count) },
          ],
        }}
      />
    </section>
  );
}

/** Stages at the start on the left, at the end on the right: a flow that can never loop. */
function sankeyOption(
  transitions: LifecycleReport['transitions'],
  stageName: (s: string) => string,
  count: (n: number) => string,
) {
  const used = new Set<string>();
  for (const x of transitions) {
    used.add(`a:${x.from}`);
    used.add(`b:${x.to}`);
  }
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: {
        dataType?: string;
        name: string;
        value: number;
        data: { source?: string; target?: string };
      }) =>
        p.dataType === 'edge'
          ? `${stageName(p.data.source!.slice(2))} → ${stageName(p.data.target!.slice(2))}: ${count(p.value)}`
          : stageName(p.name.slice(2)),
    },
    series: [
      {
        type: 'sankey',
        left: 10,
        right: 110,
        nodeAlign: 'justify',
        data: [...used].map((id) => ({
          name: id,
          itemStyle: { color: STAGE_COLORS[id.slice(2)] },
          label: { formatter: stageName(id.slice(2)) },
        })),
        links: transitions.map((x) => ({ source: `a:${x.from}`, target: `b:${x.to}`, value: x.count })),
        lineStyle: { color: 'gradient', opacity: 0.4 },
      },
    ],
  };
}
