// What other modules may use of the people module.

// Goodwill gestures as loyalty perks: who got one of a kind, and when.
export { findGoodwillGestures } from './data/repo-goodwill-grants';
// Locations as a dimension: survey links and imports name them by code, breakdowns show their names.
export { findLocationNames, findLocationsByCode, type LocationRef } from './data/repo-locations';
export type { Department, Employee, Location, Team } from './data/repo-structure';
// A customer's one-use link to rate the person who served them (after a contact or a resolved case).
export { createCustomerLinkInTx, type NewCustomerLink } from './use-cases/soco';
