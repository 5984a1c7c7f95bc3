import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile, CustomerTimelineItem } from '../../../../src/http/api-types';
import { get, type Page } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { StageBadge } from '../../components/stage-badge';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';
import type { PageProps } from '../registry';
import { useCustomerAnswers } from './customer-answers';
import { ProfileSections } from './profile-sections';
import { Timeline } from './timeline';

/** The 360° profile: who, where in the lifecycle, what they are worth, and everything that happened. */
export default function CustomerProfilePage({ params }: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const id = params.externalId;
  const path = `/customers/${encodeURIComponent(id)}`;
  const profile = useQuery({ queryKey: ['customer', id], queryFn: () => get<CustomerProfile>(path) });
  const timeline = useInfiniteQuery({
    queryKey: ['customer', id, 'timeline'],
    queryFn: ({ pageParam }) =>
      get<Page<CustomerTimelineItem>>(`${path}/timeline`, { limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const answers = useCustomerAnswers(id, useCan('surveys:read'));
  if (profile.isError) return <ErrorMessage error={profile.error} />;
  const p = profile.data;
  if (!p) return <p className="loading">{t('common.loading')}</p>;
  return (
    <section className="stack">
      <p>
        <Link to="/customers">← {t('customers.title')}</Link>
      </p>
      <div className="page-head">
        <h1>{p.name ?? p.externalId}</h1>
        <StageBadge stage={p.lifecycleStage} />
      </div>
      <div className="grid">
        <div className="card">
          <h2>{t('customers.contact')}</h2>
          <dl className="facts">
            <dt>{t('customers.externalId')}</dt>
            <dd>{p.externalId}</dd>
            <dt>{t('customers.email')}</dt>
            <dd>{p.email ?? '—'}</dd>
            <dt>{t('customers.phone')}</dt>
            <dd>{p.phone ?? '—'}</dd>
            <dt>{t('customers.locale')}</dt>
            <dd>{labels.language(p.locale)}</dd>
            <dt>{t('customers.since')}</dt>
            <dd>{f.date(p.since)}</dd>
            {Object.entries(p.attributes).map(([k, v]) => (
              <FactRow key={k} label={labels.attributeKey(k)} value={String(v ?? '—')} />
            ))}
          </dl>
        </div>
        <div className="card">
          <h2>{t('customers.stage')}</h2>
          <p>
            <StageBadge stage={p.lifecycleStage} />{' '}
            {p.stageChangedAt && t('customers.sinceDate', { date: f.date(p.stageChangedAt) })}
          </p>
          <ol className="timeline">
            {[...p.stageHistory].reverse().map((s) => (
              <li key={`${s.at}-${s.to}`}>
                <time dateTime={s.at}>{f.dateTime(s.at)}</time>
                {labels.stage(s.from)} → {labels.stage(s.to)}
              </li>
            ))}
          </ol>
        </div>
        <div className="card">
          <h2>{t('customers.rfm')}</h2>
          {p.rfm ? (
            <dl className="facts">
              <dt>{t('customers.segment')}</dt>
              <dd>{labels.segment(p.rfm.segment)}</dd>
              <dt>{t('customers.rfmScores')}</dt>
              <dd>
                R{p.rfm.r} F{p.rfm.f} M{p.rfm.m}
              </dd>
              <dt>{t('customers.recency')}</dt>
              <dd>{t('customers.daysAgo', { count: p.rfm.recencyDays })}</dd>
              <dt>{t('customers.frequency')}</dt>
              <dd>{t('customers.purchases', { count: p.rfm.frequency })}</dd>
              <dt>{t('customers.monetary')}</dt>
              <dd>{f.money(p.rfm.monetaryMinor)}</dd>
            </dl>
          ) : (
            <p className="muted">{t('customers.noPurchases')}</p>
          )}
          {p.lastNps !== null && (
            <p>
              {t('customers.lastNps')}: <strong>{p.lastNps}</strong>
            </p>
          )}
        </div>
        <ProfileSections profile={p} />
      </div>
      <section className="card">
        <h2>{t('customers.timeline')}</h2>
        {timeline.isError && <ErrorMessage error={timeline.error} />}
        <Timeline
          items={timeline.data?.pages.flatMap((x) => x.items) ?? []}
          answers={answers.data ?? []}
          cases={p.openCases ?? []}
        />
        {timeline.hasNextPage && (
          <button type="button" onClick={() => void timeline.fetchNextPage()}>
            {t('common.more')}
          </button>
        )}
      </section>
    </section>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
