export type Case = {
  id: string;
  title: string;
  description: string | null;
  status: string;
  priority: string;
  source: string;
  customerId: string | null;
  responseId: string | null;
  ownerId: string | null;
  teamId: string | null;
  tier: string;
  firstResponseDueAt: string;
  resolutionDueAt: string;
  nextDueAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  pausedAt: string | null;
  breached: boolean;
  rootCause: string | null;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CaseDetail = Case & {
  customer: { id: string; externalId: string; name: string | null } | null;
  timeline: {
    id: number;
    kind: string;
    authorId: string | null;
    text: string | null;
    data: Record<string, unknown>;
    at: string;
  }[];
  escalations: { kind: string; cycle: number; at: string }[];
};

export const CASE_STATUSES = ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export const OPEN_STATUSES = ['new', 'in_progress', 'waiting_customer'];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
