import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatePerkRequest, Perk, PerkAssessment, PerkWorth } from '../../../../src/http/api-types';
import { get, getAll, post } from '../../api/client';
import { useCan, useSession } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { ChoiceField } from '../../components/choice-field';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { minorPerMajor, useFormat } from '../../lib/format';

const SOURCES = ['event', 'reward', 'tier', 'goodwill', 'offer'] as const;
const BALANCE_LIMIT = 0.1;
const ESTIMATE_COLOR = '#1f5fbf';
const INTERVAL_COLOR = '#5c6670';

/**
 * Is each perk worth it: the customers who got it against comparable customers who did not (matched on
 * what they were before it), the change in retention, purchases and revenue with 95% intervals, net of
 * the perk's cost, and the verdict in plain words; the balance of the match shown covariate by covariate.
 */
export default function PerksTab() {
  const { t } = useTranslation();
  const canWrite = useCan('loyalty:write');
  const perks = useQuery({ queryKey: ['perks'], queryFn: () => getAll<Perk>('/loyalty/perks') });
  const tiers = useQuery({
    queryKey: ['loyalty-tiers-names'],
    queryFn: () => getAll<{ code: string; name: string }>('/loyalty/tiers'),
  });
  const tierNames = new Map((tiers.data?.items ?? []).map((x) => [x.code, x.name]));
  const items = perks.data?.items ?? [];
  return (
    <div className="stack">
      <p>{t('loyalty.perks.help')}</p>
      {perks.isError && <ErrorMessage error={perks.error} />}
      {perks.isSuccess && !items.length && <p>{t('loyalty.perks.none')}</p>}
      {items.map((p) => (
        <PerkWorthCard key={p.id} perk={p} tierNames={tierNames} />
      ))}
      {canWrite && <NewPerk />}
    </div>
  );
}

/** One perk's assessment over the default period: read from what the job kept; asked again while pending. */
function PerkWorthCard({ perk, tierNames }: { perk: Perk; tierNames: Map<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  // The period last assessed, else the default one (which the first view asks the job for).
  const query = perk.latest
    ? { from: perk.latest.periodFrom, to: perk.latest.periodTo, window: perk.latest.windowDays }
    : undefined;
  const worth = useQuery({
    queryKey: ['perk-worth', perk.id, query],
    queryFn: () => get<PerkWorth>(`/loyalty/perks/${perk.id}/worth`, query),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 3000 : false),
  });
  const w = worth.data;
  const r = w?.result ?? null;
  return (
    <section className="card stack" aria-labelledby={`perk-${perk.id}`}>
      <h2 id={`perk-${perk.id}`}>
        <span className="free-text">{perk.name}</span>
      </h2>
      <p>
        {t('loyalty.perks.costLine', {
          cost: f.money(perk.costMinor, perk.currency),
          source: t(`loyalty.perks.sources.${perk.source}`),
        })}
      </p>
      {worth.isError && <ErrorMessage error={worth.error} />}
      {w && (
        <p>
          {t('loyalty.perks.period', {
            from: f.date(`${w.periodFrom}T12:00:00Z`),
            to: f.date(`${w.periodTo}T12:00:00Z`),
            days: w.windowDays,
          })}
        </p>
      )}
      {w?.status === 'pending' && !r && <p aria-busy="true">{t('loyalty.perks.pending')}</p>}
      {w?.status === 'failed' && <p role="alert">{t('loyalty.perks.failed')}</p>}
      {r && <Assessment result={r} tierNames={tierNames} perkId={perk.id} />}
    </section>
  );
}

