import type { z } from 'zod';
import { pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import { findCustomer, findCustomerByExternalId } from '../../customers/api';
import { listResponses as listRows, type ResponseRow } from '../data/repo-responses';
import * as repo from '../data/repo-surveys';
import { answeredPosition } from '../domain/cursor';
import type { ZResponseListQuery, ZResponseSchema } from '../http/schemas';

type ResponseDto = z.infer<typeof ZResponseSchema>;

export function toResponseDto(r: ResponseRow, customerExternalId: string | null): ResponseDto {
  const scores: ResponseDto['scores'] = {};
  if (r.nps !== null) scores.nps = r.nps;
  if (r.csat !== null) scores.csat = r.csat;
  if (r.ces !== null) scores.ces = r.ces;
  return {
    id: r.id,
    surveyId: r.surveyId,
    version: r.version,
    status: r.status as ResponseDto['status'],
    channel: r.channel as ResponseDto['channel'],
    touchpoint: r.touchpoint,
    locationId: r.locationId,
    locale: r.locale,
    answers: r.answers,
    scores,
    customerExternalId,
    submittedAt: r.submittedAt,
    createdAt: r.createdAt,
  };
}

/** A page of a survey's responses, newest first, filtered, with each customer's external id. */
export function listResponses(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  q: Omit<z.output<typeof ZResponseListQuery>, 'cursor'> & { after?: [string, string] },
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, surveyId);
    if (!survey) throw notFound('survey');
    if (survey.audience !== 'customers') {
      throw new AppError(
        'conflict',
        'params.id: answers of a staff survey are anonymous and shown only in groups, in its eNPS report',
      );
    }
    let customerId: string | undefined;
    if (q.customerExternalId) {
      customerId = (await findCustomerByExternalId(tx, orgId, q.customerExternalId))?.id;
      if (!customerId) return { items: [], nextCursor: null };
    }
    const rows = await listRows(tx, orgId, surveyId, {
      limit: q.limit,
      after: q.after,
      status: q.status,
      channel: q.channel,
      touchpoint: q.touchpoint,
      locationId: q.locationId,
      version: q.version,
      customerId,
      from: q.from,
      to: q.to,
    });
    const page = pageOf(rows, q.limit, answeredPosition);
    const externalIds = new Map<string, string | null>();
    for (const r of page.items) {
      if (r.customerId && !externalIds.has(r.customerId)) {
        externalIds.set(r.customerId, (await findCustomer(tx, orgId, r.customerId))?.externalId ?? null);
      }
    }
    return {
      items: page.items.map((r) =>
        toResponseDto(r, r.customerId ? (externalIds.get(r.customerId) ?? null) : null),
      ),
      nextCursor: page.nextCursor,
    };
  });
}
