/** Request and response schemas of the agent view. */
import { z } from 'zod';
import { ZInstant } from '../../../http/fields';

const ZRate = z
  .object({ value: z.number(), n: z.int(), ci95: z.tuple([z.number(), z.number()]) })
  .nullable()
  .describe('a share with its 95% Wilson interval; null when nothing was measured');

const scorecard = {
  casesHandled: z.int(),
  casesResolved: z.int(),
  medianFirstResponseMinutes: z.number().nullable().describe('business minutes'),
  medianResolutionMinutes: z.number().nullable().describe('business minutes'),
  slaMet: ZRate,
  solvedByFollowUp: ZRate.describe('customers answering "yes, solved" after a resolution'),
  praise: z.int(),
  goodwillGrants: z.int(),
  goodwillMinor: z.int(),
};

export const ZAgentQuery = z.object({
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  teamId: z.uuid().optional(),
});

export const ZScorecardsSchema = z.object({
  from: z.date(),
  to: z.date(),
  people: z.array(
    z.object({
      employeeId: z.uuid(),
      name: z.string(),
      teamId: z.uuid().nullable(),
      userId: z.uuid().nullable(),
      ...scorecard,
    }),
  ),
  teams: z.array(z.object({ teamId: z.uuid(), name: z.string(), members: z.int(), ...scorecard })),
});
