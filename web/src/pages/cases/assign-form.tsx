import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personName, useAssignees } from './use-assignees';

export type Assignment = { ownerId: string | null; teamId: string | null };

/**
 * Picks an owner (any agent) and a team by name; `''` in a select means nobody / no team.
 * `testId` names the form for browser tests.
 */
export function AssignForm({
  initial,
  onAssign,
  busy,
  testId,
}: {
  initial: Assignment;
  onAssign: (a: Assignment) => void;
  busy?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const { agents, teams } = useAssignees();
  const [ownerId, setOwnerId] = useState(initial.ownerId ?? '');
  const [teamId, setTeamId] = useState(initial.teamId ?? '');
  const ownerField = useId();
  const teamField = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAssign({ ownerId: ownerId || null, teamId: teamId || null });
  };
  return (
    <form className="row" onSubmit={submit} data-testid={testId}>
      <label htmlFor={ownerField}>{t('cases.owner')}</label>
      <select
        id={ownerField}
        value={ownerId}
        onChange={(e) => setOwnerId(e.target.value)}
        data-testid={`${testId}-owner`}
      >
        <option value="">{t('cases.nobody')}</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {personName(a)}
          </option>
        ))}
      </select>
      <label htmlFor={teamField}>{t('settings.team')}</label>
      <select
        id={teamField}
        value={teamId}
        onChange={(e) => setTeamId(e.target.value)}
        data-testid={`${testId}-team`}
      >
        <option value="">{t('cases.noTeam')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy} data-testid={`${testId}-submit`}>
        {t('cases.assign')}
      </button>
    </form>
  );
}
