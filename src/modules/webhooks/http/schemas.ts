import { z } from 'zod';
import { ZPageQuery } from '../../../http/pagination';
import { webhookEvents } from '../../catalogue';

const ZUrl = z
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL');
// The catalogue is read from the manifests when first used: the registry is still loading when this file is.
const ZEvents = z.lazy(() => {
  const events = webhookEvents();
  return z.array(z.enum(events)).min(1).max(events.length);
});

export const ZIdParams = z.object({ id: z.uuid() });

export const ZWebhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  consecutiveFailures: z.number().int(),
  disabledAt: z.date().nullable(),
  disabledReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZCreateWebhookRequestSchema = z.object({
  url: ZUrl,
  events: ZEvents,
  description: z.string().max(500).default(''),
});

export const ZCreateWebhookResponseSchema = ZWebhookSchema.extend({
  secret: z.string().describe('signs every delivery (X-Orientir-Signature); shown once'),
});

export const ZUpdateWebhookRequestSchema = z
  .object({ url: ZUrl, events: ZEvents, description: z.string().max(500), enabled: z.boolean() })
  .partial()
  .strict();

export const ZDeliverySchema = z.object({
  id: z.uuid(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'skipped']),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});

export const ZDeliveriesQuery = ZPageQuery;
