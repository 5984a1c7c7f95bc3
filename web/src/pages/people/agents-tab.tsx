import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentScorecards, SocoTeamResults, Team, TrainingGaps } from '../../../../src/http/api-types';
import { get, getAll } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../lib/format';

type Rate = AgentScorecards['people'][number]['slaMet'];

/**
 * Each person's and team's service work over the last 90 days: cases, times, SLA met and customers'
 * "yes, solved" with their intervals, praise, goodwill, training gaps and the team's SOCO.
 */
export default function AgentsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [teamId, setTeamId] = useState('');
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => getAll<Team>('/teams') });
  const cards = useQuery({
    queryKey: ['agent-scorecards', teamId],
    queryFn: () => get<AgentScorecards>('/agents/scorecards', teamId ? { teamId } : {}),
  });
  const gaps = useQuery({
    queryKey: ['training-gaps', teamId],
    queryFn: () => get<TrainingGaps>('/training/gaps', { limit: 500, ...(teamId ? { teamId } : {}) }),
  });
  const soco = useQuery({
    queryKey: ['soco-team', teamId],
    queryFn: () => get<SocoTeamResults>(`/soco/teams/${teamId}/results`),
    enabled: Boolean(teamId),
  });
  const gapsOf = new Map((gaps.data?.items ?? []).map((g) => [g.employeeId, g.gaps.length]));
  const rate = (r: Rate) =>
    r ? t('agents.rate', { value: f.pct(r.value), lo: f.pct(r.ci95[0]), hi: f.pct(r.ci95[1]), n: r.n }) : '—';
  const minutes = (m: number | null) => (m === null ? '—' : t('agents.minutes', { n: Math.round(m) }));
  const common = [
    { key: 'casesHandled', header: t('agents.handled'), numeric: true },
    { key: 'casesResolved', header: t('agents.resolved'), numeric: true },
    {
      key: 'firstResponse',
      header: t('agents.firstResponse'),
      render: (r: Row) => minutes(r.medianFirstResponseMinutes),
    },
    {
      key: 'resolution',
      header: t('agents.resolution'),
      render: (r: Row) => minutes(r.medianResolutionMinutes),
    },
    { key: 'slaMet', header: t('agents.slaMet'), render: (r: Row) => rate(r.slaMet) },
    { key: 'solved', header: t('agents.solved'), render: (r: Row) => rate(r.solvedByFollowUp) },
    { key: 'praise', header: t('agents.praise'), numeric: true },
    {
      key: 'goodwill',
      header: t('agents.goodwill'),
      numeric: true,
      render: (r: Row) => f.money(r.goodwillMinor),
    },
  ];
  type Row = AgentScorecards['people'][number] | AgentScorecards['teams'][number];
  return (
    <div className="stack">
      <p>{t('agents.help')}</p>
      <label>
        {t('people.team')}
        <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {teams.data?.items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {cards.isError && <ErrorMessage error={cards.error} />}
      <DataTable
        caption={t('agents.teams')}
        rows={cards.data?.teams ?? []}
        rowKey={(r) => r.teamId}
        exportName="team-scorecards"
        columns={[
          { key: 'name', header: t('people.team') },
          { key: 'members', header: t('people.members'), numeric: true },
          ...common,
        ]}
      />
      <DataTable
        caption={t('agents.people')}
        rows={cards.data?.people ?? []}
        rowKey={(r) => r.employeeId}
        exportName="people-scorecards"
        columns={[
          { key: 'name', header: t('people.name') },
          ...common,
          {
            key: 'training',
            header: t('agents.trainingGaps'),
            numeric: true,
            render: (r) => gapsOf.get(r.employeeId) ?? 0,
          },
        ]}
      />
      {soco.data && (
        <DataTable
          caption={t('agents.soco', { team: soco.data.team.name })}
          rows={soco.data.byRater}
          rowKey={(r) => r.raterKind}
          columns={[
            { key: 'raterKind', header: t('agents.rater'), render: (r) => t(`agents.raters.${r.raterKind}`) },
            { key: 'mean', header: t('agents.socoMean'), numeric: true, render: (r) => f.num(r.mean) },
          ]}
        />
      )}
    </div>
  );
}
