import { useQuery } from '@tanstack/react-query';
import type { CaseAgent, TeamName } from '../../../../src/http/api-types';
import { getAll } from '../../api/client';

/** The people and teams a case may be assigned to, by name. */
export function useAssignees() {
  const agents = useQuery({ queryKey: ['case-agents'], queryFn: () => getAll<CaseAgent>('/case-agents') });
  const teams = useQuery({
    queryKey: ['case-desk-teams'],
    queryFn: () => getAll<TeamName>('/case-desk/teams'),
  });
  return { agents: agents.data?.items ?? [], teams: teams.data?.items ?? [] };
}

/** A person as lists show them: by name, or by e-mail when unnamed. */
export const personName = (p: { name: string; email: string }) => p.name || p.email;
