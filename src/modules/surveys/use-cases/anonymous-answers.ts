import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import * as responses from '../data/repo-responses';
import * as repo from '../data/repo-surveys';
import { type AnswerError, checkAnswers, type Question, scoresOf, textsOf } from '../domain/questions';

/** A survey as a pulse needs it: its audience, state, languages and current questions. */
export async function surveyForPulse(tx: Executor, orgId: string, surveyId: string) {
  const s = await repo.findSurvey(tx, orgId, surveyId);
  if (!s) return undefined;
  const questions = (await repo.findQuestions(tx, orgId, surveyId, s.currentVersion)) ?? [];
  return {
    id: s.id,
    name: s.name,
    audience: s.audience,
    status: s.status,
    defaultLocale: s.defaultLocale,
    version: s.currentVersion,
    questions,
  };
}

export type PulseSurvey = NonNullable<Awaited<ReturnType<typeof surveyForPulse>>>;

/** How many answers a survey has, of any version: its anonymity settings lock with the first. */
export const countSurveyAnswers = (tx: Executor, orgId: string, surveyId: string) =>
  repo.countResponses(tx, orgId, surveyId);

export type AnonymousAnswer = {
  surveyId: string;
  /** The questions this round asked, of the survey's current version. */
  questionIds: string[];
  answers: Record<string, unknown>;
  locale: string;
  /** Where the respondent works, at sending time: the only thing kept about who answered. */
  team: string | null;
  department: string | null;
  location: string | null;
};

/**
 * Stores an answer that carries no person: no customer, no invitation, no nonce; then
 * `response.created` with the respondent's team, department and location only. Runs in the
 * caller's transaction (the caller marks its one-time link used in the same one).
 */
export async function recordAnonymousAnswerInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  input: AnonymousAnswer,
): Promise<{ kind: 'saved' } | { kind: 'closed' } | { kind: 'invalid'; errors: AnswerError[] }> {
  const survey = await surveyForPulse(tx, orgId, input.surveyId);
  if (survey?.status !== 'active') return { kind: 'closed' };
  const asked = new Set(input.questionIds);
  const questions: Question[] = survey.questions.filter((q) => asked.has(q.id) && q.type !== 'contact');
  const { answers, errors } = checkAnswers(questions, input.answers, { complete: true });
  if (!errors.length && !Object.keys(answers).length && questions[0]) {
    errors.push({ questionId: questions[0].id, kind: 'required', message: 'at least one answer is needed' });
  }
  if (errors.length) return { kind: 'invalid', errors };
  const now = ctx.clock.now();
  const scores = scoresOf(questions, answers);
  const id = await responses.insertResponse(tx, orgId, {
    surveyId: survey.id,
    version: survey.version,
    customerId: null,
    invitationId: null,
    status: 'complete',
    channel: 'link',
    touchpoint: null,
    locationId: null,
    nonce: null,
    answers,
    nps: scores.nps ?? null,
    csat: scores.csat ?? null,
    ces: scores.ces ?? null,
    submittedAt: now,
    locale: input.locale,
    now,
  });
  if (!id) throw new Error('an anonymous answer was not stored');
  await ctx.bus.emit(tx, 'response.created', {
    orgId,
    responseId: id,
    surveyId: survey.id,
    customerId: null,
    audience: survey.audience,
    channel: 'link',
    touchpoint: null,
    locale: input.locale,
    submittedAt: now,
    scores,
    texts: textsOf(questions, answers),
    answers,
    contact: null,
    team: input.team,
    department: input.department,
    location: input.location,
  });
  return { kind: 'saved' };
}
