import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoodwillGrant, GoodwillGrantRequest } from '../../../src/http/api-types';
import { getAll, post } from '../api/client';
import { useCan, useSession } from '../api/session';
import { ErrorMessage } from '../components/error-message';
import { minorPerMajor, useFormat } from '../lib/format';

const KINDS = ['refund', 'gift', 'service'] as const;

/** The gestures granted on a case, and a form to grant one within the customer's tier budget. */
export function GoodwillCard({ caseId, hasCustomer }: { caseId: string; hasCustomer: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useSession();
  const canWrite = useCan('cases:write');
  const queryClient = useQueryClient();
  const grants = useQuery({
    queryKey: ['goodwill', caseId],
    queryFn: () => getAll<GoodwillGrant>('/goodwill/grants', { caseId }),
  });
  const [kind, setKind] = useState<(typeof KINDS)[number]>('gift');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const grant = useMutation({
    mutationFn: () =>
      post<GoodwillGrant>(`/cases/${caseId}/goodwill`, {
        kind,
        amountMinor: Math.round(Number(amount.replace(',', '.')) * minorPerMajor(me.org.baseCurrency)),
        note: note.trim() || null,
      } satisfies GoodwillGrantRequest),
    onSuccess: () => {
      setAmount('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['goodwill', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate();
  };
  const items = grants.data?.items ?? [];
  return (
    <section className="card stack" data-testid="goodwill">
      <h2>{t('goodwill.title')}</h2>
      {items.length ? (
        <ul>
          {items.map((g) => (
            <li key={g.id}>
              {t(`goodwill.kinds.${g.kind}`)}: {f.money(g.amountMinor, g.currency)} ·{' '}
              {f.dateTime(g.grantedAt)}
              {g.note && <span className="free-text"> — {g.note}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('goodwill.none')}</p>
      )}
      {canWrite && hasCustomer && (
        <form className="form inline" onSubmit={submit}>
          <label>
            {t('goodwill.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`goodwill.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('goodwill.amount', { currency: me.org.baseCurrency })}
            <input required inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <label>
            {t('goodwill.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={grant.isPending}>
            {t('goodwill.grant')}
          </button>
        </form>
      )}
      {grant.isError && <ErrorMessage error={grant.error} />}
    </section>
  );
}
