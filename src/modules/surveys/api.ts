// What other modules may ask the surveys module: whether the objects they refer to exist.

export { findResponseScores, responseExists } from './data/repo-responses';
export { missingSurveys } from './data/repo-surveys';