function Assessment({
  result: r,
  tierNames,
  perkId,
}: {
  result: PerkAssessment;
  tierNames: Map<string, string>;
  perkId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const covariate = (name: string) =>
    name.startsWith('tier:')
      ? t('loyalty.perks.covariates.tier', { tier: tierNames.get(name.slice(5)) ?? name.slice(5) })
      : t(`loyalty.perks.covariates.${name}`);
  const smd = (v: number | null) => (v === null ? '∞' : f.num(v));
  const outcomeValue = (outcome: string, v: number) =>
    outcome === 'revenue' ? f.money(Math.round(v)) : outcome === 'retention' ? f.pct(v) : f.num(v);
  const rows = [
    ...r.outcomes.map((o) => ({
      key: o.outcome,
      label: t(`loyalty.perks.outcomes.${o.outcome}`),
      estimate: o.estimate,
      lo: o.ci95[0],
      hi: o.ci95[1],
      naive: o.naive as number | null,
      fmt: (v: number) => outcomeValue(o.outcome, v),
    })),
    ...(r.net
      ? [
          {
            key: 'net',
            label: t('loyalty.perks.outcomes.net'),
            estimate: r.net.estimate,
            lo: r.net.ci95[0],
            hi: r.net.ci95[1],
            naive: null,
            fmt: (v: number) => f.money(Math.round(v)),
          },
        ]
      : []),
  ];
  const money = rows.filter((x) => x.key === 'revenue' || x.key === 'net');
  return (
    <div className="stack">
      <p className={`verdict verdict-${r.verdict}`}>
        <strong>{t(`loyalty.perks.verdict.${r.verdict}`)}</strong> — {t(`loyalty.perks.reason.${r.reason}`)}
      </p>
      <p>
        {t('loyalty.perks.matchLine', {
          treated: r.treated,
          pairs: r.pairs,
          caliper: f.num(r.caliper),
          cost: f.money(Math.round(r.costPerCustomerMinor)),
        })}
      </p>
      <ChartPanel
        title={t('loyalty.perks.chart')}
        note={t('loyalty.perks.chartNote')}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 20, top: 30, bottom: 20, containLabel: true },
          xAxis: { type: 'category', data: money.map((x) => x.label) },
          yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.money(v) } },
          series: [
            {
              name: t('loyalty.perks.estimate'),
              type: 'bar',
              itemStyle: { color: ESTIMATE_COLOR },
              data: money.map((x) => Math.round(x.estimate)),
            },
            {
              name: t('loyalty.perks.low'),
              type: 'scatter',
              symbol: 'rect',
              symbolSize: [24, 2],
              itemStyle: { color: INTERVAL_COLOR },
              data: money.map((x) => Math.round(x.lo)),
            },
            {
              name: t('loyalty.perks.high'),
              type: 'scatter',
              symbol: 'rect',
              symbolSize: [24, 2],
              itemStyle: { color: INTERVAL_COLOR },
              data: money.map((x) => Math.round(x.hi)),
            },
          ],
        }}
        table={{
          rows: money,
          rowKey: (x) => x.key,
          exportName: `perk-${perkId}-net`,
          columns: [
            { key: 'label', header: t('loyalty.perks.outcome'), render: (x) => x.label },
            {
              key: 'estimate',
              header: t('loyalty.perks.estimate'),
              numeric: true,
              render: (x) => x.fmt(x.estimate),
            },
            { key: 'lo', header: t('loyalty.perks.low'), numeric: true, render: (x) => x.fmt(x.lo) },
            { key: 'hi', header: t('loyalty.perks.high'), numeric: true, render: (x) => x.fmt(x.hi) },
          ],
        }}
      />
      <DataTable
        caption={t('loyalty.perks.estimates')}
        rows={rows}
        rowKey={(x) => x.key}
        exportName={`perk-${perkId}-estimates`}
        columns={[
          { key: 'label', header: t('loyalty.perks.outcome'), render: (x) => x.label },
          {
            key: 'estimate',
            header: t('loyalty.perks.did'),
            render: (x) =>
              t('loyalty.perks.withInterval', { value: x.fmt(x.estimate), lo: x.fmt(x.lo), hi: x.fmt(x.hi) }),
          },
          {
            key: 'naive',
            header: t('loyalty.perks.naive'),
            render: (x) => (x.naive === null ? '—' : x.fmt(x.naive)),
          },
        ]}
      />
      <DataTable
        caption={t('loyalty.perks.balance')}
        rows={r.balance}
        rowKey={(b) => b.covariate}
        exportName={`perk-${perkId}-balance`}
        columns={[
          { key: 'covariate', header: t('loyalty.perks.covariate'), render: (b) => covariate(b.covariate) },
          {
            key: 'before',
            header: t('loyalty.perks.smdBefore'),
            numeric: true,
            render: (b) => smd(b.before),
          },
          { key: 'after', header: t('loyalty.perks.smdAfter'), numeric: true, render: (b) => smd(b.after) },
          {
            key: 'balanced',
            header: t('loyalty.perks.balancedColumn', { limit: f.num(BALANCE_LIMIT) }),
            render: (b) =>
              b.balanced ? `✓ ${t('loyalty.perks.balanced')}` : `✗ ${t('loyalty.perks.unbalanced')}`,
          },
        ]}
      />
    </div>
  );
}

/** A new perk: where its grants come from and what one costs. */
function NewPerk() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const currency = me.org.baseCurrency;
  const [form, setForm] = useState({
    code: '',
    name: '',
    source: 'event' as (typeof SOURCES)[number],
    sourceRef: '',
    cost: 0,
  });
  const create = useMutation({
    mutationFn: () => {
      const body: CreatePerkRequest = {
        code: form.code,
        name: form.name,
        source: form.source,
        sourceRef: form.sourceRef || undefined,
        costMinor: Math.round(form.cost * minorPerMajor(currency)),
        currency,
      };
      return post<Perk>('/loyalty/perks', body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['perks'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('loyalty.perks.create')}</h2>
      <label>
        {t('loyalty.perks.code')}
        <input
          required
          pattern="[a-z0-9_\-]{1,60}"
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.perks.name')}
        <input
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </label>
      <ChoiceField
        label={t('loyalty.perks.source')}
        value={form.source}
        choices={SOURCES}
        name={(c) => t(`loyalty.perks.sources.${c}`)}
        onChange={(c) => setForm({ ...form, source: c })}
      />
      <label>
        {t(`loyalty.perks.sourceRef.${form.source}`)}
        <input
          required={form.source !== 'event' && form.source !== 'goodwill'}
          maxLength={200}
          value={form.sourceRef}
          onChange={(e) => setForm({ ...form, sourceRef: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.perks.cost', { currency })}
        <input
          type="number"
          min={0}
          step="any"
          value={form.cost}
          onChange={(e) => setForm({ ...form, cost: Number(e.target.value) })}
        />
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('loyalty.perks.add')}
      </button>
      {create.isSuccess && <p role="status">{t('loyalty.perks.created')}</p>}
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}
