import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Case, ListCasesQuery } from '../../../../src/http/api-types';
import { get, type Page } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { CASE_STATUSES, OPEN_STATUSES, PRIORITIES } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link, setSearch, useLocation } from '../../lib/router';
import { SlaTimer } from './sla-timer';

/** The queue: open cases by their next deadline, with live SLA timers. */
export default function CasesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const { search } = useLocation();
  const status = search.get('status') ?? OPEN_STATUSES.join(',');
  const priority = search.get('priority') ?? undefined;
  const owner = search.get('owner') ?? undefined;
  // The URL's values go to the server as they are; it refuses what it does not know.
  const breached = (search.get('breached') ?? undefined) as ListCasesQuery['breached'];
  const query = { status, priority, owner, breached, sort: 'due', limit: 50 } satisfies ListCasesQuery;
  const list = useInfiniteQuery({
    queryKey: ['cases', query],
    queryFn: ({ pageParam }) => get<Page<Case>>('/cases', { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
      </div>
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
      {list.isError && <ErrorMessage error={list.error} />}
      <DataTable
        caption={t('cases.queue')}
        captionHidden
        rows={rows}
        rowKey={(c) => c.id}
        exportName="cases"
        empty={list.isPending ? t('common.loading') : t('cases.none')}
        columns={[
          {
            key: 'title',
            header: t('cases.caseTitle'),
            render: (c) => (
              <Link to={`/cases/${c.id}`} className="free-text">
                {c.title}
              </Link>
            ),
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
