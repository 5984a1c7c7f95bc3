import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Case,
  CaseDetail,
  CaseSettings,
  CaseStatus,
  Priority,
  UpdateCaseRequest,
} from '../../../../src/http/api-types';
import { get, patch } from '../../api/client';
import { useCan, useSession } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { GoodwillCard } from '../../goodwill/goodwill-card';
import { OPEN_STATUSES, PRIORITIES } from '../../lib/domain';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { Link } from '../../lib/router';
import type { PageProps } from '../registry';
import { AssignForm } from './assign-form';
import { MovedDeadlines } from './moved-deadlines';
import { ReplyForm } from './reply-form';
import { SlaTimer } from './sla-timer';
import { personName, useAssignees } from './use-assignees';

/** Where a case can go from each status; the server has the last word. */
const NEXT: Record<CaseStatus, NonNullable<UpdateCaseRequest['status']>[]> = {
  new: ['in_progress', 'waiting_customer', 'resolved'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
};

export default function CasePage({ params }: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useLabels();
  const me = useSession();
  const { agents } = useAssignees();
  const ownerName = (id: unknown) => {
    const agent = agents.find((a) => a.id === id);
    return agent ? personName(agent) : t('cases.someone');
  };
  const canWrite = useCan('cases:write');
  const canSettings = useCan('settings:read');
  const queryClient = useQueryClient();
  const key = ['case', params.id];
  const detail = useQuery({ queryKey: key, queryFn: () => get<CaseDetail>(`/cases/${params.id}`) });
  const settings = useQuery({
    queryKey: ['case-settings'],
    queryFn: () => get<CaseSettings>('/settings/cases'),
    enabled: canSettings,
  });
  const change = useMutation({
    mutationFn: (body: UpdateCaseRequest) => patch<Case>(`/cases/${params.id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const c = detail.data;
  if (!c) return <p className="loading">{t('common.loading')}</p>;
  const open = OPEN_STATUSES.includes(c.status);
  return (
    <section className="stack">
      <p>
        <Link to="/cases">← {t('cases.title')}</Link>
      </p>
      <div className="page-head">
        <h1 className="free-text">{c.title}</h1>
        <span className="badge" data-testid="case-status">
          {t(`caseStatus.${c.status}`)}
        </span>
      </div>
      <div className="grid">
        <div className="card">
          <h2>{t('cases.details')}</h2>
          <dl className="facts">
            <dt>{t('cases.priority')}</dt>
            <dd>{t(`priorities.${c.priority}`)}</dd>
            <dt>{t('customers.tier')}</dt>
            <dd>{labels.tier(c.tier)}</dd>
            <dt>{t('feedback.customer')}</dt>
            <dd>
              {c.customer ? (
                <Link to={`/customers/${encodeURIComponent(c.customer.externalId)}`}>
                  {c.customer.name ?? c.customer.externalId}
                </Link>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('cases.owner')}</dt>
            <dd data-testid="case-owner">
              {c.owner
                ? c.owner.id === me.user?.id
                  ? t('cases.youNamed', { name: personName(c.owner) })
                  : personName(c.owner)
                : t('cases.nobody')}
            </dd>
            <dt>{t('settings.team')}</dt>
            <dd data-testid="case-team">{c.team?.name ?? '—'}</dd>
            <dt>{t('dimensions.location')}</dt>
            <dd data-testid="case-location" className={c.location ? 'free-text' : undefined}>
              {c.location?.name ?? '—'}
            </dd>
            <dt>{t('cases.firstResponseDue')}</dt>
            <dd>
              {c.firstRespondedAt ? (
                f.dateTime(c.firstRespondedAt)
              ) : (
                <SlaTimer due={c.firstResponseDueAt} stopped={!open} />
              )}
            </dd>
            <dt>{t('cases.resolutionDue')}</dt>
            <dd>
              {c.resolvedAt ? (
                f.dateTime(c.resolvedAt)
              ) : (
                <SlaTimer due={c.resolutionDueAt} stopped={!open || Boolean(c.pausedAt)} />
              )}
            </dd>
            <dt>{t('cases.rootCause')}</dt>
            <dd>{labels.rootCause(c.rootCause)}</dd>
            <dt>{t('cases.outcome')}</dt>
            <dd className="free-text">{c.outcome ?? '—'}</dd>
          </dl>
          {c.description && <p className="free-text">{c.description}</p>}
        </div>
        {canWrite && (
          <div className="card stack">
            <h2>{t('cases.actions')}</h2>
            <AssignForm
              key={`${c.ownerId}:${c.teamId}`}
              testId="case-assign"
              initial={{ ownerId: c.ownerId, teamId: c.teamId }}
              busy={change.isPending}
              onAssign={(a) => change.mutate(a)}
            />
            <div className="row">
              {c.ownerId !== me.user?.id && me.user && (
                <button type="button" onClick={() => change.mutate({ ownerId: me.user!.id })}>
                  {t('cases.take')}
                </button>
              )}
              {NEXT[c.status].map((s) => (
                <button
                  key={s}
                  type="button"
                  className={s === 'resolved' ? 'primary' : undefined}
                  onClick={() => change.mutate({ status: s })}
                >
                  {t(`cases.to.${s}`)}
                </button>
              ))}
            </div>
            <label>
              {t('cases.priority')}
              <select
                value={c.priority}
                onChange={(e) => change.mutate({ priority: e.target.value as Priority })}
              >
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`priorities.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <OutcomeForm
              key={c.updatedAt}
              initial={{ rootCause: c.rootCause ?? '', outcome: c.outcome ?? '' }}
              causes={settings.data?.rootCauses ?? []}
              onSave={(v) => change.mutate({ rootCause: v.rootCause || null, outcome: v.outcome || null })}
            />
            {change.isError && <ErrorMessage error={change.error} />}
          </div>
        )}
      </div>
      {canWrite && <ReplyForm c={c} />}
      <GoodwillCard caseId={c.id} hasCustomer={c.customerId !== null} />
      <section className="card">
        <h2>{t('customers.timeline')}</h2>
        <ol className="timeline" data-testid="case-timeline">
          {[...c.timeline].reverse().map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <time dateTime={e.at}>{f.dateTime(e.at)}</time>
              <strong>{t(`caseEvents.${e.kind}`, { defaultValue: e.kind })}</strong>
              {e.kind === 'status_changed' && typeof e.data.to === 'string' && (
                <> → {t(`caseStatus.${e.data.to}`)}</>
              )}
              {e.kind === 'priority_changed' && typeof e.data.to === 'string' && (
                <> → {t(`priorities.${e.data.to}`)}</>
              )}
              {e.kind === 'assigned' && <> → {ownerName(e.data.ownerId)}</>}
              {e.kind === 'deadline_changed' && <MovedDeadlines data={e.data} />}
              {e.text && <p className="free-text">{e.text}</p>}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

function OutcomeForm({
  initial,
  causes,
  onSave,
}: {
  initial: { rootCause: string; outcome: string };
  causes: CaseSettings['rootCauses'];
  onSave: (v: { rootCause: string; outcome: string }) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(v);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={id}>{t('cases.rootCause')}</label>
      {causes.length ? (
        <select id={id} value={v.rootCause} onChange={(e) => setV({ ...v, rootCause: e.target.value })}>
          <option value="">—</option>
          {causes.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          maxLength={100}
          value={v.rootCause}
          onChange={(e) => setV({ ...v, rootCause: e.target.value })}
        />
      )}
      <label>
        {t('cases.outcome')}
        <textarea
          rows={2}
          maxLength={2000}
          value={v.outcome}
          onChange={(e) => setV({ ...v, outcome: e.target.value })}
        />
      </label>
      <button type="submit">{t('cases.saveOutcome')}</button>
    </form>
  );
}
