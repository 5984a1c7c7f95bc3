import { z } from 'zod';
import { ZDay, ZInstant } from '../../../http/fields';

const ZPair = z
  .object({ raterDepartmentId: z.uuid(), ratedDepartmentId: z.uuid() })
  .strict()
  .describe('the rater department rates the service of the rated department');

export const ZCreateInternalRoundRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    pairs: z.array(ZPair).max(2000).optional(),
    allPairs: z.literal(true).optional().describe('every department rates every other department'),
    closesAt: ZInstant.optional().describe('when the links stop answering; four weeks when left out'),
  })
  .strict();

export const ZCreateInternalRoundResponseSchema = z.object({
  roundId: z.uuid(),
  name: z.string(),
  closesAt: z.date(),
  pairs: z.array(ZPair),
  links: z.number().int().describe('one per current employee of each rater department'),
  emailed: z.number().int(),
  handOut: z
    .array(
      z.object({
        managerName: z.string().nullable(),
        employeeName: z.string(),
        departmentName: z.string(),
        url: z.string(),
      }),
    )
    .describe('one-time links of people without an e-mail address, by manager, for the manager to hand out'),
});

export const ZInternalRoundsResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      createdAt: z.date(),
      closesAt: z.date(),
      pairs: z.number().int(),
      links: z.number().int(),
      emailed: z.number().int(),
      answered: z.number().int(),
    }),
  ),
});

export const ZInternalMatrixQuerySchema = z.object({
  from: ZDay.optional().describe(
    "the first local day (the organization's time zone), inclusive; a year before `to` when left out",
  ),
  to: ZDay.optional().describe('the last local day, inclusive; today when left out'),
});

const ZScore = z.object({
  score: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable().describe('95% interval'),
});
const ZFigure = z.union([
  z
    .object({ hidden: z.literal(true) })
    .describe('withheld: fewer answers than the threshold, or it would reveal such a group'),
  z.object({ hidden: z.literal(false), n: z.number().int(), nps: ZScore, csat: ZScore }),
]);

export const ZInternalMatrixResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  anonymityThreshold: z.number().int(),
  total: ZFigure,
  rows: z.array(
    z.object({
      departmentId: z.uuid(),
      name: z.string(),
      total: ZFigure,
      cells: z.array(z.intersection(z.object({ ratedDepartmentId: z.uuid() }), ZFigure)),
    }),
  ),
  columns: z.array(
    z.object({
      departmentId: z.uuid(),
      name: z.string(),
      topics: z.array(z.string()),
      total: ZFigure,
      trend: z.array(z.intersection(z.object({ quarter: z.string() }), ZFigure)),
      externalDetractors: z
        .array(
          z.object({ key: z.string(), name: z.record(z.string(), z.string()), detractors: z.number().int() }),
        )
        .describe(
          "customers' detractor answers (NPS 0–6) of the period under the topics the department owns",
        ),
    }),
  ),
  comments: z.array(z.object({ raterDepartmentId: z.uuid(), ratedDepartmentId: z.uuid(), text: z.string() })),
});

export const ZInternalTokenParams = z.object({ token: z.string().min(1).max(200) });

export const ZAnswerInternalRequestSchema = z
  .object({
    ratings: z
      .array(
        z
          .object({
            ratedDepartmentId: z.uuid(),
            nps: z.number().int().min(0).max(10),
            csat: z.number().int().min(1).max(5),
            comment: z.string().max(2000).nullable().optional(),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
