// What other modules may ask the cases module.
export { findCasesOfResponses, type ResponseCase, responseIdsWithCases } from './data/repo-case-links';
export { countCasesPastSla } from './use-cases/overdue-cases';
export {
  type ChosenResponse,
  type TakenResponse,
  takeResponsesIntoCases,
} from './use-cases/take-responses-by-hand';
export {
  type CorrectiveCase,
  openCorrectiveCase,
  openCorrectiveCaseInTx,
} from './use-cases/open-corrective-case';
export { lockCaseCustomerInTx, recordGoodwillOnCaseInTx } from './use-cases/record-goodwill';
export { findLatestResolver } from './data/repo-resolvers';
export { caseWorkInTx } from './use-cases/agent-stats';
