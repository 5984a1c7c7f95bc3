import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, Location } from '../../../../src/http/api-types';
import { apiUrl, get, getAll, type Page } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { CASE_STATUSES, OPEN_STATUSES, PRIORITIES } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link, setSearch, useLocation } from '../../lib/router';
import { BulkBar } from './bulk-bar';
import { queryOf } from './queue-filters';
import { SavedViews } from './saved-views';
import { SlaTimer } from './sla-timer';
import { personName } from './use-assignees';

/** The queue: open cases by their next deadline, with live SLA timers, saved views and bulk actions. */
export default function CasesPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const canWrite = useCan('cases:write');
  const { search } = useLocation();
  const query = queryOf(search);
  const { status, priority, owner, breached, sort, location } = query;
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const list = useInfiniteQuery({
    queryKey: ['cases', query],
    queryFn: ({ pageParam }) => get<Page<Case>>('/cases', { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const shownIds = rows.map((c) => c.id).filter((id) => selected.has(id));
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
      </div>
      <SavedViews />
      <form className="row card" aria-label={t('common.filter')}>
        <label>
          {t('cases.status')}
          <select value={status} onChange={(e) => setSearch({ status: e.target.value })}>
            <option value={OPEN_STATUSES.join(',')}>{t('cases.open')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`caseStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cases.priority')}
          <select value={priority ?? ''} onChange={(e) => setSearch({ priority: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {(locations.data?.items.length ?? 0) > 0 && (
          <label>
            {t('dimensions.location')}
            <select value={location ?? ''} onChange={(e) => setSearch({ location: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {(locations.data?.items ?? []).map((l) => (
                <option key={l.id} value={l.id} className="free-text">
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('cases.sortBy')}
          <select
            value={sort}
            onChange={(e) => setSearch({ sort: e.target.value === 'created' ? 'created' : undefined })}
            data-testid="case-sort"
          >
            <option value="due">{t('cases.sortDue')}</option>
            <option value="created">{t('cases.sortCreated')}</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={owner === 'me'}
            onChange={(e) => setSearch({ owner: e.target.checked ? 'me' : undefined })}
          />
          {t('cases.mine')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={breached === 'true'}
            onChange={(e) => setSearch({ breached: e.target.checked ? 'true' : undefined })}
          />
          {t('cases.breachedOnly')}
        </label>
      </form>
      {canWrite && <BulkBar caseIds={shownIds} onDone={() => setSelected(new Set())} />}
      {list.isError && <ErrorMessage error={list.error} />}
      <DataTable
        caption={t('cases.queue')}
        captionHidden
        rows={rows}
        rowKey={(c) => c.id}
        exportUrl={apiUrl('/exports/cases', { ...query, limit: undefined, locale: i18n.language })}
        empty={list.isPending ? t('common.loading') : t('cases.none')}
        columns={[
          ...(canWrite
            ? [
                {
                  key: 'select',
                  header: t('cases.select'),
                  value: () => '',
                  render: (c: Case) => (
                    <input
                      type="checkbox"
                      aria-label={t('cases.selectCase', { title: c.title })}
                      checked={selected.has(c.id)}
                      onChange={(e) => toggle(c.id, e.target.checked)}
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'title',
            header: t('cases.caseTitle'),
            value: (c) => c.title,
            render: (c) => (
              <Link to={`/cases/${c.id}`} className="free-text">
                {c.title}
              </Link>
            ),
          },
          {
            key: 'customer',
            header: t('feedback.customer'),
            value: (c) => c.customer?.name ?? c.customer?.externalId ?? '',
            render: (c) => (c.customer ? (c.customer.name ?? c.customer.externalId) : '—'),
          },
          {
            key: 'score',
            header: t('cases.score'),
            numeric: true,
            value: (c) => c.score?.value ?? '',
            render: (c) => (c.score ? `${c.score.metric.toUpperCase()} ${f.int(c.score.value)}` : '—'),
          },
          {
            key: 'excerpt',
            header: t('cases.comment'),
            value: (c) => c.excerpt ?? '',
            render: (c) => <span className="free-text">{c.excerpt ?? '—'}</span>,
          },
          { key: 'priority', header: t('cases.priority'), render: (c) => t(`priorities.${c.priority}`) },
          { key: 'status', header: t('cases.status'), render: (c) => t(`caseStatus.${c.status}`) },
          {
            key: 'tier',
            header: t('customers.tier'),
            value: (c) => labels.tier(c.tier),
            render: (c) => labels.tier(c.tier),
          },
          {
            key: 'nextDueAt',
            header: t('cases.nextDue'),
            render: (c) => (
              <SlaTimer
                due={c.nextDueAt}
                stopped={!OPEN_STATUSES.includes(c.status) || Boolean(c.pausedAt)}
              />
            ),
          },
          {
            key: 'owner',
            header: t('cases.owner'),
            value: (c) => (c.owner ? personName(c.owner) : ''),
            render: (c) =>
              c.owner || c.team
                ? [c.owner && personName(c.owner), c.team?.name].filter(Boolean).join(' · ')
                : t('cases.nobody'),
          },
          {
            key: 'breached',
            header: t('cases.breached'),
            value: (c) => c.breached,
            render: (c) => (c.breached ? t('cases.yes') : ''),
          },
          { key: 'createdAt', header: t('cases.created'), render: (c) => f.dateTime(c.createdAt) },
        ]}
      />
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
