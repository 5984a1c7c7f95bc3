import { defineEvents } from '../../events/bus';

/** The closed loop's events: their payloads (below) and what each means. */
export const caseEvents = defineEvents({
  'case.created': { webhook: true, summary: 'A case was opened, by hand or by a rule' },
  'case.updated': { webhook: true, summary: 'A case changed: status, owner, priority, a note or an e-mail' },
  'case.resolved': { webhook: true, summary: 'A case was resolved' },
  'case.assigned': { webhook: true, summary: 'A case got a new owner or team (null: unassigned)' },
  'case.follow_up_answered': {
    webhook: true,
    summary:
      'The customer answered "was your issue solved?" after a resolution: yes closes the case, no reopens it',
  },
});

declare module '../../events/bus' {
  interface DomainEvents {
    'case.created': { orgId: string; caseId: string; customerId: string | null; priority: string };
    'case.updated': {
      orgId: string;
      caseId: string;
      customerId: string | null;
      status: string;
      changes: string[];
    };
    'case.resolved': { orgId: string; caseId: string; customerId: string | null; responseId: string | null };
    'case.follow_up_answered': {
      orgId: string;
      caseId: string;
      customerId: string | null;
      answer: 'yes' | 'no';
      /** Who resolved it: the case's owner at the time. */
      ownerId: string | null;
    };
    'case.assigned': {
      orgId: string;
      caseId: string;
      customerId: string | null;
      ownerId: string | null;
      teamId: string | null;
    };
  }
  interface ModuleEvents {
    cases: typeof caseEvents;
  }
}
