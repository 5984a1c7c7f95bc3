import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CaseTeam,
  CreateUserRequest,
  CreateUserResponse,
  Role,
  UpdateUserRequest,
  User,
} from '../../../../src/http/api-types';
import { getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { SecretOnce } from '../../components/secret-once';
import { ROLES } from '../../lib/domain';
import { useFormat } from '../../lib/format';

export default function UsersSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan('users:manage');
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => getAll<User>('/users') });
  // Case teams a user can join; a team name no team carries any more is still shown as it is.
  const teams = useQuery({
    queryKey: ['case-teams'],
    queryFn: () => getAll<CaseTeam>('/case-teams'),
  });
  const teamNames = (teams.data?.items ?? []).map((team) => team.name);
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => patch<User>(`/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <div className="stack">
      {canManage && <AddUserForm />}
      {users.isError && <ErrorMessage error={users.error} />}
      {update.isError && <ErrorMessage error={update.error} />}
      <DataTable
        caption={t('settings.users')}
        rows={users.data?.items ?? []}
        rowKey={(u) => u.id}
        exportName="users"
        columns={[
          { key: 'email', header: t('settings.email') },
          { key: 'name', header: t('settings.name') },
          {
            key: 'role',
            header: t('settings.role'),
            value: (u) => u.role,
            render: (u) =>
              canManage ? (
                <select
                  aria-label={t('settings.roleOf', { email: u.email })}
                  value={u.role}
                  onChange={(e) => update.mutate({ id: u.id, body: { role: e.target.value as Role } })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              ) : (
                t(`roles.${u.role}`)
              ),
          },
          {
            key: 'team',
            header: t('settings.team'),
            render: (u) =>
              canManage ? (
                <select
                  aria-label={t('settings.teamOf', { email: u.email })}
                  value={u.team ?? ''}
                  onChange={(e) => update.mutate({ id: u.id, body: { team: e.target.value || null } })}
                >
                  <option value="">—</option>
                  {[...new Set([...teamNames, ...(u.team ? [u.team] : [])])].map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              ) : (
                (u.team ?? '—')
              ),
          },
          { key: 'createdAt', header: t('settings.created'), render: (u) => f.date(u.createdAt) },
          {
            key: 'disabledAt',
            header: t('settings.status'),
            value: (u) => (u.disabledAt ? 'disabled' : 'active'),
            render: (u) => (
              <>
                {u.disabledAt ? t('settings.disabled') : t('settings.active')}{' '}
                {canManage && (
                  <button
                    type="button"
                    onClick={() => update.mutate({ id: u.id, body: { disabled: !u.disabledAt } })}
                  >
                    {u.disabledAt ? t('settings.enable') : t('settings.disable')}
                  </button>
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

function AddUserForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const add = useMutation({
    mutationFn: () => post<CreateUserResponse>('/users', { email, name, role } satisfies CreateUserRequest),
    onSuccess: () => {
      setEmail('');
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{t('settings.addUser')}</h2>
      <label>
        {t('settings.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('settings.name')}
        <input maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('settings.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('settings.addUser')}
      </button>
      {add.isError && <ErrorMessage error={add.error} />}
      {add.data && <SecretOnce label={t('settings.password')} value={add.data.password} />}
    </form>
  );
}
