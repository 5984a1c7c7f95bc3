import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral, ReferralList, ReferralSettings } from '../../../../src/http/api-types';
import { get, patch } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { SaveFooter } from '../settings/settings-form';

const STATUSES = ['pending', 'attributed', 'rewarded', 'refused', 'void'] as const;
const SHOWN = 100;

/**
 * Referrals: how many customers have a code and how often links were opened, the referrals by
 * status with the reason of each refusal, and the programme's referral settings.
 */
export default function ReferralsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState('');
  const list = useQuery({
    queryKey: ['referrals', status],
    queryFn: () => get<ReferralList>('/loyalty/referrals', { limit: SHOWN, ...(status ? { status } : {}) }),
  });
  const rows = list.data?.items ?? [];
  const totals = list.data?.totals;
  const reasonOf = (r: Referral) => (r.reason ? t(`loyalty.referrals.reason.${r.reason}`) : '');
  return (
    <div className="stack">
      <p>{t('loyalty.referrals.help')}</p>
      {list.isError && <ErrorMessage error={list.error} />}
      {totals && (
        <div className="card">
          <dl className="facts">
            <dt>{t('loyalty.referrals.codes')}</dt>
            <dd>{f.int(totals.codes)}</dd>
            <dt>{t('loyalty.referrals.visits')}</dt>
            <dd>{f.int(totals.visits)}</dd>
            {STATUSES.map((s) => (
              <Fact
                key={s}
                label={t(`loyalty.referrals.status.${s}`)}
                value={f.int(totals.byStatus[s] ?? 0)}
              />
            ))}
          </dl>
        </div>
      )}
      <label>
        {t('loyalty.referrals.statusFilter')}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('loyalty.referrals.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`loyalty.referrals.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <DataTable
        caption={t('loyalty.referrals.list', { count: rows.length })}
        rows={rows}
        rowKey={(r) => r.id}
        exportName="referrals"
        empty={t('loyalty.referrals.none')}
        columns={[
          { key: 'claimedAt', header: t('loyalty.referrals.claimedAt'), render: (r) => f.date(r.claimedAt) },
          {
            key: 'referrer',
            header: t('loyalty.referrals.referrer'),
            render: (r) => <code>{r.referrerExternalId ?? '—'}</code>,
            value: (r) => r.referrerExternalId ?? '',
          },
          {
            key: 'referred',
            header: t('loyalty.referrals.referred'),
            render: (r) => <code>{r.referredExternalId}</code>,
            value: (r) => r.referredExternalId,
          },
          {
            key: 'source',
            header: t('loyalty.referrals.source'),
            render: (r) => t(`loyalty.referrals.sources.${r.source}`),
          },
          {
            key: 'status',
            header: t('loyalty.referrals.statusColumn'),
            render: (r) => t(`loyalty.referrals.status.${r.status}`),
          },
          { key: 'reason', header: t('loyalty.referrals.reasonColumn'), render: reasonOf },
          {
            key: 'purchaseAt',
            header: t('loyalty.referrals.purchaseAt'),
            render: (r) => f.date(r.purchaseAt),
          },
          {
            key: 'qualifiesAt',
            header: t('loyalty.referrals.qualifiesAt'),
            render: (r) => f.date(r.qualifiesAt),
          },
          {
            key: 'points',
            header: t('loyalty.referrals.points'),
            numeric: true,
            render: (r) =>
              r.status === 'rewarded' ? `${f.int(r.referrerPoints)} + ${f.int(r.referredPoints)}` : '—',
          },
        ]}
      />
      <ReferralSettingsCard />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

type Form = Omit<ReferralSettings, 'landingUrl'> & { landingUrl: string };
const NUMBERS = [
  'qualifyingDays',
  'referrerPoints',
  'referredPoints',
  'capCount',
  'capDays',
  'newCustomerDays',
] as const;

/** The referral settings: the qualifying period, both rewards, the cap per referrer and where links lead. */
function ReferralSettingsCard() {
  const { t } = useTranslation();
  const canWrite = useCan('loyalty:write');
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['settings', 'referrals'],
    queryFn: () => get<ReferralSettings>('/settings/referrals'),
  });
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (current.data && !form) setForm({ ...current.data, landingUrl: current.data.landingUrl ?? '' });
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (next: Form) =>
      patch<ReferralSettings>('/settings/referrals', { ...next, landingUrl: next.landingUrl.trim() || null }),
    onSuccess: (data) => queryClient.setQueryData(['settings', 'referrals'], data),
  });
  if (current.isError) return <ErrorMessage error={current.error} />;
  if (!form) return <p className="loading">{t('common.loading')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t('loyalty.referrals.settings')}</h2>
      <fieldset disabled={!canWrite}>
        {NUMBERS.map((key) => (
          <label key={key}>
            {t(`loyalty.referrals.field.${key}`)}
            <input
              type="number"
              min={key === 'capCount' || key === 'capDays' ? 1 : 0}
              value={form[key]}
              onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })}
            />
          </label>
        ))}
        <label>
          {t('loyalty.referrals.field.landingUrl')}
          <input
            type="url"
            value={form.landingUrl}
            maxLength={2000}
            onChange={(e) => setForm({ ...form, landingUrl: e.target.value })}
          />
        </label>
        <SaveFooter canWrite={canWrite} save={save} />
      </fieldset>
    </form>
  );
}
