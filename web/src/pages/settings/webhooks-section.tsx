import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateWebhookRequest,
  CreateWebhookResponse,
  Webhook,
  WebhookEvent,
} from '../../../../src/http/api-types';
import { del, getAll, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { SecretOnce } from '../../components/secret-once';
import { keysOf } from '../../lib/domain';

const EVENTS = keysOf<WebhookEvent>({
  'loyalty.points_earned': true,
  'loyalty.points_expired': true,
  'loyalty.points_adjusted': true,
  'loyalty.invariant_broken': true,
  'case.created': true,
  'case.updated': true,
  'case.resolved': true,
  'case.assigned': true,
  'response.created': true,
  'customer.stage_changed': true,
  'customer.created': true,
  'customer.tier_changed': true,
  'goodwill.granted': true,
  'audit.completed': true,
  'case.follow_up_answered': true,
  'praise.received': true,
  'soco.assessed': true,
  'training.completed': true,
  'loyalty.tier_changed': true,
  'loyalty.tier_downgrade_pending': true,
  'loyalty.points_expiring': true,
  'loyalty.redeemed': true,
  'loyalty.redemption_cancelled': true,
  'referral.qualified': true,
  'referral.rewarded': true,
  'offer.converted': true,
  'perk.assessed': true,
});

/** Endpoints that receive signed events as they happen. */
export default function WebhooksSection() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => getAll<Webhook>('/webhooks') });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/webhooks/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  return (
    <div className="stack">
      {canWrite && <AddWebhookForm />}
      {(hooks.isError || remove.isError) && <ErrorMessage error={hooks.error ?? remove.error} />}
      <DataTable
        caption={t('webhooks.title')}
        rows={hooks.data?.items ?? []}
        rowKey={(h) => h.id}
        exportName="webhooks"
        columns={[
          { key: 'url', header: 'URL', render: (h) => <code>{h.url}</code> },
          { key: 'description', header: t('webhooks.description') },
          { key: 'events', header: t('webhooks.events'), render: (h) => <code>{h.events.join(', ')}</code> },
          {
            key: 'enabled',
            header: t('settings.status'),
            value: (h) => h.enabled,
            render: (h) => (h.enabled ? t('settings.active') : t('settings.disabled')),
          },
          { key: 'consecutiveFailures', header: t('webhooks.failures'), numeric: true },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (h: Webhook) => (
                    <button type="button" onClick={() => remove.mutate(h.id)}>
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

function AddWebhookForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['case.created']);
  const add = useMutation({
    mutationFn: () =>
      post<CreateWebhookResponse>('/webhooks', { url, description, events } satisfies CreateWebhookRequest),
    onSuccess: () => {
      setUrl('');
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('webhooks.add')}</h2>
      <label>
        URL
        <input type="url" required maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        {t('webhooks.description')}
        <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset className="row">
        <legend>{t('webhooks.events')}</legend>
        {EVENTS.map((ev) => (
          <label key={ev} className="check">
            <input
              type="checkbox"
              checked={events.includes(ev)}
              onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))}
            />
            <code>{ev}</code>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={add.isPending || !events.length}>
        {t('webhooks.add')}
      </button>
      {add.isError && <ErrorMessage error={add.error} />}
      {add.data && <SecretOnce label={t('webhooks.secret')} value={add.data.secret} />}
    </form>
  );
}
