import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { recordEvent } from '../../customers/api';
import type { SurveyRow } from '../data/repo-surveys';
import { type Answers, type ContactDetails, type Question, scoresOf, textsOf } from '../domain/questions';

/**
 * What follows a completed response: an interaction event of its customer — through which, and
 * only through which, the customer's NPS signal and stage follow — then `response.created` for
 * the modules that react to feedback (cases, metrics, webhooks), which see the new stage.
 */
export async function announceResponse(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  r: {
    id: string;
    survey: Pick<SurveyRow, 'id' | 'audience'>;
    questions: Question[];
    answers: Answers;
    customerId: string | null;
    channel: string;
    touchpoint: string | null;
    locationId?: string | null;
    locale: string;
    submittedAt: Date;
    /** How the respondent agreed to be reached, when they did. */
    contact?: ContactDetails | null;
  },
) {
  const scores = scoresOf(r.questions, r.answers);
  if (r.customerId) {
    await recordEvent(ctx, tx, orgId, {
      id: `survey_response:${r.id}`,
      customerId: r.customerId,
      type: 'survey_response',
      occurredAt: r.submittedAt,
      channel: r.channel,
      touchpoint: r.touchpoint,
      data: { surveyId: r.survey.id, responseId: r.id, ...scores },
    });
  }
  await ctx.bus.emit(tx, 'response.created', {
    orgId,
    responseId: r.id,
    surveyId: r.survey.id,
    customerId: r.customerId,
    audience: r.survey.audience,
    channel: r.channel,
    touchpoint: r.touchpoint,
    location: r.locationId ?? null,
    locale: r.locale,
    submittedAt: r.submittedAt,
    scores,
    texts: textsOf(r.questions, r.answers),
    answers: r.answers,
    contact: r.contact ?? null,
  });
}
