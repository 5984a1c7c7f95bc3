// What other modules may use of the people module.
export type { Department, Employee, Location, Team } from './data/repo-structure';
