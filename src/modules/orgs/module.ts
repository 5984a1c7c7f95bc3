import { defineJob, NO_PAYLOAD } from '../../jobs/queue';
import type { Module } from '../registry';
import * as repo from './data/repo-accounts';
import { LOGIN_WINDOW_MS } from './domain/login-throttle';
import { orgRoutes } from './http/routes';

const PURGE_JOB = defineJob({
  name: 'orgs.purge-expired',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: ({ db, clock }) => db.asSystem((tx) => repo.purgeExpired(tx, clock.now(), LOGIN_WINDOW_MS)),
});

export const orgsModule: Module = {
  name: 'orgs',
  routes: orgRoutes,
  jobs: [PURGE_JOB],
  schedules: [{ job: PURGE_JOB, everySeconds: 3600 }],
};
