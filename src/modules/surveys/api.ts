// What other modules may ask the surveys module: whether the objects they refer to exist, and how a
// respondent who agreed to be contacted can be reached (closed-loop replies to anonymous answers).

export { findResponseContact, type ResponseContact } from './data/repo-contacts';
export { findResponseScores, responseExists } from './data/repo-responses';
export { missingSurveys } from './data/repo-surveys';
export { type AnswerError, localize, type Question } from './domain/questions';
export {
  type AnonymousAnswer,
  countSurveyAnswers,
  type PulseSurvey,
  recordAnonymousAnswerInTx,
  surveyForPulse,
} from './use-cases/anonymous-answers';
