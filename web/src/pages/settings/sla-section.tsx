import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateSlaPolicyRequest,
  Priority,
  SlaPolicy,
  UpdateSlaPolicyRequest,
} from '../../../../src/http/api-types';
import { del, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { PRIORITIES } from '../../lib/domain';
import { useLabels } from '../../lib/labels';
import { BusinessHours } from './business-hours';

/** SLA targets per service tier and priority, and the business hours they are counted in. */
export default function SlaSection() {
  const { t } = useTranslation();
  const labels = useLabels();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const policies = useQuery({
    queryKey: ['sla-policies'],
    queryFn: () => getAll<SlaPolicy>('/sla-policies'),
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSlaPolicyRequest }) =>
      patch<SlaPolicy>(`/sla-policies/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/sla-policies/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
  const minutesInput = (p: SlaPolicy, key: 'firstResponseMinutes' | 'resolutionMinutes') =>
    canWrite ? (
      <input
        type="number"
        min={1}
        max={525600}
        defaultValue={p[key]}
        aria-label={t(`sla.${key}`)}
        onBlur={(e) =>
          Number(e.target.value) !== p[key] &&
          update.mutate({ id: p.id, body: { [key]: Number(e.target.value) } })
        }
      />
    ) : (
      p[key]
    );
  return (
    <div className="stack">
      {canWrite && <AddPolicyForm />}
      {(policies.isError || update.isError || remove.isError) && (
        <ErrorMessage error={policies.error ?? update.error ?? remove.error} />
      )}
      <DataTable
        caption={t('sla.policies')}
        rows={policies.data?.items ?? []}
        rowKey={(p) => p.id}
        exportName="sla-policies"
        columns={[
          {
            key: 'tier',
            header: t('customers.tier'),
            value: (p) => labels.tier(p.tier),
            render: (p) => labels.tier(p.tier),
          },
          { key: 'priority', header: t('cases.priority'), render: (p) => t(`priorities.${p.priority}`) },
          {
            key: 'firstResponseMinutes',
            header: t('sla.firstResponseMinutes'),
            numeric: true,
            render: (p) => minutesInput(p, 'firstResponseMinutes'),
          },
          {
            key: 'resolutionMinutes',
            header: t('sla.resolutionMinutes'),
            numeric: true,
            render: (p) => minutesInput(p, 'resolutionMinutes'),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (p: SlaPolicy) => (
                    <button type="button" onClick={() => remove.mutate(p.id)}>
                      {t('common.delete')}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <BusinessHours />
    </div>
  );
}

function AddPolicyForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState<CreateSlaPolicyRequest>({
    tier: 'standard',
    priority: 'normal',
    firstResponseMinutes: 240,
    resolutionMinutes: 2880,
  });
  const add = useMutation({
    mutationFn: () => post<SlaPolicy>('/sla-policies', v),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('sla.add')}</h2>
      <label>
        {t('customers.tier')}
        <input
          required
          pattern="[a-z0-9][a-z0-9_\-]{0,39}"
          value={v.tier}
          onChange={(e) => setV({ ...v, tier: e.target.value })}
        />
      </label>
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
      <label>
        {t('sla.firstResponseMinutes')}
        <input
          type="number"
          min={1}
          required
          value={v.firstResponseMinutes}
          onChange={(e) => setV({ ...v, firstResponseMinutes: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('sla.resolutionMinutes')}
        <input
          type="number"
          min={1}
          required
          value={v.resolutionMinutes}
          onChange={(e) => setV({ ...v, resolutionMinutes: Number(e.target.value) })}
        />
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('sla.add')}
      </button>
      {add.isError && <ErrorMessage error={add.error} />}
    </form>
  );
}
