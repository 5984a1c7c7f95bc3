import { z } from 'zod';
import { ZInstantDate } from '../../../http/fields';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { LOCALES } from '../../../i18n/locales';
import { QUESTION_TYPES, SHOW_IF_OPS, TEXT_MAX_LENGTH } from '../domain/questions';

export const AUDIENCES = ['customers', 'employees', 'internal'] as const;
export const CHANNELS = ['link', 'email', 'widget', 'qr', 'api', 'import'] as const;
export const SURVEY_STATUSES = ['draft', 'active', 'closed'] as const;

const ZId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, _ or -')
  .refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id), 'is a reserved word');
const ZLocaleCode = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code');
export const ZLocalizedText = z
  .record(ZLocaleCode, z.string().trim().min(1).max(2000))
  .refine((t) => Object.keys(t).length > 0, 'needs a text in at least one locale');
const ZTag = z.string().trim().min(1).max(100);
const ZConditionValue = z.union([z.number(), z.string().max(100)]);

export const ZQuestionSchema = z.object({
  id: ZId,
  type: z.enum(QUESTION_TYPES),
  text: ZLocalizedText,
  required: z.boolean().optional(),
  scale: z.number().int().min(2).max(10).optional(),
  options: z
    .array(z.object({ id: ZId, text: ZLocalizedText }))
    .max(50)
    .optional(),
  multiple: z.boolean().optional(),
  maxLength: z.number().int().min(1).max(TEXT_MAX_LENGTH).optional(),
  showIf: z
    .object({
      questionId: ZId,
      op: z.enum(SHOW_IF_OPS),
      value: z.union([ZConditionValue, z.array(ZConditionValue).min(1).max(50)]),
    })
    .optional()
    .describe(
      'a branch: the question is shown only when the answer to an earlier question meets the condition (e.g. {questionId: "nps", op: "lte", value: 6} for detractors, op "between" with [7, 8] for a band); answers to a question its condition hides are ignored',
    ),
});

export const ZTriggerSchema = z.object({
  eventType: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((t) => t !== 'survey_response', 'survey_response cannot trigger a survey'),
  delayMinutes: z.number().int().min(0).max(525_600),
  channel: z.literal('email').default('email'),
});

const ZTexts = z.object({
  title: ZLocalizedText.optional().describe('the title respondents see; without one, a neutral title'),
  intro: ZLocalizedText.optional(),
  thanks: ZLocalizedText.optional().describe('the thank-you text after the last answer'),
});
const ZDefaultLocale = z
  .enum(LOCALES)
  .describe(
    'the language shown when the respondent’s is missing; any one locale is enough for the texts, and when they are not all written in this one, the locale they are written in becomes the default',
  );

export const ZCreateSurveyRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  audience: z.enum(AUDIENCES),
  defaultLocale: ZDefaultLocale.optional(),
  questions: z.array(ZQuestionSchema).min(1).max(100),
  status: z.enum(['draft', 'active']).default('active'),
  touchpoints: z.array(ZTag).max(50).default([]),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  triggers: z.array(ZTriggerSchema).max(20).default([]),
  texts: ZTexts.default({}),
});

export const ZUpdateSurveyRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    status: z.enum(SURVEY_STATUSES),
    defaultLocale: ZDefaultLocale,
    questions: z.array(ZQuestionSchema).min(1).max(100),
    touchpoints: z.array(ZTag).max(50),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
    triggers: z.array(ZTriggerSchema).max(20),
    texts: ZTexts,
  })
  .partial();

