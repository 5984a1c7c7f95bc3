import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  CustomerValue,
  FitRequest,
  FitStarted,
  ListValuesQuery,
  ValueDistribution,
  ValueReport,
} from '../../../../src/http/api-types';
import { apiUrl, get, type Page, post } from '../../api/client';
import { useOptionalQuery } from '../../api/optional';
import { useCan } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { PALETTE } from '../../charts/palette';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';
import { FitReport } from './fit-report';

/** What customers are worth: CLV distribution, tiers, the model fit and how well it predicted a holdout. */
export default function ValuePage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const canRun = useCan('analytics:run');
  const queryClient = useQueryClient();
  const report = useOptionalQuery<ValueReport>(['value', 'report'], '/analytics/value');
  const dist = useQuery({
    queryKey: ['value', 'distribution'],
    queryFn: () => get<ValueDistribution>('/analytics/value/distribution'),
  });
  const top = useQuery({
    queryKey: ['value', 'top'],
    queryFn: () =>
      get<Page<CustomerValue>>('/analytics/value/customers', {
        sort: '-clv',
        limit: 20,
      } satisfies ListValuesQuery),
  });
  const refit = useMutation({
    mutationFn: () => post<FitStarted>('/analytics/value/fit', {} satisfies FitRequest),
    onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['value'] }), 5000),
  });
  const d = dist.data;
  const money = (v: number) => f.money(Math.round(v), d?.currency);
  const hist = (d?.histogram ?? []).map((b) => ({
    ...b,
    label: `${money(b.fromMinor)} – ${money(b.toMinor)}`,
  }));
  const holdout = report.data?.holdout;
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('value.title')}</h1>
        {canRun && (
          <button type="button" onClick={() => refit.mutate()} disabled={refit.isPending}>
            {t('value.refit')}
          </button>
        )}
      </div>
      {refit.isSuccess && <p role="status">{t('value.refitStarted')}</p>}
      {refit.isError && <ErrorMessage error={refit.error} />}
      {dist.isError && <ErrorMessage error={dist.error} />}
      {d && (
        <div className="kpis">
          <div className="kpi">
            <div className="label">{t('value.scored')}</div>
            <div className="value">{f.int(d.customers)}</div>
            <div className="sub">{d.scoredAt ? f.dateTime(d.scoredAt) : '—'}</div>
            <p className="sub">{t('value.explain.scored')}</p>
          </div>
          <div className="kpi">
            <div className="label">{t('value.meanClv')}</div>
            <div className="value">{money(d.clv.meanMinor)}</div>
            <p className="sub">{t('value.explain.meanClv')}</p>
          </div>
          <div className="kpi">
            <div className="label">{t('value.medianClv')}</div>
            <div className="value">{money(d.clv.p50Minor)}</div>
            <p className="sub">{t('value.explain.medianClv')}</p>
          </div>
          <div className="kpi">
            <div className="label">{t('value.p90Clv')}</div>
            <div className="value">{money(d.clv.p90Minor)}</div>
            <p className="sub">{t('value.explain.p90Clv')}</p>
          </div>
        </div>
      )}
      <div className="grid">
        <ChartPanel
          title={t('value.distribution')}
          note={t('value.explain.distribution')}
          option={{
            tooltip: {},
            grid: { left: 50, right: 20, top: 20, bottom: 60 },
            xAxis: {
              type: 'category',
              data: hist.map((b) => money(b.fromMinor)),
              axisLabel: { rotate: 40, hideOverlap: true },
            },
            yAxis: { type: 'value' },
            series: [{ type: 'bar', data: hist.map((b) => b.customers), color: PALETTE[0] }],
          }}
          table={{
            rows: hist,
            rowKey: (r) => String(r.fromMinor),
            exportName: 'clv-distribution',
            columns: [
              { key: 'label', header: t('value.clvRange') },
              {
                key: 'customers',
                header: t('lifecycle.customers'),
                numeric: true,
                render: (r) => f.int(r.customers),
              },
            ],
          }}
        />
        <ChartPanel
          title={t('value.tiers')}
          note={t('value.explain.tiers')}
          option={{
            tooltip: {},
            grid: { left: 90, right: 20, top: 10, bottom: 30 },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: (d?.tiers ?? []).map((x) => labels.tier(x.tier)) },
            series: [{ type: 'bar', data: (d?.tiers ?? []).map((x) => x.customers), color: PALETTE[2] }],
          }}
          table={{
            rows: d?.tiers ?? [],
            rowKey: (r) => r.tier,
            exportName: 'tiers',
            columns: [
              {
                key: 'tier',
                header: t('customers.tier'),
                value: (r) => labels.tier(r.tier),
                render: (r) => labels.tier(r.tier),
              },
              {
                key: 'customers',
                header: t('lifecycle.customers'),
                numeric: true,
                render: (r) => f.int(r.customers),
              },
              { key: 'share', header: t('feedback.share'), numeric: true, render: (r) => f.pct(r.share) },
              {
                key: 'clvMinor',
                header: t('value.meanClv'),
                numeric: true,
                render: (r) => money(r.clvMinor),
              },
              {
                key: 'profitabilityMinor',
                header: t('value.profitability'),
                numeric: true,
                render: (r) => money(r.profitabilityMinor),
              },
            ],
          }}
        />
      </div>
      {holdout && (
        <ChartPanel
          title={t('value.holdout')}
          note={`${t('value.explain.holdout')} ${t('value.holdoutNote', {
            from: f.date(`${holdout.from}T12:00:00Z`),
            until: f.date(`${holdout.until}T12:00:00Z`),
            error: f.dec(holdout.aggregateErrorPercent.bgnbd ?? null),
          })}`}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 50, right: 20, top: 20, bottom: 50 },
            xAxis: {
              type: 'category',
              data: holdout.groups.map((g) => g.frequency),
              name: t('value.calibrationPurchases'),
              nameLocation: 'middle',
              nameGap: 25,
            },
            yAxis: { type: 'value' },
            series: [
              {
                type: 'bar',
                name: t('value.actual'),
                data: holdout.groups.map((g) => round2(g.actual)),
                color: PALETTE[7],
              },
              {
                type: 'line',
                name: t('value.models.bgnbd'),
                data: holdout.groups.map((g) => round2(g.predicted.bgnbd)),
                color: PALETTE[0],
              },
              {
                type: 'line',
                name: t('value.models.paretoNbd'),
                data: holdout.groups.map((g) => round2(g.predicted.paretoNbd)),
                color: PALETTE[1],
              },
            ],
          }}
          table={{
            rows: holdout.groups,
            rowKey: (r) => r.frequency,
            exportName: 'value-holdout',
            columns: [
              { key: 'frequency', header: t('value.calibrationPurchases') },
              {
                key: 'customers',
                header: t('lifecycle.customers'),
                numeric: true,
                render: (r) => f.int(r.customers),
              },
              { key: 'actual', header: t('value.actual'), numeric: true, render: (r) => f.num(r.actual) },
              {
                key: 'bgnbd',
                header: t('value.models.bgnbd'),
                numeric: true,
                value: (r) => r.predicted.bgnbd,
                render: (r) => f.num(r.predicted.bgnbd),
              },
              {
                key: 'paretoNbd',
                header: t('value.models.paretoNbd'),
                numeric: true,
                value: (r) => r.predicted.paretoNbd,
                render: (r) => f.num(r.predicted.paretoNbd),
              },
            ],
          }}
        />
      )}
      {report.data && <FitReport report={report.data} />}
      {report.data === null && <p className="muted">{t('value.noFit')}</p>}
      <p className="muted">{t('value.explain.top')}</p>
      <DataTable
        caption={t('value.top')}
        rows={top.data?.items ?? []}
        rowKey={(r) => r.externalId}
        exportUrl={apiUrl('/exports/customer-values', { sort: '-clv', locale: i18n.language })}
        columns={[
          {
            key: 'externalId',
            header: t('customers.externalId'),
            render: (r) => <Link to={`/customers/${encodeURIComponent(r.externalId)}`}>{r.externalId}</Link>,
          },
          {
            key: 'tier',
            header: t('customers.tier'),
            value: (r) => labels.tier(r.tier),
            render: (r) => labels.tier(r.tier),
          },
          { key: 'clvMinor', header: t('value.clv'), numeric: true, render: (r) => money(r.clvMinor) },
          {
            key: 'aliveProbability',
            header: t('value.pAlive'),
            numeric: true,
            render: (r) => f.pct(r.aliveProbability),
          },
          {
            key: 'expectedPurchases',
            header: t('value.expectedPurchases'),
            numeric: true,
            render: (r) => f.num(r.expectedPurchases),
          },
          {
            key: 'profitabilityMinor',
            header: t('value.profitability'),
            numeric: true,
            render: (r) => money(r.profitabilityMinor),
          },
        ]}
      />
    </section>
  );
}

const round2 = (v: number | undefined) => (v === undefined ? null : Math.round(v * 100) / 100);
