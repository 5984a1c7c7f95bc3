/** Request and response schemas of report subscriptions. */
import { z } from 'zod';
import { ZPageQuery } from '../../../http/pagination';
import { FREQUENCIES } from '../domain/periods';

export const ZSubscriptionSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  frequency: z.enum(FREQUENCIES),
  nextSendAt: z
    .date()
    .describe('when the next digest goes out: 07:00 on a Monday or a 1st, organization time'),
  createdAt: z.date(),
});

export const ZSubscribeRequestSchema = z.object({
  frequency: z.enum(FREQUENCIES),
  userId: z
    .uuid()
    .optional()
    .describe('whom to subscribe; the caller when left out (users:manage for anyone else)'),
});

export const ZListSubscriptionsQuery = ZPageQuery.extend({
  userId: z.uuid().optional().describe('whose subscriptions; the caller’s when left out'),
});

export const ZIdParams = z.object({ id: z.uuid() });
