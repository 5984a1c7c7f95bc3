import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BasketRule,
  BasketRun,
  BasketSettings,
  MineBasketRulesResponse,
} from '../../../../src/http/api-types';
import { get, type Page, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';

const SHOWN = 100;
const POINT = '#1f5fbf';

/** The items of one side of a rule, as the shop names them. */
const namesOf = (names: readonly string[]) => names.join(' + ');

/**
 * Basket rules: "customers who buy A also buy c", best lower bound of lift first, the rules on a
 * confidence × lift chart, the latest mining and a button to mine again.
 */
export default function BasketTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('loyalty:write');
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const [item, setItem] = useState('');
  const rules = useQuery({
    queryKey: ['basket-rules', item],
    queryFn: () =>
      get<Page<BasketRule>>('/loyalty/basket-rules', { limit: SHOWN, ...(item ? { item } : {}) }),
  });
  const runs = useQuery({
    queryKey: ['basket-runs'],
    queryFn: () => get<Page<BasketRun>>('/loyalty/basket-rules/runs', { limit: 1 }),
    refetchInterval: (q) =>
      ['queued', 'running'].includes(q.state.data?.items[0]?.status ?? '') ? 2000 : false,
  });
  const mine = useMutation({
    mutationFn: () => post<MineBasketRulesResponse>('/loyalty/basket-rules/mine'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['basket-runs'] }),
  });
  const latest = runs.data?.items[0];
  const rows = rules.data?.items ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setItem(filter.trim());
  };
  const ruleText = (r: BasketRule) => `${namesOf(r.antecedentNames)} → ${r.consequentName}`;

  return (
    <div className="stack">
      <p>{t('loyalty.basket.help')}</p>
      <div className="card">
        <h2>{t('loyalty.basket.latestRun')}</h2>
        {latest ? (
          <p>
            {t(`loyalty.basket.status.${latest.status}`)} ·{' '}
            {f.dateTime(latest.finishedAt ?? latest.createdAt)}
            {latest.status === 'done' &&
              ` · ${t('loyalty.basket.runFigures', {
                baskets: latest.baskets ?? 0,
                items: latest.items ?? 0,
                rules: latest.rules ?? 0,
              })}`}
          </p>
        ) : (
          <p className="muted">{t('loyalty.basket.neverMined')}</p>
        )}
        {canWrite && (
          <button type="button" disabled={mine.isPending} onClick={() => mine.mutate()}>
            {t('loyalty.basket.mineNow')}
          </button>
        )}
        {mine.isSuccess && <p role="status">{t('loyalty.basket.mining')}</p>}
        {mine.isError && <ErrorMessage error={mine.error} />}
      </div>
      <ThresholdsForm canWrite={canWrite} />
      <form className="form inline" onSubmit={submit}>
        <label>
          {t('loyalty.basket.filter')}
          <input value={filter} onChange={(e) => setFilter(e.target.value)} maxLength={200} />
        </label>
        <button type="submit">{t('loyalty.basket.apply')}</button>
      </form>
      {(rules.isError || runs.isError) && <ErrorMessage error={rules.error ?? runs.error} />}
      <ChartPanel
        title={t('loyalty.basket.chart')}
        note={t('loyalty.basket.chartNote')}
        option={{
          tooltip: {
            trigger: 'item',
            formatter: (p: { dataIndex: number }) => {
              const r = rows[p.dataIndex];
              return r
                ? `${ruleText(r)}<br/>${t('loyalty.basket.confidence')}: ${f.pct(r.confidence)}<br/>${t('loyalty.basket.lift')}: ${f.num(r.lift)}`
                : '';
            },
          },
          grid: { left: 8, right: 20, top: 20, bottom: 40, containLabel: true },
          xAxis: {
            type: 'value',
            name: t('loyalty.basket.confidence'),
            nameLocation: 'middle',
            nameGap: 28,
            min: 0,
            max: 1,
          },
          yAxis: { type: 'value', name: t('loyalty.basket.lift'), min: 0 },
          series: [
            {
              type: 'scatter',
              itemStyle: { color: POINT },
              symbolSize: (v: number[]) => 6 + Math.min(14, Math.sqrt(v[2] ?? 0)),
              data: rows.map((r) => [r.confidence, r.lift, r.count]),
            },
          ],
        }}
        table={{
          rows,
          rowKey: (r) => r.id,
          exportName: 'basket-rules-chart',
          columns: [
            {
              key: 'rule',
              header: t('loyalty.basket.rule'),
              render: (r) => <span className="free-text">{ruleText(r)}</span>,
              value: ruleText,
            },
            {
              key: 'confidence',
              header: t('loyalty.basket.confidence'),
              numeric: true,
              render: (r) => f.pct(r.confidence),
            },
            { key: 'lift', header: t('loyalty.basket.lift'), numeric: true, render: (r) => f.num(r.lift) },
          ],
        }}
      />
      <DataTable
        caption={t('loyalty.basket.rules', { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        exportName="basket-rules"
        empty={t('loyalty.basket.none')}
        columns={[
          {
            key: 'antecedent',
            header: t('loyalty.basket.antecedent'),
            render: (r) => <span className="free-text">{namesOf(r.antecedentNames)}</span>,
            value: (r) => namesOf(r.antecedentNames),
          },
          {
            key: 'consequent',
            header: t('loyalty.basket.consequent'),
            render: (r) => <span className="free-text">{r.consequentName}</span>,
            value: (r) => r.consequentName,
          },
          { key: 'count', header: t('loyalty.basket.baskets'), numeric: true, render: (r) => f.int(r.count) },
          {
            key: 'support',
            header: t('loyalty.basket.support'),
            numeric: true,
            render: (r) => f.pct(r.support),
          },
          {
            key: 'confidence',
            header: t('loyalty.basket.confidence'),
            numeric: true,
            render: (r) => f.pct(r.confidence),
          },
          { key: 'lift', header: t('loyalty.basket.lift'), numeric: true, render: (r) => f.num(r.lift) },
          {
            key: 'liftLower',
            header: t('loyalty.basket.liftLower'),
            numeric: true,
            render: (r) => f.num(r.liftLower),
          },
        ]}
      />
    </div>
  );
}

const FIELDS = [
  { key: 'minSupport', percent: true, min: 0.01, max: 100, step: 0.01 },
  { key: 'minConfidence', percent: true, min: 1, max: 100, step: 1 },
  { key: 'maxLength', percent: false, min: 2, max: 6, step: 1 },
  { key: 'windowDays', percent: false, min: 7, max: 3660, step: 1 },
  { key: 'recentBaskets', percent: false, min: 1, max: 50, step: 1 },
] as const;

/** The mining thresholds (shares shown as percentages), changed for the next mining. */
function ThresholdsForm({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['basket-settings'],
    queryFn: () => get<BasketSettings>('/settings/basket-rules'),
  });
  const [form, setForm] = useState<Record<string, string> | null>(null);
  const shown = (s: BasketSettings): Record<string, string> =>
    Object.fromEntries(
      FIELDS.map((f) => [f.key, String(f.percent ? +(s[f.key] * 100).toFixed(4) : s[f.key])]),
    );
  const values = form ?? (current.data ? shown(current.data) : null);
  const save = useMutation({
    mutationFn: (v: Record<string, string>) =>
      patch<BasketSettings>(
        '/settings/basket-rules',
        Object.fromEntries(FIELDS.map((f) => [f.key, f.percent ? Number(v[f.key]) / 100 : Number(v[f.key])])),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(['basket-settings'], data);
      setForm(null);
    },
  });
  if (!values) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(values);
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('loyalty.basket.thresholds')}</h2>
      {FIELDS.map((f) => (
        <label key={f.key}>
          {t(`loyalty.basket.settings.${f.key}`)}
          <input
            type="number"
            required
            disabled={!canWrite}
            min={f.min}
            max={f.max}
            step={f.step}
            value={values[f.key]}
            onChange={(e) => setForm({ ...values, [f.key]: e.target.value })}
          />
        </label>
      ))}
      {canWrite && (
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
      )}
      {save.isSuccess && <p role="status">{t('common.saved')}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
