import { peopleStep } from '../../demo/step-people';
import { peopleAuditsStep } from '../../demo/step-people-audits';
import { peopleEnpsStep } from '../../demo/step-people-enps';
import { peopleInternalStep } from '../../demo/step-people-internal';
import { peopleRecognitionStep } from '../../demo/step-people-recognition';
import { peopleSocoStep } from '../../demo/step-people-soco';
import { on, onBatch } from '../../events/bus';
import { readGrant, writeGrant } from '../grants';
import type { Module } from '../registry';
import { registerGestureCostSource } from '../value/api';
import { sumGrantsByCustomer } from './data/repo-goodwill';
import { peopleEvents } from './events';
import { agentRoutes } from './http/routes-agents';
import { auditRoutes } from './http/routes-audits';
import { goodwillRoutes } from './http/routes-goodwill';
import { internalClientRoutes } from './http/routes-internal';
import { leaderboardRoutes } from './http/routes-leaderboard';
import { pulseRoutes } from './http/routes-pulses';
import { recognitionRoutes } from './http/routes-recognition';
import { socoRoutes } from './http/routes-soco';
import { structureRoutes } from './http/routes-structure';
import { peopleExtensions } from './use-cases/customer-extension';
import { PRAISE_MAIL_JOB } from './use-cases/praise-mail';
import { PULSE_DUE_JOB, PULSE_ROUND_JOB } from './use-cases/pulses';
import { takePraiseOfFollowUp, takePraiseOfResponses } from './use-cases/recognition';
import { socoCustomerExtensions } from './use-cases/soco';

const one = (table: string) => `select id from ${table} where org_id = $1 limit 1`;

/**
 * The inside of the company, its manifest. Locations, departments, teams and employees; staff surveys
 * with real anonymity, internal clients, SOCO, training, service audits, recognition and goodwill.
 */
export const peopleModule: Module = {
  name: 'people',
  permissions: [readGrant('people:read'), writeGrant('people:write', ['manager'])],
  routes: async (app) => {
    await structureRoutes(app);
    await pulseRoutes(app);
    await leaderboardRoutes(app);
    await socoRoutes(app);
    await goodwillRoutes(app);
    await recognitionRoutes(app);
    await agentRoutes(app);
    await auditRoutes(app);
    await internalClientRoutes(app);
  },
  // Pulses that repeat go out when due.
  jobs: [PULSE_DUE_JOB, PULSE_ROUND_JOB, PRAISE_MAIL_JOB],
  schedules: [{ job: PULSE_DUE_JOB, everySeconds: 3600 }],
  demo: [
    { order: 15, step: peopleStep },
    { order: 17, step: peopleEnpsStep },
    { order: 38, step: peopleRecognitionStep },
    { order: 42, step: peopleSocoStep },
    { order: 45, step: peopleAuditsStep },
    { order: 47, step: peopleInternalStep },
  ],
  events: peopleEvents,
  // Customers' praise reaches the people it names, or who resolved their case.
  subscribers: [
    onBatch('response.created', takePraiseOfResponses),
    on('case.follow_up_answered', takePraiseOfFollowUp),
  ],
  profile: [...peopleExtensions, ...socoCustomerExtensions],
  // Goodwill granted counts in the customer's cost to serve.
  setup: (ctx) =>
    registerGestureCostSource(ctx, (tx, orgId, window) => sumGrantsByCustomer(tx, orgId, window)),
  isolation: {
    '/api/v1/goodwill/budgets/:id': { sql: one('goodwill_budgets'), bodies: { PATCH: { poolMinor: 1 } } },
    '/api/v1/cases/:id/goodwill': { sql: one('cases'), bodies: { POST: { kind: 'gift', amountMinor: 1 } } },
    '/api/v1/recognition/:id/confirm': {
      sql: `select id from praise where org_id = $1 and status = 'pending' limit 1`,
      bodies: { POST: { employeeIds: ['00000000-0000-4000-8000-000000000000'] } },
    },
    '/api/v1/recognition/:id/dismiss': {
      sql: `select id from praise where org_id = $1 and status = 'pending' limit 1`,
    },
    '/api/v1/surveys/:id/pulses': {
      sql: `select id from surveys where org_id = $1 and audience = 'employees' limit 1`,
      bodies: { POST: {} },
    },
    '/api/v1/surveys/:id/pulse-settings': {
      sql: `select id from surveys where org_id = $1 and audience = 'employees' limit 1`,
      bodies: { PATCH: { everyWeeks: 4 } },
    },
    '/api/v1/surveys/:id/enps': {
      sql: `select id from surveys where org_id = $1 and audience = 'employees' limit 1`,
    },
    '/api/v1/audit-checklists/:id': {
      sql: one('audit_checklists'),
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/audits/:id': {
      sql: `select id from audit_visits where org_id = $1 and status = 'scheduled' limit 1`,
    },
    '/api/v1/audits/:id/submit': {
      sql: `select id from audit_visits where org_id = $1 and status = 'scheduled' limit 1`,
      bodies: { POST: { answers: [{ itemId: 'greet', result: 'pass' }] } },
    },
    '/api/v1/audits/:id/shopper-link': {
      sql: `select id from audit_visits where org_id = $1 and status = 'scheduled' limit 1`,
      bodies: { POST: {} },
    },
    '/api/v1/audits/:id/photos': { sql: `select id from audit_visits where org_id = $1 limit 1` },
    '/api/v1/audits/:id/photos/:photoId': {
      sql: `select visit_id as id, id as "photoId" from audit_photos where org_id = $1 limit 1`,
    },
    '/api/v1/soco/employees/:id/results': { sql: one('employees') },
    '/api/v1/soco/teams/:id/results': { sql: one('teams') },
    '/api/v1/training/courses/:id': {
      sql: one('training_courses'),
      bodies: { PATCH: { validityMonths: 6 } },
    },
    '/api/v1/training/requirements/:id': { sql: one('training_requirements') },
    '/api/v1/training/completions/:id': { sql: one('training_completions') },
    '/api/v1/training/employees/:id': { sql: one('employees') },
    '/api/v1/locations/:id': {
      sql: one('locations'),
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/departments/:id': {
      sql: one('departments'),
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
    '/api/v1/teams/:id': { sql: one('teams'), bodies: { PATCH: { name: 'renamed by another tenant' } } },
    '/api/v1/employees/:id': {
      sql: one('employees'),
      bodies: { PATCH: { name: 'renamed by another tenant' } },
    },
  },
};

declare module '../registry' {
  /** The permissions this module defines; their grants are its manifest's `permissions`. */
  interface Permissions {
    'people:read': true;
    'people:write': true;
  }
}
