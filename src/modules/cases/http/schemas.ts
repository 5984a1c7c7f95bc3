import { z } from 'zod';
import { ZDay as ZCalendarDay, ZInstant, ZOpenShare } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { isTimeZone } from '../../../lib/time-zone';
import { WEEKDAYS } from '../domain/business-calendar';
import { CASE_STATUSES, PRIORITIES } from '../domain/model';
import { REPLY_OBSTACLES } from '../domain/reply';

const ZPriority = z.enum(PRIORITIES);
const ZStatus = z.enum(CASE_STATUSES);

/** `a,b,c` in a query string, each checked. */
const csvOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10));

const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZIdParams = z.object({ id: z.uuid() });

export const ZCaseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  status: ZStatus,
  priority: ZPriority,
  source: z.enum(['rule', 'manual', 'api']),
  ruleId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  responseId: z.uuid().nullable(),
  eventId: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  tier: z.string(),
  firstResponseDueAt: z.date(),
  resolutionDueAt: z.date(),
  nextDueAt: z.date().nullable(),
  firstRespondedAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  pausedAt: z.date().nullable(),
  cycle: z.number().int(),
  breached: z.boolean(),
  rootCause: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  location: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  customer: z.object({ id: z.uuid(), externalId: z.string(), name: z.string().nullable() }).nullable(),
  score: z.object({ metric: z.enum(['nps', 'csat', 'ces']), value: z.number() }).nullable(),
  excerpt: z
    .string()
    .nullable()
    .describe("the start of the case's text: the customer's comment for a case a rule opened"),
});

export const ZTimelineEntrySchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  authorId: z.uuid().nullable(),
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.date(),
});

export const ZCaseDetailSchema = ZCaseSchema.extend({
  customerLocale: z.string().nullable(),
  replyBlocked: z
    .enum(REPLY_OBSTACLES)
    .nullable()
    .describe('why a reply cannot reach the customer by e-mail; null when it can'),
  replyTo: z
    .object({ email: z.string(), locale: z.string().nullable(), via: z.enum(['customer', 'contact']) })
    .nullable()
    .describe("where a reply is e-mailed: the customer, or the contact left with the case's answer"),
  timeline: z.array(ZTimelineEntrySchema),
  escalations: z.array(z.object({ kind: z.string(), cycle: z.number().int(), at: z.date() })),
});

export const ZListCasesQuery = ZPageQuery.extend({
  status: csvOf(ZStatus).optional(),
  priority: csvOf(ZPriority).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  team: z.uuid().optional(),
  location: z.uuid().optional().describe('cases about this location'),
  customerId: z.uuid().optional(),
  breached: ZBooleanQuery.optional(),
  sort: z.enum(['due', 'created']).default('due'),
});

export const ZCreateCaseRequestSchema = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(10_000).optional(),
  priority: ZPriority.default('normal'),
  customerExternalId: z.string().min(1).max(200).optional(),
  responseId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  locationId: z.uuid().optional().describe('the location the case is about'),
});

export const ZUpdateCaseRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    status: z.enum([...CASE_STATUSES, 'reopened']),
    priority: ZPriority,
    ownerId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    locationId: z.uuid().nullable(),
    rootCause: z.string().max(100).nullable(),
    outcome: z.string().max(2000).nullable(),
  })
  .partial()
  .strict();

export const ZAddNoteRequestSchema = z.object({
  text: z.string().trim().min(1).max(10_000),
  kind: z.enum(['note', 'reply']).default('note'),
  minutesSpent: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .optional()
    .describe("time spent handling the case; counts in the customer's cost to serve"),
});

export const ZInboundEmailRequestSchema = z.object({
  subject: z.string().max(500).optional(),
  text: z.string().min(1).max(50_000),
});

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');
const ZInterval = z.tuple([ZClock, ZClock]).refine(([from, to]) => from < to, 'must start before it ends');
const ZDay = z
  .array(ZInterval)
  .max(6)
  .refine((day) => {
    const sorted = [...day].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return sorted.every((iv, i) => i === 0 || sorted[i - 1][1] <= iv[0]);
  }, 'intervals must not overlap');

const ZKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'must be 1–50 lower-case letters, digits, _ or -');

const settingsFields = {
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Warsaw').nullable(),
  workingHours: z.object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, ZDay])) as Record<(typeof WEEKDAYS)[number], typeof ZDay>,
  ),
  holidays: z.array(ZCalendarDay).max(1000),
  warnShare: ZOpenShare,
  defaultTeamId: z.uuid().nullable(),
  rootCauses: z.array(z.object({ key: ZKey, name: z.string().trim().min(1).max(200) })).max(500),
  topics: z
    .array(z.object({ key: ZKey, keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(200) }))
    .max(200),
  followUp: z.boolean(),
};

export const ZCaseSettingsSchema = z.object({
  ...settingsFields,
  holidays: z.array(z.string()),
  warnShare: z.number(),
  timeZone: z.string().nullable(),
  workingHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
});

export const ZUpdateCaseSettingsRequestSchema = z
  .object(settingsFields)
  .partial()
  .strict()
  .refine((s) => !s.workingHours || Object.values(s.workingHours).some((d) => d.length > 0), {
    message: 'must have working time on at least one day',
    path: ['workingHours'],
  });

