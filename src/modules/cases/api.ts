// What other modules may ask the cases module.
export { findCasesOfResponses, type ResponseCase } from './data/repo-case-links';
export { countCasesPastSla } from './use-cases/overdue-cases';
