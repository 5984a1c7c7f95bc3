import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateLoyaltyTierRequest,
  LoyaltyTier,
  LoyaltyTierSettings,
} from '../../../../src/http/api-types';
import { del, get, getAll, patch, post } from '../../api/client';
import { useCan, useSession } from '../../api/session';
import { ChartPanel } from '../../charts/chart-panel';
import { ChoiceField } from '../../components/choice-field';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { minorPerMajor, useFormat } from '../../lib/format';

const BASES = ['points_earned', 'spend'] as const satisfies readonly LoyaltyTierSettings['basis'][];
const POLICIES = [
  'none',
  'period_end',
  'one_level',
] as const satisfies readonly LoyaltyTierSettings['downgrade'][];
const PERIODS = [
  'month',
  'quarter',
  'year',
] as const satisfies readonly LoyaltyTierSettings['reviewPeriod'][];
const BAR = '#1f5fbf';

/** Tiers: how they are earned and kept, the ladder with benefits, and how many customers hold each tier. */
export default function TiersTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useSession();
  const canWrite = useCan('loyalty:write');
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['loyalty-tier-settings'],
    queryFn: () => get<LoyaltyTierSettings>('/settings/loyalty-tiers'),
  });
  const tiers = useQuery({
    queryKey: ['loyalty-tiers'],
    queryFn: () => getAll<LoyaltyTier>('/loyalty/tiers'),
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/loyalty/tiers/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['loyalty-tiers'] }),
  });
  const rows = tiers.data?.items ?? [];
  const bySpend = settings.data?.basis === 'spend';
  const threshold = (tier: LoyaltyTier) =>
    bySpend
      ? f.money(tier.threshold, me.org.baseCurrency)
      : t('loyalty.tiers.points', { count: tier.threshold });

  return (
    <div className="stack">
      <p>{t('loyalty.tiers.help')}</p>
      {settings.data && <SettingsForm settings={settings.data} canWrite={canWrite} />}
      {(tiers.isError || settings.isError) && <ErrorMessage error={tiers.error ?? settings.error} />}
      <DataTable
        caption={t('loyalty.tiers.ladder')}
        rows={rows}
        rowKey={(r) => r.id}
        exportName="loyalty-tiers"
        empty={t('loyalty.tiers.none')}
        columns={[
          {
            key: 'name',
            header: t('loyalty.tiers.name'),
            render: (r) => <span className="free-text">{r.name}</span>,
            value: (r) => r.name,
          },
          { key: 'threshold', header: t('loyalty.tiers.threshold'), numeric: true, render: threshold },
          {
            key: 'benefits',
            header: t('loyalty.tiers.benefits'),
            render: (r) => (
              <span className="free-text">{r.benefits.map((b) => b.description).join('; ')}</span>
            ),
            value: (r) => r.benefits.map((b) => b.description).join('; '),
          },
          {
            key: 'members',
            header: t('loyalty.tiers.members'),
            numeric: true,
            render: (r) => f.int(r.members),
          },
          ...(canWrite
            ? [
                {
                  key: 'remove',
                  header: t('loyalty.tiers.actions'),
                  value: () => '',
                  render: (r: LoyaltyTier) => (
                    <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(r.id)}>
                      {t('loyalty.tiers.remove', { name: r.name })}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {remove.isError && <ErrorMessage error={remove.error} />}
      {rows.length > 0 && (
        <ChartPanel
          title={t('loyalty.tiers.membersChart')}
          option={{
            grid: { left: 8, right: 20, top: 20, bottom: 30, containLabel: true },
            xAxis: { type: 'category', data: rows.map((r) => r.name) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', itemStyle: { color: BAR }, data: rows.map((r) => r.members) }],
          }}
          table={{
            rows,
            rowKey: (r) => r.id,
            exportName: 'loyalty-tier-members',
            columns: [
              {
                key: 'name',
                header: t('loyalty.tiers.name'),
                render: (r) => <span className="free-text">{r.name}</span>,
                value: (r) => r.name,
              },
              {
                key: 'members',
                header: t('loyalty.tiers.members'),
                numeric: true,
                render: (r) => f.int(r.members),
              },
            ],
          }}
        />
      )}
      {canWrite && <TierForm bySpend={bySpend} />}
    </div>
  );
}

function SettingsForm({ settings, canWrite }: { settings: LoyaltyTierSettings; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(settings);
  useEffect(() => setForm(settings), [settings]);
  const save = useMutation({
    mutationFn: () => patch<LoyaltyTierSettings>('/settings/loyalty-tiers', form),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['loyalty-tier-settings'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const number = (
    key: 'windowDays' | 'downgradeNoticeDays' | 'expiryNoticeDays',
    min: number,
    max: number,
  ) => (
    <label>
      {t(`loyalty.tiers.settings.${key}`)}
      <input
        type="number"
        min={min}
        max={max}
        required
        disabled={!canWrite}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('loyalty.tiers.settings.title')}</h2>
      <ChoiceField
        label={t('loyalty.tiers.settings.basis')}
        value={form.basis}
        choices={BASES}
        name={(c) => t(`loyalty.tiers.basis.${c}`)}
        onChange={(c) => setForm({ ...form, basis: c })}
        disabled={!canWrite}
      />
      {number('windowDays', 1, 3660)}
      <ChoiceField
        label={t('loyalty.tiers.settings.downgrade')}
        value={form.downgrade}
        choices={POLICIES}
        name={(c) => t(`loyalty.tiers.policy.${c}`)}
        onChange={(c) => setForm({ ...form, downgrade: c })}
        disabled={!canWrite}
      />
      <ChoiceField
        label={t('loyalty.tiers.settings.reviewPeriod')}
        value={form.reviewPeriod}
        choices={PERIODS}
        name={(c) => t(`loyalty.tiers.period.${c}`)}
        onChange={(c) => setForm({ ...form, reviewPeriod: c })}
        disabled={!canWrite}
      />
      {number('downgradeNoticeDays', 0, 365)}
      {number('expiryNoticeDays', 0, 365)}
      <p className="muted">{t(`loyalty.tiers.policyHelp.${form.downgrade}`)}</p>
      {canWrite && (
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
      )}
      {save.isSuccess && <p role="status">{t('loyalty.tiers.saved')}</p>}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function TierForm({ bySpend }: { bySpend: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const empty = { code: '', name: '', threshold: '', benefits: '' };
  const [form, setForm] = useState(empty);
  const save = useMutation({
    mutationFn: () => {
      const amount = Number(form.threshold.replace(',', '.'));
      const lines = form.benefits
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return post<LoyaltyTier>('/loyalty/tiers', {
        code: form.code.trim(),
        name: form.name.trim(),
        threshold: bySpend ? Math.round(amount * minorPerMajor(me.org.baseCurrency)) : Math.round(amount),
        benefits: lines.map((description, i) => ({ code: `${form.code.trim()}-${i + 1}`, description })),
      } satisfies CreateLoyaltyTierRequest);
    },
    onSuccess: () => {
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: ['loyalty-tiers'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('loyalty.tiers.add')}</h2>
      <label>
        {t('loyalty.tiers.code')}
        <input
          required
          pattern="[a-z0-9_\-]{1,40}"
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.tiers.name')}
        <input
          required
          maxLength={100}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </label>
      <label>
        {bySpend
          ? `${t('loyalty.tiers.thresholdSpend')} (${me.org.baseCurrency})`
          : t('loyalty.tiers.thresholdPoints')}
        <input
          required
          inputMode="decimal"
          value={form.threshold}
          onChange={(e) => setForm({ ...form, threshold: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.tiers.benefitsInput')}
        <textarea
          rows={3}
          value={form.benefits}
          onChange={(e) => setForm({ ...form, benefits: e.target.value })}
        />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('loyalty.tiers.addButton')}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