const ZRuleConditions = z
  .object({
    metric: z.enum(['nps', 'csat', 'ces']),
    max: z.number().int().min(0).max(10),
    audiences: z.array(z.string().max(50)).max(10),
    surveyIds: z.array(z.uuid()).max(100),
    touchpoints: z.array(z.string().max(200)).max(100),
    locations: z.array(z.uuid()).max(100).describe('ids of the locations the answer was given at'),
    channels: z.array(z.string().max(50)).max(20),
    tiers: z.array(z.string().max(40)).max(20),
    stages: z.array(z.enum(['potential', 'visitor', 'buyer', 'regular', 'loyal', 'lost'])).max(6),
    segments: z.array(z.string().max(100)).max(50),
    topics: z.array(ZKey).max(50),
    eventTypes: z.array(z.string().max(50)).max(20),
    tags: z.array(z.string().max(50)).max(20),
  })
  .partial()
  .strict()
  .refine((c) => (c.metric === undefined) === (c.max === undefined), {
    message: 'metric and max go together',
    path: ['max'],
  });

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
  position: z.number().int().min(0).max(100_000),
  conditions: ZRuleConditions,
  priority: ZPriority,
  teamId: z.uuid().nullable(),
};

const RESPONSE_ONLY = ['metric', 'max', 'topics', 'surveyIds', 'audiences', 'locations'] as const;
const EVENT_ONLY = ['eventTypes', 'tags'] as const;

/** A rule's conditions must fit its trigger. */
export function conditionProblem(
  trigger: 'response' | 'event',
  c: Record<string, unknown>,
): string | undefined {
  const foreign = (trigger === 'response' ? EVENT_ONLY : RESPONSE_ONLY).filter((k) => c[k] !== undefined);
  if (foreign.length) return `${foreign.join(', ')} cannot be used by ${trigger} rules`;
  if (trigger === 'event' && !(c.eventTypes as unknown[] | undefined)?.length)
    return 'eventTypes: an event rule names at least one event type';
  return undefined;
}

export const ZCreateRuleRequestSchema = z
  .object({
    ...ruleFields,
    trigger: z.enum(['response', 'event']),
    enabled: ruleFields.enabled.default(true),
    position: ruleFields.position.default(100),
    priority: ZPriority.default('normal'),
    teamId: ruleFields.teamId.default(null),
  })
  .superRefine((r, ctx) => {
    const problem = conditionProblem(r.trigger, r.conditions);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['conditions'] });
  });

export const ZUpdateRuleRequestSchema = z.object(ruleFields).partial().strict();

export const ZRuleSchema = z.object({
  id: z.uuid(),
  ...ruleFields,
  priority: z.string(),
  conditions: z.record(z.string(), z.unknown()),
  trigger: z.enum(['response', 'event']),
  createdAt: z.date(),
});

const ZMinutes = z.number().int().min(1).max(525_600);
export const ZSlaPolicySchema = z.object({
  id: z.uuid(),
  tier: z.string(),
  priority: z.string(),
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZCreateSlaPolicyRequestSchema = z
  .object({
    tier: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lower-case letters, digits, _ or -'),
    priority: ZPriority,
    firstResponseMinutes: ZMinutes,
    resolutionMinutes: ZMinutes,
  })
  .refine((p) => p.resolutionMinutes >= p.firstResponseMinutes, {
    message: 'must not be shorter than firstResponseMinutes',
    path: ['resolutionMinutes'],
  });

export const ZUpdateSlaPolicyRequestSchema = z
  .object({ firstResponseMinutes: ZMinutes, resolutionMinutes: ZMinutes })
  .partial()
  .strict();

const ZCapacity = z.number().int().min(0).max(10_000);
export const ZTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  managerId: z.uuid().nullable(),
  defaultCapacity: z.number().int(),
  memberCapacity: z.record(z.string(), z.number().int()),
  createdAt: z.date(),
});

export const ZCreateTeamRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  managerId: z.uuid().nullable().default(null),
  defaultCapacity: ZCapacity.default(20),
  memberCapacity: z.record(z.uuid(), ZCapacity).default({}),
});

export const ZUpdateTeamRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    managerId: z.uuid().nullable(),
    defaultCapacity: ZCapacity,
    memberCapacity: z.record(z.uuid(), ZCapacity),
  })
  .partial()
  .strict();

export const ZLoopQuery = z
  .object({ from: ZInstant, to: ZInstant })
  .refine((q) => new Date(q.from) < new Date(q.to), { message: 'must be after from', path: ['to'] });

const ZCompliance = z.object({
  key: z.string().nullable(),
  cases: z.number().int(),
  met: z.number().int(),
  compliance: z.number().nullable(),
});

export const ZLoopMetricsSchema = z.object({
  from: z.date(),
  to: z.date(),
  negativeResponses: z.number().int(),
  closedLoop: z.number().int(),
  closeTheLoopRate: z.number().nullable(),
  medianFirstResponseMinutes: z.number().nullable(),
  medianResolutionMinutes: z.number().nullable(),
  slaCompliance: z.object({
    overall: ZCompliance,
    byTeam: z.array(ZCompliance),
    byTier: z.array(ZCompliance),
    byAgent: z.array(ZCompliance),
  }),
  backlog: z.object({
    open: z.number().int(),
    byAge: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
  }),
});
