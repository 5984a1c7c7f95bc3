import type { CustomerExtension } from '../../customers/api';
import { blankCustomerTexts, listCustomerCases, listTimeline } from '../data/repo-cases';

/** What the closed loop holds about a customer: open cases on the profile; all cases and notes in the export. */
export const caseExtensions: CustomerExtension[] = [
  {
    name: 'openCases',
    profile: async (tx, orgId, customerId) =>
      (await listCustomerCases(tx, orgId, customerId, true)).map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        priority: c.priority,
        nextDueAt: c.nextDueAt,
        createdAt: c.createdAt,
      })),
  },
  {
    name: 'cases',
    export: async (tx, orgId, customerId) => {
      const out = [];
      for (const c of await listCustomerCases(tx, orgId, customerId, false)) {
        out.push({
          id: c.id,
          title: c.title,
          description: c.description,
          status: c.status,
          priority: c.priority,
          rootCause: c.rootCause,
          outcome: c.outcome,
          createdAt: c.createdAt,
          resolvedAt: c.resolvedAt,
          closedAt: c.closedAt,
          timeline: (await listTimeline(tx, orgId, c.id)).map((e) => ({
            kind: e.kind,
            text: e.text,
            at: e.at,
          })),
        });
      }
      return out;
    },
    erase: (tx, orgId, customerId) => blankCustomerTexts(tx, orgId, customerId),
  },
];
