import { defineEvents } from '../../events/bus';

/** The people module's events: their payloads (below) and what each means. */
export const peopleEvents = defineEvents({
  'soco.assessed': {
    webhook: true,
    summary: 'A SOCO assessment of a person was recorded: by themselves, their manager or a customer',
  },
  'training.completed': { webhook: true, summary: 'A person completed a training course' },
  'praise.received': {
    webhook: true,
    summary: "A customer's praise reached the people it is for (and so their managers)",
  },
  'goodwill.granted': {
    webhook: true,
    summary:
      'An agent granted a customer a goodwill gesture (refund, gift, service) on a case, within the budget',
  },
  'audit.completed': {
    webhook: true,
    summary:
      'A service audit or mystery-shopper visit was reported: its score per component, whether a critical item failed, its location and corrective case',
  },
});

declare module '../../events/bus' {
  interface DomainEvents {
    'praise.received': {
      orgId: string;
      praiseId: string;
      source: 'response' | 'follow_up';
      employeeIds: string[];
      /** The managers of those people: they see it in their feed too. */
      managerIds: string[];
    };
    'soco.assessed': {
      orgId: string;
      assessmentId: string;
      employeeId: string;
      raterKind: 'self' | 'manager' | 'customer';
      form: 'full' | 'short' | 'customer';
      mean: number;
    };
    'training.completed': {
      orgId: string;
      completionId: string;
      employeeId: string;
      courseId: string;
      completedOn: string;
    };
    'audit.completed': {
      orgId: string;
      visitId: string;
      checklistId: string;
      locationId: string;
      kind: 'auditor' | 'shopper';
      score: number | null;
      components: Record<'service' | 'aesthetic' | 'ethical', number | null>;
      failed: boolean;
      caseId: string | null;
    };
    'goodwill.granted': {
      orgId: string;
      grantId: string;
      caseId: string;
      customerId: string;
      customerExternalId: string;
      tier: string;
      kind: string;
      amountMinor: number;
      currency: string;
    };
  }
  interface ModuleEvents {
    people: typeof peopleEvents;
  }
}
