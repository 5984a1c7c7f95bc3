import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  InboxItem,
  InboxQuery,
  Location,
  ResponsesToCases,
  ResponsesToCasesRequest,
  SurveySummary,
} from '../../../../src/http/api-types';
import { get, getAll, type Page, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { DEFAULT_TIERS, INBOX_SORTS, keysOf, SCORE_BAND_NAMES, STAGES } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link, setSearch, useLocation } from '../../lib/router';

const FILTERS = [
  'band',
  'surveyId',
  'locationId',
  'channel',
  'locale',
  'hasComment',
  'stage',
  'tier',
  'hasCase',
  'q',
  'from',
  'to',
  'sort',
] as const satisfies readonly (keyof InboxQuery)[];
const CHANNELS = keysOf<InboxItem['channel']>({
  link: true,
  email: true,
  widget: true,
  qr: true,
  api: true,
  import: true,
});

/** Every survey's responses in one list, newest first: filters and search live in the URL. */
export default function InboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const { search } = useLocation();
  // The date inputs' days go as they are: the API reads them in the organization's time zone.
  const query = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined]));
  const list = useInfiniteQuery({
    queryKey: ['inbox', query],
    queryFn: ({ pageParam }) =>
      get<Page<InboxItem>>('/responses', { ...query, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canOpenCases = useCan('cases:write');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const queryClient = useQueryClient();
  const toCases = useMutation({
    mutationFn: (responseIds: string[]) =>
      post<ResponsesToCases>('/responses/cases', { responseIds } satisfies ResponsesToCasesRequest),
    onSuccess: () => {
      setChosen(new Set());
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const toggle = (id: string) =>
    setChosen((before) => {
      const after = new Set(before);
      if (!after.delete(id)) after.add(id);
      return after;
    });
  const score = (r: InboxItem) =>
    [
      r.scores.nps !== undefined && `NPS ${r.scores.nps}`,
      r.scores.csat !== undefined && `CSAT ${r.scores.csat}`,
      r.scores.ces !== undefined && `CES ${r.scores.ces}`,
    ]
      .filter(Boolean)
      .join(', ') || '—';
  return (
    <section className="stack">
      <div className="page-head">
        <h1>{t('inbox.title')}</h1>
      </div>
      <Filters initial={query} />
      {list.isError && <ErrorMessage error={list.error} />}
      {canOpenCases && (
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!chosen.size || toCases.isPending}
            onClick={() => toCases.mutate([...chosen].slice(0, 100))}
            data-testid="inbox-to-cases"
          >
            {t('inbox.toCases', { count: chosen.size })}
          </button>
          {toCases.isSuccess && (
            <p role="status">{t('inbox.toCasesDone', { count: toCases.data.items.length })}</p>
          )}
          {toCases.isError && <ErrorMessage error={toCases.error} />}
        </div>
      )}
      <div className="card" data-testid="inbox-list">
        <DataTable
          caption={t('inbox.list')}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          empty={list.isPending ? t('common.loading') : t('inbox.none')}
          columns={[
            ...(canOpenCases
              ? [
                  {
                    key: 'choose',
                    header: t('inbox.choose'),
                    render: (r: InboxItem) => (
                      <input
                        type="checkbox"
                        aria-label={t('inbox.chooseOne', { when: f.dateTime(r.answeredAt) })}
                        checked={chosen.has(r.id)}
                        onChange={() => toggle(r.id)}
                        data-testid="inbox-choose"
                      />
                    ),
                  },
                ]
              : []),
            { key: 'answeredAt', header: t('feedback.submitted'), render: (r) => f.dateTime(r.answeredAt) },
            { key: 'score', header: t('inbox.score'), render: score },
            {
              key: 'comment',
              header: t('feedback.comment'),
              render: (r) => <span className="free-text">{r.comment ?? '—'}</span>,
            },
            {
              key: 'customer',
              header: t('feedback.customer'),
              render: (r) =>
                r.customerExternalId ? (
                  <Link to={`/customers/${encodeURIComponent(r.customerExternalId)}`}>
                    {r.customerExternalId}
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'case',
              header: t('inbox.case'),
              render: (r) =>
                r.case ? (
                  <Link to={`/cases/${r.case.id}`} data-testid="inbox-case-link">
                    <span className="free-text">{r.case.title}</span> ({labels.caseStatus(r.case.status)})
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'survey',
              header: t('inbox.survey'),
              render: (r) => (
                <Link to={`/surveys/${r.surveyId}`} className="free-text">
                  {r.surveyName}
                </Link>
              ),
            },
            { key: 'channel', header: t('feedback.channel'), render: (r) => labels.channel(r.channel) },
            {
              key: 'touchpoint',
              header: t('dimensions.touchpoint'),
              render: (r) => labels.touchpoint(r.touchpoint),
            },
            {
              key: 'location',
              header: t('people.location'),
              value: (r) => r.location?.name ?? '',
              render: (r) => (r.location ? <span className="free-text">{r.location.name}</span> : '—'),
            },
            { key: 'locale', header: t('customers.locale'), render: (r) => labels.language(r.locale) },
          ]}
        />
      </div>
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

function Filters({ initial }: { initial: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [q, setQ] = useState(initial.q ?? '');
  const surveys = useQuery({
    queryKey: ['surveys', 'all'],
    queryFn: () => getAll<SurveySummary>('/surveys', { limit: 100 }),
  });
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ q: q.trim() });
  };
  const select = (key: string, label: string, options: readonly (readonly [string, string])[]) => (
    <label>
      {label}
      <select value={initial[key] ?? ''} onChange={(e) => setSearch({ [key]: e.target.value })}>
        {key !== 'sort' && <option value="">{t('common.all')}</option>}
        {options.map(([value, name]) => (
          <option
            key={value}
            value={value}
            className={key === 'surveyId' || key === 'locationId' ? 'free-text' : undefined}
          >
            {name}
          </option>
        ))}
      </select>
    </label>
  );
  const date = (key: 'from' | 'to', label: string) => (
    <label>
      {label}
      <input type="date" value={initial[key] ?? ''} onChange={(e) => setSearch({ [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="row card" onSubmit={submit} aria-label={t('common.search')}>
      <label>
        {t('inbox.search')}
        <input type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      </label>
      {select(
        'band',
        t('inbox.band'),
        SCORE_BAND_NAMES.map((b) => [b, t(`inbox.bands.${b}`)] as const),
      )}
      {select(
        'surveyId',
        t('inbox.survey'),
        (surveys.data?.items ?? []).map((s) => [s.id, s.name] as const),
      )}
      {(locations.data?.items.length ?? 0) > 0 &&
        select(
          'locationId',
          t('people.location'),
          (locations.data?.items ?? []).map((l) => [l.id, l.name] as const),
        )}
      {select(
        'channel',
        t('feedback.channel'),
        CHANNELS.map((c) => [c, labels.channel(c)] as const),
      )}
      {select(
        'locale',
        t('customers.locale'),
        (['pl', 'cs', 'ru', 'en'] as const).map((l) => [l, labels.language(l)] as const),
      )}
      {select('hasComment', t('inbox.hasComment'), [
        ['true', t('inbox.withComment')],
        ['false', t('inbox.withoutComment')],
      ])}
      {select(
        'stage',
        t('customers.stage'),
        STAGES.map((s) => [s, labels.stage(s)] as const),
      )}
      {select(
        'tier',
        t('customers.tier'),
        DEFAULT_TIERS.map((tier) => [tier, labels.tier(tier)] as const),
      )}
      {select('hasCase', t('inbox.case'), [
        ['true', t('inbox.withCase')],
        ['false', t('inbox.withoutCase')],
      ])}
      {date('from', t('inbox.from'))}
      {date('to', t('inbox.to'))}
      {select(
        'sort',
        t('customers.sortBy'),
        INBOX_SORTS.map((s) => [s, t(`inbox.sorts.${s.replace('-', 'desc_')}`)] as const),
      )}
      <button type="submit" className="primary">
        {t('common.filter')}
      </button>
    </form>
  );
}
