import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee, Location, Praise, Team } from '../../../../src/http/api-types';
import { get, getAll, post } from '../../api/client';
import { useCan } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';

/**
 * Customers' praise for the staff: the feed of a team, a location or the caller's own people, and
 * the praise waiting for a manager to say who it is for.
 */
export default function RecognitionTab() {
  const { t } = useTranslation();
  const canDecide = useCan('people:write');
  const [scope, setScope] = useState<{ teamId?: string; locationId?: string; mine?: 'true' }>({
    mine: 'true',
  });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => getAll<Team>('/teams') });
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  const employees = useQuery({ queryKey: ['employees'], queryFn: () => getAll<Employee>('/employees') });
  const feed = useQuery({
    queryKey: ['recognition', scope],
    queryFn: () => get<{ items: Praise[] }>('/recognition', { ...scope, status: 'confirmed', limit: 50 }),
  });
  const pending = useQuery({
    queryKey: ['recognition', 'pending'],
    queryFn: () => get<{ items: Praise[] }>('/recognition', { status: 'pending', limit: 50 }),
    enabled: canDecide,
  });
  const value = scope.teamId
    ? `team:${scope.teamId}`
    : scope.locationId
      ? `location:${scope.locationId}`
      : 'mine';
  return (
    <div className="stack">
      <p>{t('recognition.help')}</p>
      {canDecide && (pending.data?.items.length ?? 0) > 0 && (
        <section className="card stack" data-testid="praise-pending">
          <h2>{t('recognition.pending', { n: pending.data?.items.length })}</h2>
          {pending.data?.items.map((p) => (
            <PendingPraise key={p.id} praise={p} staff={employees.data?.items ?? []} />
          ))}
        </section>
      )}
      <label>
        {t('recognition.show')}
        <select
          value={value}
          onChange={(e) => {
            const [kind, id] = e.target.value.split(':');
            setScope(
              kind === 'team' ? { teamId: id } : kind === 'location' ? { locationId: id } : { mine: 'true' },
            );
          }}
        >
          <option value="mine">{t('recognition.mine')}</option>
          <optgroup label={t('people.teams')}>
            {teams.data?.items.map((x) => (
              <option key={x.id} value={`team:${x.id}`}>
                {x.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('people.locations')}>
            {locations.data?.items.map((x) => (
              <option key={x.id} value={`location:${x.id}`}>
                {x.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {feed.isError && <ErrorMessage error={feed.error} />}
      {feed.data && !feed.data.items.length && <p className="muted">{t('recognition.none')}</p>}
      <ul className="stack" data-testid="praise-feed">
        {feed.data?.items.map((p) => (
          <PraiseItem key={p.id} praise={p} />
        ))}
      </ul>
    </div>
  );
}

function PraiseItem({ praise }: { praise: Praise }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  return (
    <li className="card">
      <strong>{praise.recipients.map((r) => r.name).join(', ')}</strong> ·{' '}
      <time dateTime={praise.receivedAt}>{f.date(praise.receivedAt)}</time>
      <p className={praise.comment ? 'free-text' : 'muted'}>
        {praise.comment ?? t(`recognition.source.${praise.source}`)}
      </p>
      <small className="muted">
        {praise.score !== null && `${labels.metric(praise.metric)} ${praise.score} · `}
        {t(`recognition.matched.${praise.matchedBy}`)}
      </small>
    </li>
  );
}

function PendingPraise({ praise, staff }: { praise: Praise; staff: Employee[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(praise.recipients.length === 1 ? praise.recipients[0].id : '');
  const done = () => queryClient.invalidateQueries({ queryKey: ['recognition'] });
  const confirm = useMutation({
    mutationFn: () => post<Praise>(`/recognition/${praise.id}/confirm`, { employeeIds: [chosen] }),
    onSuccess: done,
  });
  const dismiss = useMutation({
    mutationFn: () => post<Praise>(`/recognition/${praise.id}/dismiss`),
    onSuccess: done,
  });
  const suggested = new Set(praise.recipients.map((r) => r.id));
  const choices = [...staff].sort((a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)));
  return (
    <div className="form inline">
      <p className="free-text">{praise.comment}</p>
      <label>
        {t('recognition.for')}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">—</option>
          {choices.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
              {suggested.has(e.id) ? ` (${t('recognition.named')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!chosen || confirm.isPending} onClick={() => confirm.mutate()}>
        {t('recognition.confirm')}
      </button>
      <button type="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate()}>
        {t('recognition.dismiss')}
      </button>
      {(confirm.isError || dismiss.isError) && <ErrorMessage error={confirm.error ?? dismiss.error} />}
    </div>
  );
}
