import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateGoodwillBudgetRequest,
  GoodwillBudget,
  GoodwillGrant,
} from '../../../../src/http/api-types';
import { del, getAll, post } from '../../api/client';
import { useCan, useSession } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { minorPerMajor, useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';

const PERIODS = ['month', 'quarter', 'year'] as const;

/** Goodwill budgets per service tier with what each period has used, and the latest gestures. */
export default function GoodwillTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const budgets = useQuery({
    queryKey: ['goodwill-budgets'],
    queryFn: () => getAll<GoodwillBudget>('/goodwill/budgets'),
  });
  const grants = useQuery({
    queryKey: ['goodwill-grants'],
    queryFn: () => getAll<GoodwillGrant>('/goodwill/grants', { limit: 50 }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/goodwill/budgets/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['goodwill-budgets'] }),
  });
  return (
    <div className="stack">
      <p>{t('goodwill.help')}</p>
      {canWrite && <BudgetForm />}
      {(budgets.isError || remove.isError) && <ErrorMessage error={budgets.error ?? remove.error} />}
      <DataTable
        caption={t('goodwill.budgets')}
        rows={budgets.data?.items ?? []}
        rowKey={(b) => b.id}
        exportName="goodwill-budgets"
        columns={[
          { key: 'tier', header: t('goodwill.tier'), render: (b) => labels.tier(b.tier) },
          { key: 'period', header: t('goodwill.period'), render: (b) => t(`goodwill.periods.${b.period}`) },
          {
            key: 'pool',
            header: t('goodwill.pool'),
            numeric: true,
            render: (b) => f.money(b.poolMinor, b.currency),
          },
          {
            key: 'perCustomer',
            header: t('goodwill.perCustomer'),
            numeric: true,
            render: (b) => (b.perCustomerMinor === null ? '—' : f.money(b.perCustomerMinor, b.currency)),
          },
          {
            key: 'spent',
            header: t('goodwill.spent'),
            numeric: true,
            render: (b) =>
              `${f.money(b.spentMinor, b.currency)} (${f.pct(b.poolMinor ? b.spentMinor / b.poolMinor : 0)})`,
          },
          { key: 'since', header: t('goodwill.since'), render: (b) => f.date(b.currentPeriodStart) },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (b: GoodwillBudget) => (
                    <button type="button" onClick={() => remove.mutate(b.id)}>
                      {t('common.delete')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DataTable
        caption={t('goodwill.latest')}
        rows={grants.data?.items ?? []}
        rowKey={(g) => g.id}
        exportName="goodwill-grants"
        columns={[
          { key: 'grantedAt', header: t('goodwill.when'), render: (g) => f.dateTime(g.grantedAt) },
          { key: 'kind', header: t('goodwill.kind'), render: (g) => t(`goodwill.kinds.${g.kind}`) },
          { key: 'tier', header: t('goodwill.tier'), render: (g) => labels.tier(g.tier) },
          {
            key: 'amount',
            header: t('goodwill.amountShort'),
            numeric: true,
            render: (g) => f.money(g.amountMinor, g.currency),
          },
          {
            key: 'case',
            header: t('goodwill.case'),
            value: () => '',
            render: (g) => <Link to={`/cases/${g.caseId}`}>{t('goodwill.openCase')}</Link>,
          },
        ]}
      />
    </div>
  );
}

function BudgetForm() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    tier: 'standard',
    period: 'month' as (typeof PERIODS)[number],
    pool: '',
    perCustomer: '',
  });
  const minor = (v: string) => Math.round(Number(v.replace(',', '.')) * minorPerMajor(me.org.baseCurrency));
  const save = useMutation({
    mutationFn: () =>
      post<GoodwillBudget>('/goodwill/budgets', {
        tier: form.tier,
        period: form.period,
        poolMinor: minor(form.pool),
        perCustomerMinor: form.perCustomer ? minor(form.perCustomer) : null,
      } satisfies CreateGoodwillBudgetRequest),
    onSuccess: () => {
      setForm({ ...form, pool: '', perCustomer: '' });
      void queryClient.invalidateQueries({ queryKey: ['goodwill-budgets'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('goodwill.addBudget')}</h2>
      <label>
        {t('goodwill.tier')}
        <input required value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value })} />
      </label>
      <label>
        {t('goodwill.period')}
        <select
          value={form.period}
          onChange={(e) => setForm({ ...form, period: e.target.value as (typeof PERIODS)[number] })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`goodwill.periods.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('goodwill.pool')} ({me.org.baseCurrency})
        <input
          required
          inputMode="decimal"
          value={form.pool}
          onChange={(e) => setForm({ ...form, pool: e.target.value })}
        />
      </label>
      <label>
        {t('goodwill.perCustomer')} ({me.org.baseCurrency})
        <input
          inputMode="decimal"
          value={form.perCustomer}
          onChange={(e) => setForm({ ...form, perCustomer: e.target.value })}
        />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('common.save')}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
