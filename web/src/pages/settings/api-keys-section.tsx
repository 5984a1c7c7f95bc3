import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiKey,
  CreateApiKeyRequest,
  CreateApiKeyResponse,
  Scope,
} from '../../../../src/http/api-types';
import { del, getAll, post } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { SecretOnce } from '../../components/secret-once';
import { SCOPES } from '../../lib/domain';
import { useFormat } from '../../lib/format';

export default function ApiKeysSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => getAll<ApiKey>('/api-keys') });
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/api-keys/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  return (
    <div className="stack">
      <CreateKeyForm />
      {keys.isError && <ErrorMessage error={keys.error} />}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      <DataTable
        caption={t('settings.apiKeys')}
        rows={keys.data?.items ?? []}
        rowKey={(k) => k.id}
        columns={[
          { key: 'name', header: t('settings.keyName') },
          { key: 'prefix', header: t('settings.prefix'), render: (k) => <code>ork_{k.prefix}_…</code> },
          {
            key: 'scopes',
            header: t('settings.scopes'),
            render: (k) => k.scopes.map((s) => t(`scopes.${s}`)).join(', '),
          },
          { key: 'createdAt', header: t('settings.created'), render: (k) => f.date(k.createdAt) },
          { key: 'lastUsedAt', header: t('settings.lastUsed'), render: (k) => f.dateTime(k.lastUsedAt) },
          {
            key: 'revokedAt',
            header: t('settings.status'),
            render: (k) =>
              k.revokedAt ? (
                t('settings.revoked')
              ) : (
                <button type="button" onClick={() => revoke.mutate(k.id)}>
                  {t('settings.revoke')}
                </button>
              ),
          },
        ]}
      />
    </div>
  );
}

function CreateKeyForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('read');
  const create = useMutation({
    mutationFn: () =>
      post<CreateApiKeyResponse>('/api-keys', { name, scopes: [scope] } satisfies CreateApiKeyRequest),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('settings.createKey')}</h2>
      <label>
        {t('settings.keyName')}
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('settings.scopes')}
        <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`scopes.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('settings.createKey')}
      </button>
      {create.isError && <ErrorMessage error={create.error} />}
      {create.data && <SecretOnce label={t('settings.apiKey')} value={create.data.apiKey} />}
    </form>
  );
}
