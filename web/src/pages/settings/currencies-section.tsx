import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRate, SaveRatesRequest } from '../../../../src/http/api-types';
import { del, get, type Page, post } from '../../api/client';
import { useCan, useSession } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { isoDay } from '../../lib/period';

/** Exchange rates to the base currency: amounts in other currencies are converted with them. */
export default function CurrenciesSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useSession();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const rates = useQuery({
    queryKey: ['rates'],
    queryFn: () => get<Page<ExchangeRate>>('/exchange-rates', { limit: 500 }),
  });
  const remove = useMutation({
    mutationFn: (r: ExchangeRate) => del(`/exchange-rates/${r.currency}/${r.validFrom}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rates'] }),
  });
  return (
    <div className="stack">
      <p>{t('settings.baseCurrencyIs', { currency: me.org.baseCurrency })}</p>
      {canWrite && <AddRateForm />}
      {rates.isError && <ErrorMessage error={rates.error} />}
      <DataTable
        caption={t('settings.currencies')}
        rows={rates.data?.items ?? []}
        rowKey={(r) => `${r.currency}-${r.validFrom}`}
        exportName="exchange-rates"
        columns={[
          { key: 'currency', header: t('settings.currency') },
          {
            key: 'validFrom',
            header: t('settings.validFrom'),
            render: (r) => f.date(`${r.validFrom}T12:00:00Z`),
          },
          { key: 'rate', header: t('settings.rate'), numeric: true, render: (r) => f.num(r.rate) },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (r: ExchangeRate) => (
                    <button type="button" onClick={() => remove.mutate(r)}>
                      {t('common.delete')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function AddRateForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currency, setCurrency] = useState('');
  const [validFrom, setValidFrom] = useState(isoDay(new Date()));
  const [rate, setRate] = useState('');
  const add = useMutation({
    mutationFn: () =>
      post('/exchange-rates', {
        rates: [{ currency, validFrom, rate: Number(rate) }],
      } satisfies SaveRatesRequest),
    onSuccess: () => {
      setCurrency('');
      setRate('');
      void queryClient.invalidateQueries({ queryKey: ['rates'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('settings.addRate')}</h2>
      <label>
        {t('settings.currency')}
        <input
          required
          pattern="[A-Z]{3}"
          maxLength={3}
          value={currency}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())}
        />
      </label>
      <label>
        {t('settings.validFrom')}
        <input type="date" required value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      </label>
      <label>
        {t('settings.rate')}
        <input
          type="number"
          required
          min={0}
          step="any"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('settings.addRate')}
      </button>
      {add.isError && <ErrorMessage error={add.error} />}
    </form>
  );
}
