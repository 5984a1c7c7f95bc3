import type { Module } from '../registry';
import { RECOMPUTE_ALL_JOB, RECOMPUTE_JOB, RFM_JOB } from './use-cases/recompute';
import { customerRoutes } from './http/routes';
import { customerAnalyticsRoutes } from './http/routes-analytics';
import { customerImportRoutes } from './http/routes-import';

const DAY_SECONDS = 86_400;

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
};
