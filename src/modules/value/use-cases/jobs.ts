import { z } from 'zod';
import { defineFanOutJob, defineJob, NO_PAYLOAD } from '../../../jobs/queue';
import { listOrgsWithPurchases } from '../../customers/api';
import { fitValueModels } from './fit-values';
import { rescoreValues } from './score-values';

export const WEEK_SECONDS = 7 * 86_400;

/** Fit the models (then score) on request; the calibration's end, unit and holdout as asked. */
export const FIT_JOB = defineJob({
  name: 'value.fit',
  scope: 'org',
  payload: z.object({
    until: z.string().optional(),
    timeUnit: z.enum(['week', 'day']).optional(),
    holdoutUntil: z.string().optional(),
  }),
  handle: (ctx, request, job) => fitValueModels(ctx, job.orgId, request),
});

/** Rescore after a settings change. */
export const SCORE_JOB = defineJob({
  name: 'value.score',
  scope: 'org',
  payload: NO_PAYLOAD,
  handle: (ctx, _payload, job) => rescoreValues(ctx, job.orgId),
});

/** Refit every organization with purchases (weekly). */
export const REFIT_ALL_JOB = defineFanOutJob('value.refit-all', listOrgsWithPurchases, FIT_JOB, {
  maxAttempts: 3,
});
