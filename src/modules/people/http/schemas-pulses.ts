import { z } from 'zod';
import { BREAKDOWNS } from '../use-cases/pulses';

export const ZPulseFilters = z
  .object({
    teamId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
    locationId: z.uuid().optional(),
  })
  .strict();

export const ZSendPulseRequestSchema = ZPulseFilters;

export const ZSendPulseResponseSchema = z.object({
  roundId: z.uuid(),
  questionIds: z.array(z.string()),
  recipients: z.number().int(),
  emailed: z.number().int(),
  expiresAt: z.date(),
  handOut: z
    .array(z.object({ employeeName: z.string(), url: z.string() }))
    .describe('one-time links of employees without an e-mail address, for a manager to hand out'),
});

export const ZPulseRoundsResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      questionIds: z.array(z.string()),
      links: z.number().int(),
      emailed: z.number().int(),
      answered: z.number().int(),
      sentAt: z.date(),
      expiresAt: z.date(),
    }),
  ),
});

const ZBreakdown = z.enum(BREAKDOWNS);

export const ZPulseSettingsSchema = z.object({
  surveyId: z.uuid(),
  anonymityThreshold: z.number().int().nullable().describe("overrides the organization's threshold"),
  breakdowns: z.array(ZBreakdown),
  everyWeeks: z.number().int().nullable(),
  questionsPerRound: z.number().int(),
  filters: ZPulseFilters,
  nextRoundAt: z.date().nullable(),
  rounds: z.number().int(),
  locked: z.boolean().describe('the anonymity settings lock with the first answer'),
});

export const ZUpdatePulseSettingsRequestSchema = z
  .object({
    anonymityThreshold: z.number().int().min(3).max(1000).nullable(),
    breakdowns: z.array(ZBreakdown).max(BREAKDOWNS.length),
    everyWeeks: z.number().int().min(1).max(52).nullable(),
    questionsPerRound: z.number().int().min(0).max(50),
    filters: ZPulseFilters,
  })
  .partial()
  .strict();

const ZScore = {
  score: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  n: z.number().int(),
};
const ZShownOrHidden = <T extends z.ZodRawShape>(key: T) =>
  z.union([
    z.object({ ...key, hidden: z.literal(false), ...ZScore }),
    z.object({ ...key, hidden: z.literal(true) }),
  ]);

const ZGroupRow = ZShownOrHidden({ key: z.string(), name: z.string().nullable() });

export const ZEnpsReportSchema = z.object({
  surveyId: z.uuid(),
  anonymityThreshold: z.number().int(),
  breakdowns: z.array(ZBreakdown),
  suppressed: z.boolean().describe('the whole survey has fewer answers than the threshold'),
  total: z.object(ZScore).nullable(),
  trend: z.array(ZShownOrHidden({ month: z.string() })),
  groups: z.object({
    team: z.array(ZGroupRow),
    department: z.array(ZGroupRow),
    location: z.array(ZGroupRow),
  }),
  comments: z.array(
    z.object({
      text: z.string(),
      by: z.enum(['team', 'department', 'location']).nullable(),
      key: z.string().nullable(),
      name: z.string().nullable(),
    }),
  ),
});

export const ZPulseTokenParams = z.object({ token: z.string().min(1).max(200) });

export const ZPulseLinkSchema = z.object({
  state: z.enum(['open', 'used', 'expired', 'unknown']),
  surveyName: z.string().optional(),
  questions: z
    .array(z.object({ id: z.string(), type: z.string(), text: z.record(z.string(), z.string()) }).loose())
    .optional(),
});

export const ZAnswerPulseRequestSchema = z.object({
  answers: z.record(z.string().max(100), z.unknown()),
});

export const ZAnswerPulseResponseSchema = z.object({ status: z.literal('answered') });
