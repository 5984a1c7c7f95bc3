/** The value module's manifest: CLV models, cost to serve, profitability and service tiers. */
import { registerValueCommands } from '../../cli/value-commands';
import { valueStep } from '../../demo/step-value';
import type { Module } from '../registry';
import { valueEvents } from './events';
import { valueRoutes } from './http/routes';
import { valueSettings } from './http/settings';
import { valueExtensions } from './use-cases/customer-extension';
import { FIT_JOB, REFIT_ALL_JOB, SCORE_JOB, WEEK_SECONDS } from './use-cases/jobs';

export const valueModule: Module = {
  name: 'value',
  routes: valueRoutes,
  settings: [valueSettings],
  jobs: [FIT_JOB, SCORE_JOB, REFIT_ALL_JOB],
  // The first weekly run a week after the schedule appears: a fresh start does not refit at once.
  schedules: [{ job: REFIT_ALL_JOB, everySeconds: WEEK_SECONDS, firstRunAfterSeconds: WEEK_SECONDS }],
  events: valueEvents,
  profile: valueExtensions,
  cli: registerValueCommands,
  demo: [{ order: 60, step: valueStep }],
};
