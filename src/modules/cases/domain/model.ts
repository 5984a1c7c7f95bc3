/** Words of the closed loop, as the API spells them. */
export const CASE_STATUSES = ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'waiting_customer'];
export const DONE_STATUSES: readonly CaseStatus[] = ['resolved', 'closed'];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const priorityRank = (p: string) => PRIORITIES.indexOf(p as Priority);

/** Service tiers with default SLA targets; an organization may add its own names. */
export const DEFAULT_TIERS = ['standard', 'priority', 'premium'] as const;
export const FALLBACK_TIER = 'standard';

export const ESCALATION_KINDS = [
  'first_response_warning',
  'first_response_breach',
  'resolution_warning',
  'resolution_breach',
] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/**
 * Moves a person may make. Resolved and closed cases can be reopened (back to in_progress);
 * `new` is only where cases start.
 */
const MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['in_progress', 'waiting_customer', 'resolved', 'closed'],
  in_progress: ['waiting_customer', 'resolved', 'closed'],
  waiting_customer: ['in_progress', 'resolved', 'closed'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export const canMove = (from: CaseStatus, to: CaseStatus) => from === to || MOVES[from].includes(to);
