import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CaseTeam,
  CreateCaseTeamRequest,
  UpdateCaseTeamRequest,
  User,
} from '../../../../src/http/api-types';
import { del, getAll, patch, post } from '../../api/client';
import { useCan } from '../../api/session';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';

/** A user as the lists show them: by name, or by e-mail when unnamed. */
const shown = (u: User) => u.name || u.email;

/**
 * Case teams: who manages each (escalations go to the manager) and how many open cases a member
 * carries before assignment passes over them. Members are the users whose team is the team's name.
 */
export default function CaseTeamsSection() {
  const { t } = useTranslation();
  const canWrite = useCan('settings:write');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CaseTeam | null>(null);
  const teams = useQuery({ queryKey: ['case-teams'], queryFn: () => getAll<CaseTeam>('/case-teams') });
  const users = useQuery({ queryKey: ['users'], queryFn: () => getAll<User>('/users') });
  const remove = useMutation({
    mutationFn: (team: CaseTeam) => del(`/case-teams/${team.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-teams'] }),
  });
  const people = users.data?.items ?? [];
  const nameOf = (id: string | null) => {
    const user = people.find((u) => u.id === id);
    return user ? shown(user) : '—';
  };
  const membersOf = (team: CaseTeam) =>
    people
      .filter((u) => u.team === team.name && !u.disabledAt)
      .map(shown)
      .join(', ') || '—';
  return (
    <div className="stack">
      <p>{t('teams.help')}</p>
      {canWrite && (
        <TeamForm key={editing?.id ?? 'new'} team={editing} users={people} onDone={() => setEditing(null)} />
      )}
      {(teams.isError || remove.isError) && <ErrorMessage error={teams.error ?? remove.error} />}
      <DataTable
        caption={t('teams.title')}
        rows={teams.data?.items ?? []}
        rowKey={(team) => team.id}
        exportName="case-teams"
        columns={[
          { key: 'name', header: t('teams.name') },
          {
            key: 'manager',
            header: t('teams.manager'),
            value: (team) => nameOf(team.managerId),
            render: (team) => nameOf(team.managerId),
          },
          { key: 'members', header: t('teams.members'), value: membersOf, render: membersOf },
          { key: 'defaultCapacity', header: t('teams.capacity'), numeric: true },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  header: t('common.actions'),
                  value: () => '',
                  render: (team: CaseTeam) => (
                    <span className="row">
                      <button type="button" onClick={() => setEditing(team)}>
                        {t('common.edit')}
                      </button>
                      <button type="button" onClick={() => remove.mutate(team)}>
                        {t('common.delete')}
                      </button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function TeamForm({ team, users, onDone }: { team: CaseTeam | null; users: User[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState(team?.managerId ?? '');
  const [capacity, setCapacity] = useState(String(team?.defaultCapacity ?? 20));
  const save = useMutation({
    mutationFn: () => {
      const body = { name, managerId: managerId || null, defaultCapacity: Number(capacity) };
      return team
        ? patch<CaseTeam>(`/case-teams/${team.id}`, body satisfies UpdateCaseTeamRequest)
        : post<CaseTeam>('/case-teams', body satisfies CreateCaseTeamRequest);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case-teams'] });
      setName('');
      setManagerId('');
      setCapacity('20');
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = team ? t('teams.editing', { name: team.name }) : t('teams.add');
  return (
    <form className="card form inline" onSubmit={submit}>
      <h2>{title}</h2>
      <label>
        {t('teams.name')}
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('teams.manager')}
        <select value={managerId} onChange={(e) => setManagerId(e.target.value)}>
          <option value="">—</option>
          {users
            .filter((u) => !u.disabledAt)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {shown(u)}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('teams.capacity')}
        <input
          type="number"
          required
          min={0}
          max={10000}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={save.isPending}>
        {team ? t('common.save') : t('teams.add')}
      </button>
      {team && (
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      )}
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
