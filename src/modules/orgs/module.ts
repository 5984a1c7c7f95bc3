import { defineJob, NO_PAYLOAD } from '../../jobs/queue';
import { adminGrant } from '../grants';
import type { Module } from '../registry';
import * as repo from './data/repo-accounts';
import { LOGIN_WINDOW_MS } from './domain/login-throttle';
import { orgRoutes } from './http/routes';
import { firstRunRoutes } from './http/routes-first-run';
import { organizationSettings } from './http/settings';

const PURGE_JOB = defineJob({
  name: 'orgs.purge-expired',
  scope: 'system',
  payload: NO_PAYLOAD,
  handle: ({ db, clock }) => db.asSystem((tx) => repo.purgeExpired(tx, clock.now(), LOGIN_WINDOW_MS)),
});

export const orgsModule: Module = {
  name: 'orgs',
  permissions: [
    {
      permission: 'settings:read',
      roles: ['owner', 'admin', 'manager', 'analyst', 'viewer'],
      scopes: ['read', 'write', 'admin'],
    },
    adminGrant('settings:write'),
    adminGrant('users:manage'),
    adminGrant('keys:manage'),
  ],
  routes: async (app) => {
    await orgRoutes(app);
    await firstRunRoutes(app);
  },
  settings: [organizationSettings],
  jobs: [PURGE_JOB],
  schedules: [{ job: PURGE_JOB, everySeconds: 3600 }],
  isolation: {
    '/api/v1/users/:id': {
      sql: 'select id from users where org_id = $1 limit 1',
      bodies: { PATCH: { name: 'changed by another tenant' } },
    },
    '/api/v1/api-keys/:id': { sql: 'select id from api_keys where org_id = $1 limit 1' },
  },
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'settings:read': true;
    'settings:write': true;
    'users:manage': true;
    'keys:manage': true;
  }
}
