import { z } from 'zod';
import { ZDay, ZInstant } from '../../../http/fields';
import { ZPageQuery, zPage } from '../../../http/pagination';
import { STAGES } from '../../customers/api';
import { INBOX_SORTS, SCORE_BAND_NAMES } from '../domain/inbox';
import { CHANNELS } from './schemas';

const ZTag = z.string().trim().min(1).max(100);
/** A calendar date (a day of the organization's time zone) or an instant. */
const ZWhen = z.union([ZDay, ZInstant]);
const ZFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZInboxQuery = ZPageQuery.extend({
  surveyId: z.uuid().optional(),
  touchpoint: ZTag.optional(),
  locationId: z.uuid().optional().describe('the location the response was given at'),
  channel: z.enum(CHANNELS).optional(),
  locale: z.string().min(2).max(35).optional().describe('the language the response was given in'),
  band: z
    .enum(SCORE_BAND_NAMES as [string, ...string[]])
    .optional()
    .describe('NPS detractor 0–6, passive 7–8, promoter 9–10; CSAT satisfied 4–5; CES easy 5–7'),
  hasComment: ZFlag.optional(),
  stage: z.enum(STAGES).optional().describe("the customer's lifecycle stage now"),
  tier: z.string().trim().min(1).max(50).optional().describe("the customer's service tier now"),
  hasCase: ZFlag.optional().describe(
    'true: only responses that opened a case; false: only those that did not',
  ),
  q: z.string().trim().min(1).max(200).optional().describe('text in the comments, any case'),
  from: ZWhen.optional().describe("inclusive; a date is that day in the organization's time zone"),
  to: ZWhen.optional().describe(
    "a date includes that day in the organization's time zone; a date-time is exclusive",
  ),
  sort: z
    .enum(INBOX_SORTS)
    .default('newest')
    .describe('score: lowest first on its own scale; -score highest first'),
});

export const ZInboxItem = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  surveyName: z.string(),
  customerExternalId: z.string().nullable(),
  channel: z.enum(CHANNELS),
  touchpoint: z.string().nullable(),
  location: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe('the location it was given at, when known'),
  locale: z.string(),
  scores: z.object({ nps: z.int().optional(), csat: z.int().optional(), ces: z.int().optional() }),
  comment: z.string().nullable().describe("the answers to the survey's text questions, one per line"),
  answeredAt: z.date(),
  case: z
    .object({ id: z.uuid(), title: z.string(), status: z.string() })
    .nullable()
    .describe('the case this response opened, if any'),
});
export const ZInboxPageSchema = zPage(ZInboxItem);

export const ZResponsesToCasesRequestSchema = z.object({
  responseIds: z.array(z.uuid()).min(1).max(100).describe('answered responses of any survey'),
});
export const ZResponsesToCasesResponseSchema = z.object({
  items: z.array(
    z.object({
      responseId: z.uuid(),
      caseId: z.uuid(),
      outcome: z
        .enum(['opened', 'joined', 'had'])
        .describe("a new case, the customer's open case, or the case the response already had"),
    }),
  ),
});
