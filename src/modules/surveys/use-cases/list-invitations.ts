import type { z } from 'zod';
import { pageOf } from '../../../http/pagination';
import type { AppContext } from '../../../http/types';
import { notFound } from '../../../lib/errors';
import { findCustomers } from '../../customers/api';
import { type InvitationListRow, listSurveyInvitations } from '../data/repo-invitations';
import * as repo from '../data/repo-surveys';
import { positionAfter } from '../domain/cursor';
import type { ZInvitationSchema } from '../http/schemas';

type InvitationDto = z.infer<typeof ZInvitationSchema>;

/** What became of an invitation, as far as it is tracked: answered, opened, else its sending state. */
export function invitationStatus(r: Pick<InvitationListRow, 'status' | 'openedAt'>): InvitationDto['status'] {
  if (r.status === 'sent' && r.openedAt) return 'opened';
  return r.status as InvitationDto['status'];
}

/** A page of a survey's invitations, newest first, each with its customer's external id and status. */
export function listInvitations(
  ctx: AppContext,
  orgId: string,
  surveyId: string,
  q: { limit: number; after?: [string, string] },
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    if (!(await repo.findSurvey(tx, orgId, surveyId))) throw notFound('survey');
    const page = pageOf(await listSurveyInvitations(tx, orgId, surveyId, q), q.limit, positionAfter);
    const customers = await findCustomers(
      tx,
      orgId,
      page.items.flatMap((r) => (r.customerId ? [r.customerId] : [])),
    );
    return {
      items: page.items.map(
        (r): InvitationDto => ({
          id: r.id,
          customerExternalId: r.customerId ? (customers.get(r.customerId)?.externalId ?? null) : null,
          channel: r.channel as InvitationDto['channel'],
          status: invitationStatus(r),
          reason: r.skipReason,
          touchpoint: r.touchpoint,
          createdAt: r.createdAt,
          sentAt: r.sentAt,
          openedAt: r.openedAt,
          answeredAt: r.answeredAt,
          expiresAt: r.expiresAt,
          remindersSent: r.remindersSent,
        }),
      ),
      nextCursor: page.nextCursor,
    };
  });
}
