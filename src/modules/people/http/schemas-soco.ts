import { z } from 'zod';
import { ZDay } from '../../../http/fields';
import { ZPageQuery } from '../../../http/pagination';
import { LOCALES } from '../../../i18n/locales';
import { SOCO_DIMENSIONS, SOCO_FORMS, SOCO_RATERS } from '../domain/soco-instrument';
import { TRAINING_SKILLS } from '../domain/training';

const ZExternalId = z.string().trim().min(1).max(200);

/** Answers by item id (`c01`…`c12`, `s01`…`s12`, `k1`…`k4`): each checked against its form (1–9, none missing). */
const ZAnswers = z
  .record(z.string().min(1).max(20), z.number())
  .refine((a) => Object.keys(a).length <= 40, 'has more answers than any form has items');

export const ZSocoAssessmentRequestSchema = z
  .object({
    employeeId: z.uuid(),
    raterKind: z.enum(SOCO_RATERS),
    form: z.enum(SOCO_FORMS),
    answers: ZAnswers,
    /** A customer's rating entered by hand: the customer who gave it. */
    customerExternalId: ZExternalId.optional(),
  })
  .strict();

const ZDimensions = z.object(
  Object.fromEntries(SOCO_DIMENSIONS.map((d) => [d, z.number()])) as Record<
    (typeof SOCO_DIMENSIONS)[number],
    z.ZodNumber
  >,
);

export const ZSocoAssessmentSchema = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  raterKind: z.enum(SOCO_RATERS),
  form: z.enum(SOCO_FORMS),
  answers: z.record(z.string(), z.number()),
  /** The sum of keyed values (selling-orientation items reversed: 10 − answer). */
  score: z.number(),
  min: z.number(),
  max: z.number(),
  /** The mean keyed value, 1–9. */
  mean: z.number(),
  customerOrientation: z.number(),
  sellingOrientation: z.number().nullable(),
  dimensions: ZDimensions,
  assessedAt: z.date(),
});

const ZAggregate = z.object({
  raterKind: z.enum(SOCO_RATERS),
  /** `2026-Q3` in the organization's time zone; null: all time. */
  quarter: z.string().nullable(),
  assessments: z.number(),
  people: z.number(),
  /** The mean score of the full forms (24–216); null when none. */
  score: z.number().nullable(),
  mean: z.number(),
  customerOrientation: z.number(),
  sellingOrientation: z.number().nullable(),
  dimensions: ZDimensions,
});

export const ZSocoEmployeeResultsSchema = z.object({
  employee: z.object({ id: z.uuid(), name: z.string(), teamId: z.uuid().nullable() }),
  byRater: z.array(ZAggregate),
  byQuarter: z.array(ZAggregate),
});

export const ZSocoTeamResultsSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string() }),
  /** Aggregates of fewer people than this are left out. */
  minPeople: z.number(),
  /** How many aggregates were left out for having too few people. */
  hidden: z.number(),
  byRater: z.array(ZAggregate),
  byQuarter: z.array(ZAggregate),
});

export const ZSocoInstrumentQuery = z.object({
  form: z.enum(SOCO_FORMS).default('full'),
  lang: z.enum(LOCALES).default('en'),
});

export const ZSocoInstrumentSchema = z.object({
  form: z.enum(SOCO_FORMS),
  scale: z.object({ min: z.number(), max: z.number() }),
  items: z.array(
    z.object({
      id: z.string(),
      orientation: z.enum(['co', 'so']),
      dimension: z.enum(SOCO_DIMENSIONS),
      text: z.string(),
    }),
  ),
});

export const ZSocoCustomerLinkRequestSchema = z
  .object({ employeeId: z.uuid(), caseId: z.uuid().optional(), customerExternalId: ZExternalId.optional() })
  .strict();

export const ZSocoCustomerLinkSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  token: z.string(),
  expiresAt: z.date(),
});

const ZCourseNames = z
  .object(
    Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1).max(200)])) as Record<
      (typeof LOCALES)[number],
      z.ZodString
    >,
  )
  .partial()
  .strict();

export const ZCourseSchema = z.object({
  id: z.uuid(),
  names: ZCourseNames,
  builds: z.enum(TRAINING_SKILLS),
  /** How long a completion counts, in months; null: for good. */
  validityMonths: z.number().nullable(),
  createdAt: z.date(),
});

export const ZCreateCourseRequestSchema = z
  .object({
    names: ZCourseNames.refine((n) => Object.keys(n).length > 0, 'needs a name in at least one language'),
    builds: z.enum(TRAINING_SKILLS),
    validityMonths: z.int().min(1).max(600).nullable().default(null),
  })
  .strict();

export const ZUpdateCourseRequestSchema = z
  .object({
    names: ZCourseNames,
    builds: z.enum(TRAINING_SKILLS),
    validityMonths: z.int().min(1).max(600).nullable(),
  })
  .partial()
  .strict();

export const ZRequirementSchema = z.object({
  id: z.uuid(),
  jobRole: z.string(),
  courseId: z.uuid(),
  createdAt: z.date(),
});

export const ZRequirementRequestSchema = z
  .object({ jobRole: z.string().trim().min(1).max(100), courseId: z.uuid() })
  .strict();

export const ZCompletionSchema = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  courseId: z.uuid(),
  completedOn: z.string(),
  /** completedOn + the course's validity; null: it does not expire. */
  expiresOn: z.string().nullable(),
  createdAt: z.date(),
});

export const ZCompletionRequestSchema = z
  .object({ employeeId: z.uuid(), courseId: z.uuid(), completedOn: ZDay })
  .strict();

export const ZCompletionListQuery = ZPageQuery.extend({ employeeId: z.uuid().optional() });

export const ZCompletionImportSchema = z.object({ recorded: z.number(), alreadyRecorded: z.number() });

export const ZTrainingMatrixQuery = z.object({ by: z.enum(['team', 'location']).default('team') });

export const ZTrainingMatrixSchema = z.object({
  by: z.enum(['team', 'location']),
  today: z.string(),
  rows: z.array(
    z.object({
      /** The team or location; null: people of none. */
      id: z.uuid().nullable(),
      name: z.string().nullable(),
      required: z.number(),
      done: z.number(),
      expired: z.number(),
      missing: z.number(),
      /** done ÷ required in percent; null when nothing is required. */
      coverage: z.number().nullable(),
    }),
  ),
});

export const ZTrainingGapsQuery = ZPageQuery.extend({
  teamId: z.uuid().optional(),
  locationId: z.uuid().optional(),
});

const ZGap = z.object({
  courseId: z.uuid(),
  status: z.enum(['expired', 'missing']),
  completedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});

export const ZTrainingGapsSchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      employeeId: z.uuid(),
      name: z.string(),
      jobRole: z.string(),
      teamId: z.uuid().nullable(),
      locationId: z.uuid().nullable(),
      gaps: z.array(ZGap),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZEmployeeTrainingSchema = z.object({
  today: z.string(),
  employee: z.object({ id: z.uuid(), name: z.string(), jobRole: z.string() }),
  required: z.array(
    z.object({
      courseId: z.uuid(),
      status: z.enum(['done', 'expired', 'missing']),
      completedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
    }),
  ),
});
