import { z } from 'zod';
import { LOCALES } from '../../../i18n/locales';
import { CASE_STATUSES, PRIORITIES } from '../domain/model';

// The case desk: agents to assign to, bulk actions, saved queue views and canned replies.

export const ZAgentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  team: z.string().nullable(),
});

export const ZTeamNameSchema = z.object({ id: z.uuid(), name: z.string() });

const ZCaseIds = z
  .array(z.uuid())
  .min(1)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a case twice');

export const ZBulkCasesRequestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('assign'),
      caseIds: ZCaseIds,
      ownerId: z.uuid().nullable().optional(),
      teamId: z.uuid().nullable().optional(),
    })
    .strict()
    .refine((b) => b.ownerId !== undefined || b.teamId !== undefined, {
      message: 'assign names an owner, a team or both',
      path: ['ownerId'],
    }),
  z.object({ action: z.literal('close'), caseIds: ZCaseIds }).strict(),
]);

export const ZBulkCasesResponseSchema = z.object({
  changed: z.array(z.uuid()),
  unchanged: z.array(z.uuid()),
});

/** The queue's filters as a view keeps them (the list's query, typed). */
export const ZViewFilters = z
  .object({
    status: z.array(z.enum(CASE_STATUSES)).max(5),
    priority: z.array(z.enum(PRIORITIES)).max(4),
    owner: z.union([z.literal('me'), z.uuid()]),
    team: z.uuid(),
    location: z.uuid(),
    breached: z.boolean(),
    sort: z.enum(['due', 'created']),
  })
  .partial()
  .strict();

const viewFields = {
  name: z.string().trim().min(1).max(100),
  filters: ZViewFilters,
  shared: z.boolean(),
};

export const ZCreateCaseViewRequestSchema = z.object({
  ...viewFields,
  shared: viewFields.shared.default(false),
});
export const ZUpdateCaseViewRequestSchema = z.object(viewFields).partial().strict();

export const ZCaseViewSchema = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  filters: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const ZReplyTexts = z
  .object(
    Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1).max(10_000)])) as Record<
      (typeof LOCALES)[number],
      z.ZodString
    >,
  )
  .partial()
  .strict()
  .refine((t) => Object.keys(t).length > 0, 'must have a text in at least one language');

export const ZCreateCannedReplyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  texts: ZReplyTexts,
});
export const ZUpdateCannedReplyRequestSchema = ZCreateCannedReplyRequestSchema.partial().strict();

export const ZCannedReplySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  texts: z.record(z.string(), z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
