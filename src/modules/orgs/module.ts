import type { Module } from '../registry';
import { LOGIN_WINDOW_MS } from './domain/login-throttle';
import * as repo from './data/repo-accounts';
import { orgRoutes } from './http/routes';

export const orgsModule: Module = {
  name: 'orgs',
  routes: orgRoutes,
  setup: ({ jobs, db, clock }) => {
    jobs.register('orgs.purge-expired', () =>
      db.asSystem((tx) => repo.purgeExpired(tx, clock.now(), LOGIN_WINDOW_MS)),
    );
    return jobs.schedule('orgs.purge-expired', 3600);
  },
};
