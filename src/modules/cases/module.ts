import { caseRulesStep, casesStep, restCaseRulesStep } from '../../demo/step-cases';
import { onBatch } from '../../events/bus';
import { readGrant } from '../grants';
import type { Module } from '../registry';
import { registerCaseHoursSource } from '../value/api';
import { sumHandlingHours } from './data/repo-cases';
import { CASE_WRITE_GRANT } from './domain/roles';
import { caseEvents } from './events';
import { caseRoutes } from './http/routes';
import { caseDeskRoutes } from './http/routes-desk';
import { followUpRoutes } from './http/routes-follow-up';
import { caseSettingsRoutes } from './http/routes-settings';
import { caseSettings } from './http/settings';
import { caseExtensions } from './use-cases/customer-extension';
import { ESCALATE_JOB } from './use-cases/escalate-case';
import { MAIL_JOB } from './use-cases/notify';
import { takeEvents, takeResponses } from './use-cases/take-feedback';

const ONE_CASE = 'select id from cases where org_id = $1 limit 1';

/** The closed loop: rules open cases from negative feedback; SLAs, escalation, follow-up. */
export const casesModule: Module = {
  name: 'cases',
  permissions: [readGrant('cases:read'), CASE_WRITE_GRANT],
  routes: async (app) => {
    await caseRoutes(app);
    await caseDeskRoutes(app);
    await caseSettingsRoutes(app);
    await followUpRoutes(app);
  },
  settings: [caseSettings],
  jobs: [ESCALATE_JOB, MAIL_JOB],
  events: caseEvents,
  // Case rules open cases from negative feedback and from interaction events.
  subscribers: [onBatch('response.created', takeResponses), onBatch('event.recorded', takeEvents)],
  profile: caseExtensions,
  setup: (ctx) => {
    registerCaseHoursSource(ctx, (tx, orgId, window) =>
      sumHandlingHours(tx, orgId, window.from, window.before),
    );
  },
  isolation: {
    '/api/v1/cases/:id': { sql: ONE_CASE, bodies: { PATCH: { status: 'in_progress' } } },
    '/api/v1/cases/:id/notes': { sql: ONE_CASE, bodies: { POST: { text: 'note by another tenant' } } },
    '/api/v1/cases/:id/emails': { sql: ONE_CASE, bodies: { POST: { text: 'mail by another tenant' } } },
    '/api/v1/case-rules/:id': {
      sql: 'select id from case_rules where org_id = $1 limit 1',
      bodies: { PATCH: { name: 'changed by another tenant' } },
    },
    '/api/v1/case-teams/:id': {
      sql: 'select id from teams where org_id = $1 limit 1',
      bodies: { PATCH: { defaultCapacity: 1 } },
    },
    '/api/v1/case-views/:id': {
      sql: 'select id from case_views where org_id = $1 limit 1',
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/canned-replies/:id': {
      sql: 'select id from canned_replies where org_id = $1 limit 1',
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/sla-policies/:id': {
      sql: 'select id from sla_policies where org_id = $1 limit 1',
      bodies: { PATCH: { firstResponseMinutes: 1 } },
    },
  },
  demo: [
    { order: 25, step: restCaseRulesStep },
    { order: 32, step: casesStep },
    { order: 35, step: caseRulesStep },
  ],
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'cases:read': true;
    'cases:write': true;
  }
}
