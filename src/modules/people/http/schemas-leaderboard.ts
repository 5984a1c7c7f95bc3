import { z } from 'zod';
import { ZDay } from '../../../http/fields';

export const ZLeaderboardQuerySchema = z.object({
  metric: z.enum(['nps', 'csat', 'ces']).default('nps'),
  from: ZDay.optional().describe("the first local day (the organization's time zone), inclusive"),
  to: ZDay.optional().describe('the last local day, inclusive'),
  surveyId: z.uuid().optional().describe("one survey's answers; without it, every customer survey's"),
});

const ZInterval = z.tuple([z.number(), z.number()]).nullable();

export const ZLeaderboardResponseSchema = z
  .object({
    metric: z.enum(['nps', 'csat', 'ces']),
    minN: z.number().int().describe('the fewest answers a ranked location has (the small-sample threshold)'),
    anonymityThreshold: z.number().int(),
    overall: z
      .object({ score: z.number().nullable(), n: z.number().int(), ci95: ZInterval })
      .nullable()
      .describe('every answer of the period, located or not; null when withheld'),
    unlocated: z.number().int().nullable().describe('answers given at no known location'),
    items: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        city: z.string(),
        active: z.boolean(),
        score: z.number().nullable(),
        n: z.number().int(),
        ci95: ZInterval.describe('95% interval, by the same methods as the metric endpoints'),
        target: z.number().nullable().describe("the location's target for this metric"),
        targetStatus: z
          .enum(['met', 'missed', 'unclear'])
          .nullable()
          .describe(
            'met: the whole interval is at or above the target; missed: wholly below it; unclear: it straddles it. Null without a target or answers',
          ),
        rank: z
          .object({ best: z.number().int(), worst: z.number().int() })
          .nullable()
          .describe('the best and worst rank the location could hold; null when not ranked'),
        standing: z
          .enum(['ranked', 'overlaps', 'too_few', 'withheld'])
          .describe(
            'ranked: one rank (best = worst); overlaps: its interval overlaps others’, so a range; too_few: fewer answers than minN; withheld: under the anonymity threshold',
          ),
        withheld: z.boolean(),
      }),
    ),
  })
  .describe(
    'Ranking rule: only locations with at least minN answers are ranked. A is surely above B when A’s 95% interval lies wholly above B’s (A.lo > B.hi). A location’s rank is the range {best, worst}: best = 1 + the ranked locations surely above it, worst = the ranked locations − those surely below it.',
  );
