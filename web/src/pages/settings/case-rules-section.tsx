import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CaseRule,
  CaseRuleConditions,
  CreateCaseRuleRequest,
  Location,
  Metric,
  Priority,
  UpdateCaseRuleRequest,
} from '../../../../src/http/api-types';
import { del, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { METRICS } from '../../feedback/metric-api';
import { PRIORITIES } from '../../lib/domain';
import { useLabels } from '../../lib/labels';

/** A rule with its conditions as they were accepted (the answer types them as any object). */
type Rule = Omit<CaseRule, 'conditions'> & { conditions: CaseRuleConditions };

/** Which feedback opens a case on its own: "an NPS of 6 or less at the café opens a high-priority case". */
export default function CaseRulesSection() {
  const { t } = useTranslation();
  const labels = useLabels();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['case-rules'], queryFn: () => getAll<Rule>('/case-rules') });
  const locations = useLocations();
  const locationNames = (r: Rule) =>
    (r.conditions.locations ?? []).map((id) => locations.get(id) ?? '—').join(', ');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['case-rules'] });
  const toggle = useMutation({
    mutationFn: (r: Rule) =>
      patch<CaseRule>(`/case-rules/${r.id}`, { enabled: !r.enabled } satisfies UpdateCaseRuleRequest),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => del(`/case-rules/${id}`), onSuccess: refresh });
  const describe = (r: Rule) =>
    r.trigger === 'event'
      ? t('rules.onEvents', { types: (r.conditions.eventTypes ?? []).map(labels.eventType).join(', ') })
      : r.conditions.metric
        ? t('rules.onScore', { metric: labels.metric(r.conditions.metric), max: r.conditions.max })
        : t('rules.onAnyResponse');
  return (
    <div className="stack">
      {canWrite && <AddRuleForm />}
      {(rules.isError || toggle.isError || remove.isError) && (
        <ErrorMessage error={rules.error ?? toggle.error ?? remove.error} />
      )}
      <DataTable
        caption={t('rules.title')}
        rows={rules.data?.items ?? []}
        rowKey={(r) => r.id}
        exportName="case-rules"
        columns={[
          {
            key: 'name',
            header: t('rules.name'),
            render: (r) => <span className="free-text">{r.name}</span>,
          },
          { key: 'when', header: t('rules.when'), value: describe, render: describe },
          {
            key: 'locations',
            header: t('dimensions.location'),
            value: locationNames,
            render: (r) =>
              r.conditions.locations?.length ? (
                <span className="free-text">{locationNames(r)}</span>
              ) : (
                t('common.all')
              ),
          },
          {
            key: 'priority',
            header: t('cases.priority'),
            render: (r) => t(`priorities.${r.priority}`, { defaultValue: r.priority }),
          },
          {
            key: 'enabled',
            header: t('settings.status'),
            value: (r) => r.enabled,
            render: (r) => (
              <>
                {r.enabled ? t('settings.active') : t('settings.disabled')}{' '}
                {canWrite && (
                  <button type="button" onClick={() => toggle.mutate(r)}>
                    {r.enabled ? t('settings.disable') : t('settings.enable')}
                  </button>
                )}
              </>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (r: Rule) => (
                    <button type="button" onClick={() => remove.mutate(r.id)}>
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

/** The organization's locations by id, with their names. */
function useLocations() {
  const list = useQuery({ queryKey: ['locations'], queryFn: () => getAll<Location>('/locations') });
  return new Map((list.data?.items ?? []).map((l) => [l.id, l.name]));
}

function AddRuleForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locations = useLocations();
  const [v, setV] = useState<{
    name: string;
    metric: Metric;
    max: number;
    touchpoint: string;
    location: string;
    priority: Priority;
  }>({ name: '', metric: 'nps', max: 6, touchpoint: '', location: '', priority: 'normal' });
  const add = useMutation({
    mutationFn: () =>
      post<CaseRule>('/case-rules', {
        name: v.name,
        trigger: 'response',
        priority: v.priority,
        conditions: {
          metric: v.metric,
          max: v.max,
          ...(v.touchpoint ? { touchpoints: [v.touchpoint] } : {}),
          ...(v.location ? { locations: [v.location] } : {}),
        },
      } satisfies CreateCaseRuleRequest),
    onSuccess: () => {
      setV({ ...v, name: '' });
      void queryClient.invalidateQueries({ queryKey: ['case-rules'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('rules.add')}</h2>
      <label>
        {t('rules.name')}
        <input
          required
          maxLength={200}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
      </label>
      <label>
        {t('feedback.metric')}
        <select value={v.metric} onChange={(e) => setV({ ...v, metric: e.target.value as Metric })}>
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`metrics.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rules.max')}
        <input
          type="number"
          min={0}
          max={10}
          required
          value={v.max}
          onChange={(e) => setV({ ...v, max: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('surveys.touchpoint')}
        <input
          maxLength={200}
          value={v.touchpoint}
          onChange={(e) => setV({ ...v, touchpoint: e.target.value.trim() })}
        />
      </label>
      {locations.size > 0 && (
        <label>
          {t('dimensions.location')}
          <select value={v.location} onChange={(e) => setV({ ...v, location: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {[...locations].map(([id, name]) => (
              <option key={id} value={id} className="free-text">
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('cases.priority')}
        <select value={v.priority} onChange={(e) => setV({ ...v, priority: e.target.value as Priority })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priorities.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('rules.add')}
      </button>
      {add.isError && <ErrorMessage error={add.error} />}
    </form>
  );
}
