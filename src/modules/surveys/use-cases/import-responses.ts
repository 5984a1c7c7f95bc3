import type { z } from 'zod';
import { retryOnConflict } from '../../../db/retry';
import type { AppContext } from '../../../http/types';
import { sha256 } from '../../../lib/crypto';
import { AppError, type FieldError, notFound } from '../../../lib/errors';
import { ensureCustomers } from '../../customers/api';
import { findLocationsByCode } from '../../people/api';
import { saveResponseContact } from '../data/repo-contacts';
import { insertResponse, lockResponseImports } from '../data/repo-responses';
import * as repo from '../data/repo-surveys';
import { checkAnswers, scoresOf } from '../domain/questions';
import type { ZImportResponsesRequestSchema } from '../http/schemas';
import { announceResponse } from './record-response';

type ImportInput = z.output<typeof ZImportResponsesRequestSchema>;
const MAX_REPORTED_ERRORS = 50;

/**
 * Imports past responses into the survey's current version, all or nothing: any bad row
 * refuses the batch with every bad field named. A response id already stored is skipped. A
 * transaction the database aborts as a deadlock victim runs again whole.
 */
export async function importResponses(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  input: ImportInput,
  { idempotencyKey }: { idempotencyKey?: string } = {},
) {
  const ids = idempotencyKey
    ? input.responses.map((r, i) => r.id ?? derivedId(orgId, surveyId, idempotencyKey, i))
    : input.responses.map((r) => r.id);
  return retryOnConflict(() => importOnce(ctx, orgId, surveyId, input, ids));
}

/**
 * The id of row `index` of a batch sent under `key`, for a row that names none: the same for
 * every retry of the batch (the key's body is checked to be the same), so a retry after a
 * process died mid-request skips what the first attempt stored.
 */
function derivedId(orgId: string, surveyId: string, key: string, index: number): string {
  const h = sha256(`response import\n${orgId}\n${surveyId}\n${key}\n${index}`);
  // A UUID of version 8 (made by the application) and the RFC 9562 variant.
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function importOnce(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  input: ImportInput,
  ids: (string | undefined)[],
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    const questions = (await repo.findQuestions(tx, orgId, surveyId, survey.currentVersion)) ?? [];
    const now = ctx.clock.now();
    const checked = input.responses.map((r) => checkAnswers(questions, r.answers, { complete: true }));
    const errors: FieldError[] = [];
    const locations = await findLocationsByCode(
      tx,
      orgId,
      input.responses.flatMap((r) => (r.locationCode ? [r.locationCode] : [])),
    );
    checked.forEach((c, i) => {
      const code = input.responses[i].locationCode;
      if (code && !locations.has(code))
        errors.push({
          field: `body.responses.${i}.locationCode`,
          message: 'no location of the organization has this code',
        });
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
    // Another import of the organization goes first; then the batch's customers are created
    // and locked, all at once in the one order every batch follows: a concurrent batch naming
    // the same customers waits instead of deadlocking.
    await lockResponseImports(tx, orgId);
    const customerIds = await ensureCustomers(
      ctx,
      tx,
      orgId,
      input.responses.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])),
    );
    let created = 0;
    for (const [i, r] of input.responses.entries()) {
      const customerId = r.customerExternalId ? (customerIds.get(r.customerExternalId) ?? null) : null;
      const submittedAt = r.submittedAt ?? now;
      const locale = r.locale ?? survey.defaultLocale;
      const answers = checked[i].answers;
      const scores = scoresOf(questions, answers);
      const locationId = r.locationCode ? (locations.get(r.locationCode)?.id ?? null) : null;
      const id = await insertResponse(tx, orgId, {
        id: ids[i],
        surveyId,
        version: survey.currentVersion,
        customerId,
        invitationId: null,
        status: 'complete',
        channel: r.channel,
        touchpoint: r.touchpoint ?? null,
        locationId,
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
      const contact = checked[i].contact ?? null;
      if (contact)
        await saveResponseContact(tx, orgId, {
          ...contact,
          responseId: id,
          surveyId,
          customerId,
          at: submittedAt,
        });
      await announceResponse(ctx, tx, orgId, {
        id,
        survey,
        questions,
        answers,
        customerId,
        channel: r.channel,
        touchpoint: r.touchpoint ?? null,
        locationId,
        locale,
        submittedAt,
        contact,
      });
    }
    return { created, skipped: input.responses.length - created };
  });
}
