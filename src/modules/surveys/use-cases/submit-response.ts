import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { findLocationsByCode } from '../../people/api';
import { saveResponseContact } from '../data/repo-contacts';
import type { InvitationRow } from '../data/repo-invitations';
import { markInvitation } from '../data/repo-invitations';
import * as responses from '../data/repo-responses';
import type { SurveyRow } from '../data/repo-surveys';
import * as repo from '../data/repo-surveys';
import {
  type AnswerError,
  type Answers,
  checkAnswers,
  scoresOf,
  visibleQuestions,
} from '../domain/questions';
import { PUBLIC_LIMITS } from '../http/limits';
import { announceResponse } from './record-response';

export type SubmitInput = {
  answers: Record<string, unknown>;
  /** The same nonce is the same response: a double-clicked submit stores one. */
  nonce?: string;
  /** Complete the response (else keep it partial, to be finished later). */
  final: boolean;
  /** Questions the respondent has seen: a question revealed by these answers is asked before completing. */
  presented?: string[];
  channel: string;
  touchpoint?: string | null;
  /** The code of the location it is given at (`?l=` of a store's link or QR code). */
  locationCode?: string;
  /** An unknown location code refuses the answer (the API); else the answer is kept without it (the page). */
  strictLocation?: boolean;
  locale: string;
};

export type SubmitOutcome =
  | {
      kind: 'saved';
      id: string;
      status: 'partial' | 'complete';
      duplicate: boolean;
      answers: Answers;
      pending: string[];
      version: number;
    }
  | { kind: 'invalid'; errors: AnswerError[]; answers: Answers; version: number }
  | { kind: 'already_answered' }
  | { kind: 'closed' }
  | { kind: 'busy' }
  | { kind: 'nonce_conflict' }
  | { kind: 'unknown_location' };

export type SubmitTarget = { survey: SurveyRow; invitation?: InvitationRow; customerId?: string | null };

/** Stores a respondent's answers (public page, widget, API) in one transaction of the survey's organization. */
export function submitResponse(ctx: AppContext, orgId: string, target: SubmitTarget, input: SubmitInput) {
  return ctx.db.withOrg(orgId, (tx) => submitInTx(ctx, tx, orgId, target, input));
}

async function submitInTx(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  { survey, invitation, customerId }: SubmitTarget,
  input: SubmitInput,
): Promise<SubmitOutcome> {
  if (survey.status !== 'active') return { kind: 'closed' };
  const now = ctx.clock.now();
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  if (
    (await responses.countSubmission(tx, orgId, survey.id, minute)) >
    PUBLIC_LIMITS.responsesPerSurveyPerMinute
  ) {
    return { kind: 'busy' };
  }
  const find = () =>
    invitation
      ? responses.findResponseByInvitation(tx, orgId, invitation.id)
      : input.nonce
        ? responses.findResponseByNonce(tx, orgId, survey.id, input.nonce)
        : Promise.resolve(undefined);
  let existing = await find();
  if (existing?.status === 'complete') {
    // A personal link answers once; the same submission again (a double click) is not an error.
    if (invitation && (!input.nonce || existing.nonce !== input.nonce)) return { kind: 'already_answered' };
    return {
      kind: 'saved',
      id: existing.id,
      status: 'complete',
      duplicate: true,
      answers: existing.answers,
      pending: [],
      version: existing.version,
    };
  }
  const version = existing?.version ?? survey.currentVersion;
  const questions = (await repo.findQuestions(tx, orgId, survey.id, version)) ?? [];
  const merged = { ...(existing?.answers ?? {}), ...input.answers };
  const partialCheck = checkAnswers(questions, merged, { complete: false });
  if (partialCheck.errors.length)
    return { kind: 'invalid', errors: partialCheck.errors, answers: partialCheck.answers, version };
  const answers = partialCheck.answers;
  const shown = new Set([...(input.presented ?? questions.map((q) => q.id)), ...Object.keys(answers)]);
  const pending = visibleQuestions(questions, answers)
    .filter((q) => !shown.has(q.id))
    .map((q) => q.id);
  const final = input.final && pending.length === 0;
  if (final) {
    const { errors } = checkAnswers(questions, merged, { complete: true });
    if (!errors.length && Object.keys(answers).length === 0 && questions[0]) {
      errors.push({
        questionId: questions[0].id,
        kind: 'required',
        message: 'at least one answer is needed',
      });
    }
    if (errors.length) return { kind: 'invalid', errors, answers, version };
  }
  const location = input.locationCode
    ? ((await findLocationsByCode(tx, orgId, [input.locationCode])).get(input.locationCode)?.id ?? null)
    : null;
  if (input.locationCode && !location && input.strictLocation) return { kind: 'unknown_location' };
  const customer = invitation?.customerId ?? customerId ?? null;
  const scores = scoresOf(questions, answers);
  const fields = {
    status: final ? ('complete' as const) : ('partial' as const),
    answers,
    nps: scores.nps ?? null,
    csat: scores.csat ?? null,
    ces: scores.ces ?? null,
    submittedAt: final ? now : null,
    locale: input.locale,
  };
  let id = existing?.id;
  if (!id) {
    id = await responses.insertResponse(tx, orgId, {
      surveyId: survey.id,
      version,
      customerId: customer,
      invitationId: invitation?.id ?? null,
      channel: input.channel,
      touchpoint: input.touchpoint ?? invitation?.touchpoint ?? null,
      locationId: location,
      nonce: input.nonce ?? null,
      ...fields,
      now,
    });
    if (!id) {
      // Another request with the same nonce or link won the race: answer as it did.
      existing = await find();
      // The nonce is another response's (of another personal link): not this one's to reuse.
      if (!existing) return { kind: 'nonce_conflict' };
      if (existing.status === 'complete') {
        return {
          kind: 'saved',
          id: existing.id,
          status: 'complete',
          duplicate: true,
          answers: existing.answers,
          pending: [],
          version: existing.version,
        };
      }
      id = existing.id;
    }
  }
  if (existing) await responses.updateResponse(tx, orgId, id, { ...fields, now });
  if (final) {
    if (invitation) await markInvitation(tx, orgId, invitation.id, { status: 'answered', answeredAt: now });
    const contact = partialCheck.contact;
    if (contact) {
      await saveResponseContact(tx, orgId, {
        ...contact,
        responseId: id,
        surveyId: survey.id,
        customerId: customer,
        at: now,
      });
    }
    await announceResponse(ctx, tx, orgId, {
      id,
      survey,
      questions,
      answers,
      customerId: customer,
      channel: existing?.channel ?? input.channel,
      touchpoint: existing?.touchpoint ?? input.touchpoint ?? invitation?.touchpoint ?? null,
      locationId: existing ? existing.locationId : location,
      locale: input.locale,
      submittedAt: now,
      contact: contact ?? null,
    });
  }
  return { kind: 'saved', id, status: fields.status, duplicate: false, answers, pending, version };
}
