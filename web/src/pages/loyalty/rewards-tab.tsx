import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateLoyaltyRewardRequest, LoyaltyReward, Redemption } from '../../../../src/http/api-types';
import { get, getAll, type Page, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ChoiceField } from '../../components/choice-field';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { Link } from '../../lib/router';

const LIMIT_PERIODS = [
  'day',
  'week',
  'month',
  'year',
  'ever',
] as const satisfies readonly LoyaltyReward['limitPeriod'][];
const PAGE = 50;

/** Rewards: the catalogue with stock and limits, and the redemptions made, newest first, each cancellable. */
export default function RewardsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const canWrite = useCan('loyalty:write');
  const queryClient = useQueryClient();
  const rewards = useQuery({
    queryKey: ['loyalty-rewards'],
    queryFn: () => getAll<LoyaltyReward>('/loyalty/rewards'),
  });
  const redemptions = useInfiniteQuery({
    queryKey: ['loyalty-redemptions'],
    queryFn: ({ pageParam }) =>
      get<Page<Redemption>>('/loyalty/redemptions', {
        limit: PAGE,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const toggle = useMutation({
    mutationFn: (r: LoyaltyReward) => patch<LoyaltyReward>(`/loyalty/rewards/${r.id}`, { active: !r.active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['loyalty-rewards'] }),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => post<Redemption>(`/loyalty/redemptions/${id}/cancel`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['loyalty-redemptions'] });
      void queryClient.invalidateQueries({ queryKey: ['loyalty-rewards'] });
    },
  });
  const catalogue = rewards.data?.items ?? [];
  const made = redemptions.data?.pages.flatMap((p) => p.items) ?? [];
  const limitText = (r: LoyaltyReward) =>
    r.perCustomerLimit === null
      ? t('loyalty.rewards.noLimit')
      : t(`loyalty.rewards.limit.${r.limitPeriod}`, { count: r.perCustomerLimit });
  const dates = (r: LoyaltyReward) =>
    r.activeFrom || r.activeTo
      ? `${r.activeFrom ? f.date(r.activeFrom) : '…'} – ${r.activeTo ? f.date(r.activeTo) : '…'}`
      : t('loyalty.rewards.always');

  return (
    <div className="stack">
      <p>{t('loyalty.rewards.help')}</p>
      {(rewards.isError || redemptions.isError) && (
        <ErrorMessage error={rewards.error ?? redemptions.error} />
      )}
      <DataTable
        caption={t('loyalty.rewards.catalogue')}
        rows={catalogue}
        rowKey={(r) => r.id}
        exportName="loyalty-rewards"
        empty={t('loyalty.rewards.none')}
        columns={[
          {
            key: 'name',
            header: t('loyalty.rewards.name'),
            render: (r) => <span className="free-text">{r.name}</span>,
            value: (r) => r.name,
          },
          {
            key: 'pointsCost',
            header: t('loyalty.rewards.cost'),
            numeric: true,
            render: (r) => f.int(r.pointsCost),
          },
          {
            key: 'stock',
            header: t('loyalty.rewards.stock'),
            numeric: true,
            render: (r) => (r.stock === null ? t('loyalty.rewards.unlimited') : f.int(r.stock)),
          },
          { key: 'limit', header: t('loyalty.rewards.perCustomer'), render: limitText },
          { key: 'dates', header: t('loyalty.rewards.dates'), render: dates },
          {
            key: 'active',
            header: t('loyalty.rewards.state'),
            render: (r) => (r.active ? t('loyalty.rewards.on') : t('loyalty.rewards.off')),
          },
          ...(canWrite
            ? [
                {
                  key: 'toggle',
                  header: t('loyalty.rewards.actions'),
                  value: () => '',
                  render: (r: LoyaltyReward) => (
                    <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(r)}>
                      {r.active
                        ? t('loyalty.rewards.switchOff', { name: r.name })
                        : t('loyalty.rewards.switchOn', { name: r.name })}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {toggle.isError && <ErrorMessage error={toggle.error} />}
      {canWrite && <RewardForm />}
      <DataTable
        caption={t('loyalty.rewards.redemptions')}
        rows={made}
        rowKey={(r) => r.id}
        exportName="loyalty-redemptions"
        empty={t('loyalty.rewards.noRedemptions')}
        columns={[
          { key: 'redeemedAt', header: t('loyalty.rewards.when'), render: (r) => f.dateTime(r.redeemedAt) },
          {
            key: 'customer',
            header: t('loyalty.rewards.customer'),
            value: (r) => r.customerExternalId,
            render: (r) => (
              <Link to={`/customers/${encodeURIComponent(r.customerExternalId)}`}>
                {r.customerExternalId}
              </Link>
            ),
          },
          {
            key: 'reward',
            header: t('loyalty.rewards.reward'),
            value: (r) => r.rewardName ?? t('loyalty.rewards.pointsOnly'),
            render: (r) =>
              r.rewardName ? (
                <span className="free-text">{r.rewardName}</span>
              ) : (
                t('loyalty.rewards.pointsOnly')
              ),
          },
          {
            key: 'points',
            header: t('loyalty.rewards.points'),
            numeric: true,
            render: (r) => f.int(r.points),
          },
          {
            key: 'status',
            header: t('loyalty.rewards.status'),
            render: (r) =>
              r.status === 'cancelled'
                ? t('loyalty.rewards.cancelledAt', { date: f.dateTime(r.cancelledAt) })
                : t('loyalty.rewards.statuses.redeemed'),
          },
          ...(canWrite
            ? [
                {
                  key: 'cancel',
                  header: t('loyalty.rewards.actions'),
                  value: () => '',
                  render: (r: Redemption) =>
                    r.status === 'redeemed' ? (
                      <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate(r.id)}>
                        {t('loyalty.rewards.cancel')}
                      </button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {cancel.isError && <ErrorMessage error={cancel.error} />}
      {redemptions.hasNextPage && (
        <button
          type="button"
          disabled={redemptions.isFetchingNextPage}
          onClick={() => void redemptions.fetchNextPage()}
        >
          {t('loyalty.rewards.more')}
        </button>
      )}
    </div>
  );
}

function RewardForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const empty = {
    name: '',
    cost: '',
    stock: '',
    limit: '',
    limitPeriod: 'month' as LoyaltyReward['limitPeriod'],
  };
  const [form, setForm] = useState(empty);
  const save = useMutation({
    mutationFn: () =>
      post<LoyaltyReward>('/loyalty/rewards', {
        name: form.name.trim(),
        pointsCost: Number(form.cost),
        stock: form.stock ? Number(form.stock) : null,
        perCustomerLimit: form.limit ? Number(form.limit) : null,
        limitPeriod: form.limitPeriod,
      } satisfies CreateLoyaltyRewardRequest),
    onSuccess: () => {
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: ['loyalty-rewards'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('loyalty.rewards.add')}</h2>
      <label>
        {t('loyalty.rewards.name')}
        <input
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.rewards.cost')}
        <input
          type="number"
          min={1}
          required
          value={form.cost}
          onChange={(e) => setForm({ ...form, cost: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.rewards.stockInput')}
        <input
          type="number"
          min={0}
          value={form.stock}
          onChange={(e) => setForm({ ...form, stock: e.target.value })}
        />
      </label>
      <label>
        {t('loyalty.rewards.limitInput')}
        <input
          type="number"
          min={1}
          value={form.limit}
          onChange={(e) => setForm({ ...form, limit: e.target.value })}
        />
      </label>
      <ChoiceField
        label={t('loyalty.rewards.limitPeriod')}
        value={form.limitPeriod}
        choices={LIMIT_PERIODS}
        name={(c) => t(`loyalty.rewards.periods.${c}`)}
        onChange={(c) => setForm({ ...form, limitPeriod: c })}
      />
      <button type="submit" disabled={save.isPending}>
        {t('loyalty.rewards.addButton')}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
