/** Request and response schemas of the recognition feed. */
import { z } from 'zod';
import { ZPageQuery } from '../../../http/pagination';

const STATUSES = ['confirmed', 'pending', 'dismissed'] as const;

export const ZPraiseSchema = z.object({
  id: z.uuid(),
  source: z.enum(['response', 'follow_up']).describe("a customer's answer, or a 'yes, solved' after a case"),
  responseId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  metric: z.string().nullable(),
  score: z.int().nullable(),
  comment: z.string().nullable(),
  locationId: z.uuid().nullable(),
  status: z.enum(STATUSES).describe('pending: naming no one we can tell, or several — a manager confirms'),
  matchedBy: z.enum(['name', 'case', 'manager', 'none']),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.date().nullable(),
  receivedAt: z.date(),
  recipients: z.array(z.object({ id: z.uuid(), name: z.string(), managerId: z.uuid().nullable() })),
});

export const ZFeedQuery = ZPageQuery.extend({
  status: z.enum(STATUSES).optional(),
  teamId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  employeeId: z.uuid().optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe("the caller's own praise and their people's"),
});

export const ZConfirmPraiseRequestSchema = z
  .object({ employeeIds: z.array(z.uuid()).min(1).max(20) })
  .strict();
export const ZPraiseIdParams = z.object({ id: z.uuid() });
