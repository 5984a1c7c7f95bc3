// What other modules may ask the cases module.
export { countCasesPastSla } from './use-cases/overdue-cases';