export const ZSurveySchema = z.object({
  id: z.uuid(),
  publicId: z.string(),
  name: z.string(),
  audience: z.enum(AUDIENCES),
  status: z.enum(SURVEY_STATUSES),
  defaultLocale: z.string(),
  version: z.number().int(),
  questions: z.array(ZQuestionSchema),
  touchpoints: z.array(z.string()),
  channels: z.array(z.string()),
  triggers: z.array(z.object({ eventType: z.string(), delayMinutes: z.number(), channel: z.string() })),
  texts: ZTexts,
  url: z.string().describe('the respondent page'),
  responseCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZSurveyListQuery = ZPageQuery.extend({
  status: z.enum(SURVEY_STATUSES).optional(),
  audience: z.enum(AUDIENCES).optional(),
});
export const ZSurveyPageSchema = zPage(ZSurveySchema.omit({ questions: true, triggers: true, texts: true }));

export const ZSurveyParams = z.object({ id: z.uuid() });

const ZScores = z.object({
  nps: z.number().optional(),
  csat: z.number().optional(),
  ces: z.number().optional(),
});

export const ZResponseSchema = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  version: z.number().int(),
  status: z.enum(['partial', 'complete']),
  channel: z.enum(CHANNELS),
  touchpoint: z.string().nullable(),
  locationId: z.uuid().nullable().describe('the location it was given at'),
  locale: z.string(),
  answers: z.record(z.string(), z.unknown()),
  scores: ZScores,
  customerExternalId: z.string().nullable(),
  submittedAt: z.date().nullable(),
  createdAt: z.date(),
});

const ZDateTime = ZInstantDate;

export const ZResponseListQuery = ZPageQuery.extend({
  status: z.enum(['partial', 'complete']).optional(),
  channel: z.enum(CHANNELS).optional(),
  touchpoint: ZTag.optional(),
  locationId: z.uuid().optional().describe('the location the response was given at'),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  customerExternalId: z.string().min(1).max(200).optional(),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
});
export const ZResponsePageSchema = zPage(ZResponseSchema);

const ZRawAnswers = z
  .record(z.string().max(40), z.unknown())
  .refine((a) => Object.keys(a).length <= 100, 'has more answers than a survey has questions');

/** A location's code, as survey links (?l=) and imports name it. */
export const ZLocationCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'is not a location code (letters, digits, _ . -, up to 64)');

