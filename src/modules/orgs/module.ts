import type { Module } from '../registry';
import * as repo from './repo';
import { orgRoutes } from './routes';

export const orgsModule: Module = {
  name: 'orgs',
  routes: orgRoutes,
  setup: ({ jobs, db, clock }) => {
    jobs.register('orgs.purge-expired', () => db.asSystem((tx) => repo.purgeExpired(tx, clock.now())));
    return jobs.schedule('orgs.purge-expired', 3600);
  },
};
