import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateOfferRequest, Offer, OfferResults } from '../../../../src/http/api-types';
import { get, type Page, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { ChoiceField } from '../../components/choice-field';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';

const SHOWN_COLOR = '#1f5fbf';
const HOLDOUT_COLOR = '#9aa5b1';
const KINDS = ['discount', 'product', 'perk'] as const;
const SOURCES = ['rules', 'recommendation'] as const;
const STAGES = ['potential', 'visitor', 'buyer', 'regular', 'loyal', 'lost'] as const;

/**
 * Offers and what each one adds: conversion of the customers shown it against those held out, the
 * difference with its 95% interval (Newcombe) and the revenue per customer it adds (Welch); a new
 * offer, and its e-mail to the customers it is for.
 */
export default function OffersTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('loyalty:write');
  const results = useQuery({
    queryKey: ['offer-results'],
    queryFn: () => get<Page<OfferResults>>('/loyalty/offer-results', { limit: 100 }),
  });
  const rows = results.data?.items ?? [];
  const interval = (x: { difference: number; ci95: [number, number] } | null, fmt: (v: number) => string) =>
    x
      ? t('loyalty.offers.withInterval', { value: fmt(x.difference), lo: fmt(x.ci95[0]), hi: fmt(x.ci95[1]) })
      : '—';
  const pp = (v: number) => f.pct(v);
  const money = (v: number) => f.money(Math.round(v));
  return (
    <div className="stack">
      <p>{t('loyalty.offers.help')}</p>
      {results.isError && <ErrorMessage error={results.error} />}
      <ChartPanel
        title={t('loyalty.offers.chart')}
        note={t('loyalty.offers.chartNote')}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { data: [t('loyalty.offers.shownRate'), t('loyalty.offers.holdoutRate')] },
          grid: { left: 8, right: 20, top: 40, bottom: 20, containLabel: true },
          xAxis: { type: 'category', data: rows.map((r) => r.name) },
          yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => f.pct(v) } },
          series: [
            {
              name: t('loyalty.offers.shownRate'),
              type: 'bar',
              itemStyle: { color: SHOWN_COLOR },
              data: rows.map((r) => r.shown.conversionRate ?? 0),
            },
            {
              name: t('loyalty.offers.holdoutRate'),
              type: 'bar',
              itemStyle: { color: HOLDOUT_COLOR },
              data: rows.map((r) => r.holdout.conversionRate ?? 0),
            },
          ],
        }}
        table={{
          rows,
          rowKey: (r) => r.offerId,
          exportName: 'offer-conversion-chart',
          columns: [
            {
              key: 'name',
              header: t('loyalty.offers.offer'),
              render: (r) => <span className="free-text">{r.name}</span>,
              value: (r) => r.name,
            },
            {
              key: 'shown',
              header: t('loyalty.offers.shownRate'),
              numeric: true,
              render: (r) => f.pct(r.shown.conversionRate),
            },
            {
              key: 'holdout',
              header: t('loyalty.offers.holdoutRate'),
              numeric: true,
              render: (r) => f.pct(r.holdout.conversionRate),
            },
          ],
        }}
      />
      <DataTable
        caption={t('loyalty.offers.list', { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.offerId}
        exportName="offer-results"
        empty={t('loyalty.offers.none')}
        columns={[
          {
            key: 'name',
            header: t('loyalty.offers.offer'),
            render: (r) => <span className="free-text">{r.name}</span>,
            value: (r) => r.name,
          },
          {
            key: 'verdict',
            header: t('loyalty.offers.verdictColumn'),
            render: (r) => t(`loyalty.offers.verdict.${r.verdict}`),
          },
          {
            key: 'shownN',
            header: t('loyalty.offers.shownN'),
            numeric: true,
            render: (r) => f.int(r.shown.n),
          },
          {
            key: 'holdoutN',
            header: t('loyalty.offers.holdoutN'),
            numeric: true,
            render: (r) => f.int(r.holdout.n),
          },
          {
            key: 'shownRate',
            header: t('loyalty.offers.shownRate'),
            numeric: true,
            render: (r) => f.pct(r.shown.conversionRate),
          },
          {
            key: 'holdoutRate',
            header: t('loyalty.offers.holdoutRate'),
            numeric: true,
            render: (r) => f.pct(r.holdout.conversionRate),
          },
          {
            key: 'incremental',
            header: t('loyalty.offers.incremental'),
            render: (r) => interval(r.incrementalConversion, pp),
          },
          {
            key: 'revenue',
            header: t('loyalty.offers.incrementalRevenue'),
            render: (r) => interval(r.incrementalRevenuePerCustomerMinor, money),
          },
          {
            key: 'emailed',
            header: t('loyalty.offers.emailed'),
            numeric: true,
            render: (r) => f.int(r.shown.emailed + r.holdout.emailed),
          },
        ]}
      />
      {canWrite && <OfferActions />}
    </div>
  );
}

