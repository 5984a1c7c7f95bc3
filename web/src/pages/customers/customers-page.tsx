import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListItem, ListCustomersQuery } from '../../../../src/http/api-types';
import { apiUrl, get, type Page } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { StageBadge } from '../../components/stage-badge';
import { CUSTOMER_SORTS, SEGMENTS, STAGES } from '../../lib/domain';
import { type Format, useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link, setSearch, useLocation } from '../../lib/router';

const FILTERS = [
  'q',
  'stage',
  'segment',
  'tier',
  'sort',
] as const satisfies readonly (keyof ListCustomersQuery)[];

/** The customer list: search and filters live in the URL; pages load on demand. */
export default function CustomersPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined]));
  const list = useInfiniteQuery({
    queryKey: ['customers', filters],
    queryFn: ({ pageParam }) =>
      get<Page<CustomerListItem>>('/customers', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('customers.title')}</h1>
      </div>
      <Filters initial={filters} />
      {list.isError && <ErrorMessage error={list.error} />}
      <DataTable
        caption={t('customers.list')}
        captionHidden
        rows={rows}
        rowKey={(c) => c.externalId}
        exportUrl={apiUrl('/exports/customers', { ...filters, locale: i18n.language })}
        empty={list.isPending ? t('common.loading') : t('customers.none')}
        columns={[
          {
            key: 'name',
            header: t('customers.name'),
            value: (c) => c.name,
            render: (c) => (
              <Link to={`/customers/${encodeURIComponent(c.externalId)}`}>{c.name ?? c.externalId}</Link>
            ),
          },
          { key: 'externalId', header: t('customers.externalId') },
          { key: 'email', header: t('customers.email'), render: (c) => c.email ?? '—' },
          {
            key: 'lifecycleStage',
            header: t('customers.stage'),
            render: (c) => <StageBadge stage={c.lifecycleStage} />,
          },
          {
            key: 'segment',
            header: t('customers.segment'),
            value: (c) => labels.segment(c.segment),
            render: (c) => labels.segment(c.segment),
          },
          {
            key: 'serviceTier',
            header: t('customers.tier'),
            value: (c) => labels.tier(c.serviceTier),
            render: (c) => labels.tier(c.serviceTier),
          },
          {
            key: 'clvMinor',
            header: t('customers.clv'),
            numeric: true,
            value: (c) => f.money(c.clvMinor, c.currency),
            render: (c) => f.money(c.clvMinor, c.currency),
          },
          {
            key: 'aliveProbability',
            header: t('customers.aliveProbability'),
            numeric: true,
            value: (c) => f.pct(c.aliveProbability),
            render: (c) => f.pct(c.aliveProbability),
          },
          {
            key: 'lastPurchaseOn',
            header: t('customers.recency'),
            value: (c) => dayOf(f, c.lastPurchaseOn),
            render: (c) => dayOf(f, c.lastPurchaseOn),
          },
          { key: 'updatedAt', header: t('customers.updated'), render: (c) => f.date(c.updatedAt) },
        ]}
      />
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

/** A calendar day of the organization (`YYYY-MM-DD`), read at noon so no time zone moves it. */
const dayOf = (f: Format, day: string | null) => (day ? f.date(`${day}T12:00:00Z`) : '—');

function Filters({ initial }: { initial: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [q, setQ] = useState(initial.q ?? '');
  const [tier, setTier] = useState(initial.tier ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ q: q.trim(), tier: tier.trim() });
  };
  return (
    <form className="row card" onSubmit={submit} aria-label={t('common.search')}>
      <label>
        {t('common.search')}
        <input type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      </label>
      <label>
        {t('customers.stage')}
        <select value={initial.stage ?? ''} onChange={(e) => setSearch({ stage: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {labels.stage(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('customers.segment')}
        <select value={initial.segment ?? ''} onChange={(e) => setSearch({ segment: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {labels.segment(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('customers.tier')}
        <input value={tier} maxLength={50} onChange={(e) => setTier(e.target.value)} />
      </label>
      <label>
        {t('customers.sortBy')}
        <select value={initial.sort ?? 'externalId'} onChange={(e) => setSearch({ sort: e.target.value })}>
          {CUSTOMER_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`customers.sorts.${s.replace('-', 'desc_')}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        {t('common.filter')}
      </button>
    </form>
  );
}
