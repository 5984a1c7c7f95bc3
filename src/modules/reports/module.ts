import type { Module } from '../registry';
import { reportRoutes } from './http/routes';
import { unsubscribeRoutes } from './http/routes-unsubscribe';
import { DIGEST_JOB, DUE_JOB } from './use-cases/send-digests';

/** Scheduled reports: weekly or monthly digest e-mails a person subscribes to, with an unsubscribe link. */
export const reportsModule: Module = {
  name: 'reports',
  routes: async (app) => {
    await reportRoutes(app);
    await unsubscribeRoutes(app);
  },
  jobs: [DUE_JOB, DIGEST_JOB],
  schedules: [{ job: DUE_JOB, everySeconds: 3600 }],
  isolation: {
    '/api/v1/reports/subscriptions/:id': {
      sql: 'select id from report_subscriptions where org_id = $1 limit 1',
    },
  },
};
