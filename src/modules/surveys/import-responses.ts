import type { z } from 'zod';
import type { AppContext } from '../../http/types';
import { AppError, type FieldError, notFound } from '../../lib/errors';
import { ensureCustomer } from '../customers/api';
import { checkAnswers, scoresOf } from './questions';
import { announceResponse } from './record-response';
import * as repo from './repo';
import { insertResponse } from './repo-responses';
import type { ZImportResponsesRequestSchema } from './schemas';

type ImportInput = z.output<typeof ZImportResponsesRequestSchema>;
const MAX_REPORTED_ERRORS = 50;

/**
 * Imports past responses into the survey's current version, all or nothing: any bad row
 * refuses the batch with every bad field named. A response id already stored is skipped.
 */
export async function importResponses(ctx: AppContext, orgId: string, surveyId: string, input: ImportInput) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    const questions = (await repo.findQuestions(tx, orgId, surveyId, survey.currentVersion)) ?? [];
    const now = ctx.clock.now();
    const checked = input.responses.map((r) => checkAnswers(questions, r.answers, { complete: true }));
    const errors: FieldError[] = [];
    checked.forEach((c, i) => {
      for (const e of c.errors)
        errors.push({ field: `body.responses.${i}.answers.${e.questionId}`, message: e.message });
      if (input.responses[i].submittedAt && input.responses[i].submittedAt! > now) {
        errors.push({ field: `body.responses.${i}.submittedAt`, message: 'is in the future' });
      }
    });
    if (errors.length) {
      const shown = errors.slice(0, MAX_REPORTED_ERRORS);
      throw new AppError('validation', shown.map((e) => `${e.field}: ${e.message}`).join('; '), shown);
    }
    let created = 0;
    for (const [i, r] of input.responses.entries()) {
      const customerId = r.customerExternalId
        ? await ensureCustomer(ctx, tx, orgId, r.customerExternalId)
        : null;
      const submittedAt = r.submittedAt ?? now;
      const locale = r.locale ?? survey.defaultLocale;
      const answers = checked[i].answers;
      const scores = scoresOf(questions, answers);
      const id = await insertResponse(tx, orgId, {
        id: r.id,
        surveyId,
        version: survey.currentVersion,
        customerId,
        invitationId: null,
        status: 'complete',
        channel: r.channel,
        touchpoint: r.touchpoint ?? null,
        locale,
        answers,
        nps: scores.nps ?? null,
        csat: scores.csat ?? null,
        ces: scores.ces ?? null,
        nonce: null,
        submittedAt,
        now,
      });
      if (!id) continue;
      created++;
      await announceResponse(ctx, tx, orgId, {
        id,
        survey,
        questions,
        answers,
        customerId,
        channel: r.channel,
        touchpoint: r.touchpoint ?? null,
        locale,
        submittedAt,
      });
    }
    return { created, skipped: input.responses.length - created };
  });
}