/** A new offer, and the e-mail of a running one. */
function OfferActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const offers = useQuery({
    queryKey: ['offers'],
    queryFn: () => get<Page<Offer>>('/loyalty/offers', { limit: 100 }),
  });
  const [form, setForm] = useState({
    name: '',
    description: '',
    kind: 'discount' as (typeof KINDS)[number],
    source: 'rules' as (typeof SOURCES)[number],
    stage: '',
    holdoutShare: 0.1,
    conversionWindowDays: 14,
  });
  const [toSend, setToSend] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const body: CreateOfferRequest = {
        name: form.name,
        description: form.description,
        kind: form.kind,
        source: form.source,
        stages: form.stage ? [form.stage] : [],
        holdoutShare: form.holdoutShare,
        conversionWindowDays: form.conversionWindowDays,
        startsAt: new Date().toISOString(),
      };
      return post<Offer>('/loyalty/offers', body);
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['offers'] });
      queryClient.invalidateQueries({ queryKey: ['offer-results'] });
    },
  });
  const send = useMutation({ mutationFn: (id: string) => post(`/loyalty/offers/${id}/send`) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <form className="card form" onSubmit={submit}>
        <h2>{t('loyalty.offers.create')}</h2>
        <label>
          {t('loyalty.offers.name')}
          <input
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label>
          {t('loyalty.offers.description')}
          <textarea
            maxLength={4000}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
          />
        </label>
        <ChoiceField
          label={t('loyalty.offers.kind')}
          value={form.kind}
          choices={KINDS}
          name={(c) => t(`loyalty.offers.kinds.${c}`)}
          onChange={(c) => setForm({ ...form, kind: c })}
        />
        <ChoiceField
          label={t('loyalty.offers.source')}
          value={form.source}
          choices={SOURCES}
          name={(c) => t(`loyalty.offers.sources.${c}`)}
          onChange={(c) => setForm({ ...form, source: c })}
        />
        <label>
          {t('loyalty.offers.stage')}
          <select value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value })}>
            <option value="">{t('loyalty.offers.anyStage')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('loyalty.offers.holdoutShare')}
          <input
            type="number"
            min={0}
            max={0.5}
            step={0.01}
            value={form.holdoutShare}
            onChange={(e) => setForm({ ...form, holdoutShare: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('loyalty.offers.windowDays')}
          <input
            type="number"
            min={1}
            max={365}
            value={form.conversionWindowDays}
            onChange={(e) => setForm({ ...form, conversionWindowDays: Number(e.target.value) })}
          />
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('loyalty.offers.add')}
        </button>
        {create.isSuccess && <p role="status">{t('loyalty.offers.created')}</p>}
        {create.isError && <ErrorMessage error={create.error} />}
      </form>
      <div className="card form">
        <h2>{t('loyalty.offers.send')}</h2>
        <p>{t('loyalty.offers.sendHelp')}</p>
        <label>
          {t('loyalty.offers.offer')}
          <select value={toSend} onChange={(e) => setToSend(e.target.value)}>
            <option value="">—</option>
            {(offers.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!toSend || send.isPending} onClick={() => send.mutate(toSend)}>
          {t('loyalty.offers.sendNow')}
        </button>
        {send.isSuccess && <p role="status">{t('loyalty.offers.sent')}</p>}
        {send.isError && <ErrorMessage error={send.error} />}
      </div>
    </>
  );
}
