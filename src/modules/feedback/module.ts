import { topicsStep } from '../../demo/step-topics';
import { on } from '../../events/bus';
import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { feedbackRoutes } from './http/routes';
import { anonymitySettings } from './http/settings';
import { feedbackExtensions } from './use-cases/customer-extension';
import { REBUILD_JOB } from './use-cases/org-analytics';
import { recordResponse } from './use-cases/record-response';
import { RETAG_JOB } from './use-cases/topics';

export const feedbackModule: Module = {
  name: 'feedback',
  permissions: [readGrant('analytics:read'), writeGrant('analytics:run', ['manager', 'analyst'])],
  routes: feedbackRoutes,
  settings: [anonymitySettings],
  jobs: [REBUILD_JOB, RETAG_JOB],
  // Every response feeds the organization's analytics.
  subscribers: [on('response.created', (_ctx, tx, response) => recordResponse(tx, response))],
  profile: feedbackExtensions,
  isolation: {
    '/api/v1/analytics/topics/:id': {
      sql: 'select id from feedback_topics where org_id = $1 limit 1',
      bodies: { PATCH: { keywords: { en: ['changed by another tenant'] } } },
    },
  },
  demo: [{ order: 40, step: topicsStep }],
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'analytics:read': true;
    'analytics:run': true;
  }
}
