// What other modules may ask the cases module.
export { findCasesOfResponses, type ResponseCase, responseIdsWithCases } from './data/repo-case-links';
export { findLatestResolver } from './data/repo-resolvers';
export { caseWorkInTx } from './use-cases/agent-stats';
export {
  type CorrectiveCase,
  openCorrectiveCase,
  openCorrectiveCaseInTx,
} from './use-cases/open-corrective-case';
export { countCasesPastSla } from './use-cases/overdue-cases';
export { lockCaseCustomerInTx, recordGoodwillOnCaseInTx } from './use-cases/record-goodwill';
export {
  type ChosenResponse,
  type TakenResponse,
  takeResponsesIntoCases,
} from './use-cases/take-responses-by-hand';
