/**
 * Enumerations of the public API (DESIGN.md §1), in the order the dashboard lists them, and the
 * question scales. Each is the server's own, from a small module without imports; a list that lives
 * beside server-only code is written where it is used with `keysOf`, which holds it to the API's union.
 */
export {
  CASE_STATUSES,
  DEFAULT_TIERS,
  OPEN_STATUSES,
  PRIORITIES,
} from '../../../src/modules/cases/domain/model';
export { CUSTOMER_SORTS } from '../../../src/modules/customers/domain/customer-sorts';
export { RFM_SEGMENTS as SEGMENTS } from '../../../src/modules/customers/domain/rfm-segments';
export { STAGES } from '../../../src/modules/customers/domain/stages';
export { ROLES, SCOPES } from '../../../src/modules/orgs/domain/permissions';
export { INBOX_SORTS, SCORE_BAND_NAMES } from '../../../src/modules/surveys/domain/inbox';
export { QUESTION_TYPES, scaleOf } from '../../../src/modules/surveys/domain/questions';

/**
 * The keys of `all` in their order: give every member of the union `K` once (a missing or unknown
 * one fails the type check), e.g. `keysOf<Metric>({ nps: true, csat: true, ces: true })`.
 */
export const keysOf = <K extends string>(all: Record<K, true>) => Object.keys(all) as K[];
