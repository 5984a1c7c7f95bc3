import { registerCustomerCommands } from '../../cli/customers-commands';
import { customersStep, eventsStep, rfmStep } from '../../demo/step-customers';
import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { customerEvents } from './events';
import { customerRoutes } from './http/routes';
import { customerAnalyticsRoutes } from './http/routes-analytics';
import { customerExportRoutes } from './http/routes-export';
import { customerImportRoutes } from './http/routes-import';
import { lifecycleSettings } from './http/settings';
import { RECOMPUTE_JOB, REVIEW_ALL_JOB, REVIEW_JOB, RFM_ALL_JOB, RFM_JOB } from './use-cases/recompute';
import { HISTORY_BACKLOG_JOB } from './use-cases/refresh-stages';

const DAY_SECONDS = 86_400;

const ONE_CUSTOMER =
  'select external_id from customers where org_id = $1 and erased_at is null order by external_id limit 1';

export const customersModule: Module = {
  name: 'customers',
  permissions: [readGrant('customers:read'), writeGrant('customers:write', ['manager', 'agent'])],
  routes: async (app) => {
    await customerRoutes(app);
    await customerAnalyticsRoutes(app);
    await customerImportRoutes(app);
    await customerExportRoutes(app);
  },
  settings: [lifecycleSettings],
  jobs: [RECOMPUTE_JOB, REVIEW_JOB, RFM_JOB, HISTORY_BACKLOG_JOB, REVIEW_ALL_JOB, RFM_ALL_JOB],
  events: customerEvents,
  // Stages move with time alone (a buyer becomes lost): the customers due are looked at daily;
  // RFM scores follow every customer's purchases and are refreshed on their own daily run.
  schedules: [
    { job: REVIEW_ALL_JOB, everySeconds: DAY_SECONDS },
    { job: RFM_ALL_JOB, everySeconds: DAY_SECONDS },
  ],
  isolation: {
    '/api/v1/customers/:externalId': {
      sql: ONE_CUSTOMER,
      bodies: { PATCH: { name: 'changed by another tenant' } },
    },
    '/api/v1/customers/:externalId/timeline': { sql: ONE_CUSTOMER },
    '/api/v1/customers/:externalId/export': { sql: ONE_CUSTOMER },
    '/api/v1/exchange-rates/:currency/:validFrom': {
      sql: `select currency, to_char(valid_from, 'YYYY-MM-DD') as "validFrom"
        from exchange_rates where org_id = $1 limit 1`,
    },
  },
  cli: registerCustomerCommands,
  demo: [
    { order: 10, step: customersStep },
    { order: 20, step: eventsStep },
    { order: 50, step: rfmStep },
  ],
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'customers:read': true;
    'customers:write': true;
  }
}