export const ZImportResponsesRequestSchema = z.object({
  responses: z
    .array(
      z.object({
        id: z.uuid().optional().describe('a response id already stored is skipped'),
        answers: ZRawAnswers,
        customerExternalId: z.string().trim().min(1).max(200).optional(),
        submittedAt: ZDateTime.optional(),
        channel: z.enum(CHANNELS).default('import'),
        touchpoint: ZTag.optional(),
        locationCode: ZLocationCode.optional().describe('the code of the location it was given at'),
        locale: ZLocaleCode.optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export const ZImportResponsesResponseSchema = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
});

export const ZNonce = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, _ or -');

export const ZPublicResponseRequestSchema = z
  .object({
    surveyPublicId: z.string().min(1).max(40).optional(),
    token: z.string().min(1).max(400).optional(),
    answers: ZRawAnswers,
    locale: ZLocaleCode.optional(),
    nonce: ZNonce.optional(),
    partial: z.boolean().default(false),
    channel: z.enum(['link', 'widget', 'qr', 'api']).default('api'),
    touchpoint: ZTag.optional(),
    locationCode: ZLocationCode.optional().describe('the code of the location it is given at'),
    customer: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('widget: the external id of the signed-in customer'),
    signature: z
      .string()
      .max(200)
      .optional()
      .describe('widget: HMAC-SHA256 of customer with the widget secret'),
    website: z.string().max(500).optional().describe('honeypot: left empty by people'),
  })
  .refine((b) => Boolean(b.surveyPublicId) !== Boolean(b.token), {
    message: 'give either surveyPublicId or token',
    path: ['surveyPublicId'],
  });
export const ZPublicResponseResponseSchema = z.object({
  id: z.uuid().nullable(),
  status: z.enum(['partial', 'complete', 'discarded']),
  duplicate: z.boolean(),
});

export const ZWidgetParams = z.object({ publicId: z.string().min(1).max(40) });
export const ZWidgetQuery = z.object({
  customer: z.string().min(1).max(200).optional(),
  signature: z.string().max(200).optional(),
  lang: z.string().max(40).optional(),
  touchpoint: ZTag.optional(),
});
export const ZWidgetConfigSchema = z.union([
  z.object({ show: z.literal(false) }),
  z.object({
    show: z.literal(true),
    surveyPublicId: z.string(),
    locale: z.string(),
    question: z.object({
      id: z.string(),
      type: z.enum(['nps', 'csat', 'ces']),
      text: z.string(),
      min: z.number(),
      max: z.number(),
      low: z.string(),
      high: z.string(),
    }),
    comment: z.object({ id: z.string(), text: z.string() }).nullable(),
    followUps: z
      .array(z.object({ id: z.string(), text: z.string(), min: z.number(), max: z.number() }))
      .describe('asked instead of the comment when the score is from min to max (a branch by band)'),
    strings: z.object({ close: z.string(), send: z.string(), thanks: z.string() }),
    nonce: z.string(),
  }),
]);

export const ZCreateInvitationsRequestSchema = z.object({
  customerExternalIds: z.array(z.string().trim().min(1).max(200)).min(1).max(1000),
  touchpoint: ZTag.optional(),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export const SKIP_REASONS = [
  'unknown_customer',
  'no_email',
  'no_consent',
  'unsubscribed',
  'frequency_cap',
  'erased',
] as const;
export const ZCreateInvitationsResponseSchema = z.object({
  queued: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      customerExternalId: z.string(),
      invitationId: z.uuid().nullable(),
      status: z.enum(['queued', 'skipped']),
      reason: z.enum(SKIP_REASONS).optional(),
    }),
  ),
});

export const INVITATION_STATUSES = [
  'queued',
  'sent',
  'opened',
  'answered',
  'bounced',
  'failed',
  'skipped',
] as const;
export const ZInvitationSchema = z.object({
  id: z.uuid(),
  customerExternalId: z.string().nullable(),
  channel: z.enum(['email', 'link']),
  status: z
    .enum(INVITATION_STATUSES)
    .describe(
      'queued: not sent yet; sent; opened: the personal link was opened; answered; bounced: the mail server refused the address; failed: could not be sent (see reason); skipped: not sent (see reason)',
    ),
  reason: z.string().nullable(),
  touchpoint: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  openedAt: z.date().nullable(),
  answeredAt: z.date().nullable(),
  expiresAt: z.date(),
  remindersSent: z.number().int(),
});
export const ZInvitationPageSchema = zPage(ZInvitationSchema);
export const ZDeliveryStatusSchema = z.object({
  emailConfigured: z.boolean().describe('false when no SMTP server is configured: e-mail invitations fail'),
});

export const ZCreateLinkRequestSchema = z.object({
  customerExternalId: z.string().trim().min(1).max(200),
  touchpoint: ZTag.optional(),
  locationCode: ZLocationCode.optional().describe(
    'the location the link is handed out at: its answer is the location’s',
  ),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});
export const ZCreateLinkResponseSchema = z.object({
  invitationId: z.uuid(),
  token: z.string(),
  url: z.string(),
  expiresAt: z.date(),
});

export const ZQrQuery = z.object({
  touchpoint: ZTag.optional(),
  location: ZLocationCode.optional().describe(
    "a location's code: answers through this code are the location's",
  ),
  lang: z.enum(LOCALES).optional(),
  size: z.coerce.number().int().min(64).max(2048).default(512),
});

export const ZSurveySettingsSchema = z.object({
  contactCap: z.object({
    maxContacts: z.number().int().min(1).max(1000),
    windowDays: z.number().int().min(0).max(3650).describe('0 turns the cap off'),
  }),
  reminders: z.object({
    afterHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    max: z.number().int().min(0).max(5),
  }),
  linkValidDays: z.number().int().min(1).max(365),
});
export const ZUpdateSurveySettingsRequestSchema = z.object({
  contactCap: ZSurveySettingsSchema.shape.contactCap.partial().optional(),
  reminders: ZSurveySettingsSchema.shape.reminders.partial().optional(),
  linkValidDays: ZSurveySettingsSchema.shape.linkValidDays.optional(),
});

export const ZWidgetSetupSchema = z.object({
  scriptUrl: z.string(),
  widgetSecret: z.string().describe('signs customer ids on your server: hex HMAC-SHA256(secret, externalId)'),
  snippet: z.string(),
});
