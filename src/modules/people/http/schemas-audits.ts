/** Request and response schemas of service audits: checklists, visits, shopper links, photos and trends. */
import { z } from 'zod';
import { ZDay, ZInstantDate } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { LOCALES } from '../../../i18n/locales';
import { AUDIT_COMPONENTS, AUDIT_RESULTS } from '../domain/audit-scoring';

const ZItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (up to 40)');
const ZItemText = z
  .object({
    en: z.string().trim().min(1).max(500),
    pl: z.string().trim().min(1).max(500),
    cs: z.string().trim().min(1).max(500),
    ru: z.string().trim().min(1).max(500),
  })
  .partial()
  .strict()
  .refine((t) => Object.keys(t).length > 0, 'needs the text in at least one language');

export const ZAuditItemSchema = z.object({
  id: z.string(),
  component: z.enum(AUDIT_COMPONENTS),
  text: z.object({ en: z.string(), pl: z.string(), cs: z.string(), ru: z.string() }).partial(),
  weight: z.number(),
  critical: z.boolean(),
});

const ZAuditItemInput = z
  .object({
    id: ZItemId.optional().describe('stable id of the item; given when left out'),
    component: z
      .enum(AUDIT_COMPONENTS)
      .describe('service, aesthetic (premises, appearance) or ethical (attitude, manners)'),
    text: ZItemText,
    weight: z.number().min(0.1).max(100).default(1),
    critical: z
      .boolean()
      .default(false)
      .describe('a failed critical item fails the visit whatever its score'),
  })
  .strict();

export const ZAuditChecklistSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  locationId: z.uuid().nullable(),
  channel: z.string().nullable(),
  items: z.array(ZAuditItemSchema),
  version: z.int().describe('raised when the items change; a visit keeps the version it was planned with'),
  ownerId: z.uuid().nullable().describe("owns a corrective action when the location's team has no manager"),
  dueDays: z.int(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const checklistFields = {
  name: z.string().trim().min(1).max(200),
  locationId: z.uuid().nullable().describe('the location it is for; null: any location'),
  channel: z.string().trim().min(1).max(50).nullable().describe('the channel it is for (store, phone, web…)'),
  items: z.array(ZAuditItemInput).min(1).max(200),
  ownerId: z.uuid().nullable(),
  dueDays: z.int().min(1).max(365).describe('days a corrective action has'),
  active: z.boolean(),
};
export const ZCreateAuditChecklistRequestSchema = z
  .object({
    ...checklistFields,
    locationId: checklistFields.locationId.optional(),
    channel: checklistFields.channel.optional(),
    ownerId: checklistFields.ownerId.optional(),
    dueDays: checklistFields.dueDays.default(7),
    active: z.boolean().default(true),
  })
  .strict();
export const ZUpdateAuditChecklistRequestSchema = z.object(checklistFields).partial().strict();

export const ZAuditChecklistListSchema = z.object({ items: z.array(ZAuditChecklistSchema) });

const ZComponentScores = z
  .object({
    service: z.number().nullable(),
    aesthetic: z.number().nullable(),
    ethical: z.number().nullable(),
  })
  .partial();

export const ZAuditVisitSchema = z.object({
  id: z.uuid(),
  checklistId: z.uuid(),
  checklistVersion: z.int(),
  locationId: z.uuid(),
  kind: z.enum(['auditor', 'shopper']),
  auditorId: z.uuid().nullable(),
  shopperName: z.string().nullable(),
  locale: z.string(),
  status: z.enum(['scheduled', 'done']),
  scheduledAt: z.date(),
  doneAt: z.date().nullable(),
  score: z.number().nullable().describe('0–100, weighted over the applicable items'),
  componentScores: ZComponentScores,
  failed: z.boolean().nullable().describe('a critical item failed'),
  caseId: z.uuid().nullable().describe('the corrective-action case'),
  createdAt: z.date(),
});

export const ZAuditPhotoSchema = z.object({
  id: z.uuid(),
  itemId: z.string().nullable(),
  contentType: z.string(),
  size: z.int(),
  createdAt: z.date(),
});

export const ZAuditVisitDetailSchema = ZAuditVisitSchema.extend({
  items: z.array(ZAuditItemSchema),
  answers: z.array(
    z.object({ itemId: z.string(), result: z.enum(AUDIT_RESULTS), note: z.string().nullable() }),
  ),
  photos: z.array(ZAuditPhotoSchema),
});

export const ZAuditVisitListQuery = ZPageQuery.extend({
  locationId: z.uuid().optional(),
  checklistId: z.uuid().optional(),
  status: z.enum(['scheduled', 'done']).optional(),
});

export const ZCreateAuditVisitRequestSchema = z
  .object({
    checklistId: z.uuid(),
    locationId: z.uuid().optional().describe("the checklist's location when left out"),
    kind: z.enum(['auditor', 'shopper']).default('auditor'),
    auditorId: z.uuid().nullable().optional().describe('the user who audits'),
    shopperName: z.string().trim().min(1).max(200).nullable().optional(),
    locale: z.enum(LOCALES).optional().describe("the shopper's language; the organization's when left out"),
    scheduledAt: ZInstantDate.optional(),
  })
  .strict();

export const ZSubmitAuditVisitRequestSchema = z
  .object({
    answers: z
      .array(
        z
          .object({
            itemId: ZItemId,
            result: z.enum(AUDIT_RESULTS),
            note: z.string().trim().max(2000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const ZShopperLinkRequestSchema = z
  .object({
    expiresInDays: z.int().min(1).max(90).default(14),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

export const ZShopperLinkResponseSchema = z.object({
  url: z.string(),
  token: z.string(),
  expiresAt: z.date(),
  qrSvg: z.string().describe('the link as a QR code (SVG)'),
});

export const ZAuditPhotoQuery = z.object({ itemId: ZItemId.optional() });
export const ZVisitParams = z.object({ id: z.uuid() });
export const ZPhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

export const ZAuditTrendQuery = z.object({
  from: ZDay.optional(),
  to: ZDay.optional().describe('exclusive'),
  locationId: z.uuid().optional(),
});
export const ZAuditTrendSchema = z.object({
  items: z.array(
    z.object({
      locationId: z.uuid(),
      month: z.string(),
      visits: z.int(),
      score: z.number().nullable(),
      failed: z.int(),
      service: z.number().nullable(),
      aesthetic: z.number().nullable(),
      ethical: z.number().nullable(),
    }),
  ),
});
