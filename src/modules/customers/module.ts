import type { AppContext } from '../../http/types';
import type { Module } from '../registry';
import { RECOMPUTE_ALL_JOB, RECOMPUTE_JOB, RFM_JOB } from './use-cases/recompute';
import { refreshStages } from './use-cases/refresh-stages';
import { recordNpsSignals } from './data/repo-lifecycle';
import { customerRoutes } from './http/routes';
import { customerAnalyticsRoutes } from './http/routes-analytics';
import { customerImportRoutes } from './http/routes-import';

const DAY_SECONDS = 86_400;

/** A survey answer is contact, and its NPS may make a regular loyal. */
function followResponses(ctx: AppContext) {
  ctx.bus.on('response.created', async (tx, r) => {
    if (!r.customerId) return;
    await recordNpsSignals(tx, r.orgId, [
      { customerId: r.customerId, nps: r.scores.nps ?? null, at: r.submittedAt },
    ]);
    await refreshStages(ctx, tx, r.orgId, [r.customerId]);
  });
}

export const customersModule: Module = {
  name: 'customers',
  routes: async (app) => {
    await customerRoutes(app);
    await customerAnalyticsRoutes(app);
    await customerImportRoutes(app);
  },
  jobs: [RECOMPUTE_JOB, RFM_JOB, RECOMPUTE_ALL_JOB],
  // Stages move with time alone (a buyer becomes lost): every customer is looked at daily.
  schedules: [{ job: RECOMPUTE_ALL_JOB, everySeconds: DAY_SECONDS }],
  setup: followResponses,
};
