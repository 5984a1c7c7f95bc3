import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { AppError, notFound } from '../../../lib/errors';
import { findCase, insertTimeline, updateCase } from '../data/repo-cases';
import { firstResponsePatch } from '../domain/case-clock';
import { REPLY_OBSTACLE_TEXT } from '../domain/reply';
import { changeCaseInTx } from './change-case';
import { queueCaseMail } from './notify';
import { findReplyRoute } from './reply-address';
import { loadCaseSetup } from './setup';

export type NoteInput = { text: string; kind: 'note' | 'reply'; minutesSpent?: number };

/**
 * An internal note, or a reply e-mailed to the customer. The first reply is the case's first
 * response.
 */
export const addNote = (
  ctx: AppContext,
  orgId: string,
  caseId: string,
  input: NoteInput,
  authorId: string | null,
) => ctx.db.withOrg(orgId, (tx) => writeNote(ctx, tx, orgId, caseId, input, authorId));

async function writeNote(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  caseId: string,
  input: NoteInput,
  authorId: string | null,
) {
  const c = await findCase(tx, orgId, caseId, true);
  if (!c) throw notFound('case');
  if (input.kind === 'reply') await refuseUnsendableReply(tx, orgId, c);
  const now = ctx.clock.now();
  const data = input.minutesSpent ? { minutesSpent: input.minutesSpent } : {};
  const id = await insertTimeline(tx, orgId, {
    caseId,
    kind: input.kind,
    authorId,
    text: input.text,
    data,
    at: now,
  });
  if (input.kind === 'reply') {
    const { calendar } = await loadCaseSetup(ctx, tx, orgId);
    const responded = firstResponsePatch(c, now, calendar);
    await updateCase(tx, orgId, caseId, { ...responded, updatedAt: now });
    await queueCaseMail(
      ctx,
      tx,
      orgId,
      { template: 'reply', caseId, entryId: id },
      `case:${caseId}:reply:${id}`,
    );
  }
  await ctx.bus.emit(tx, 'case.updated', {
    orgId,
    caseId,
    customerId: c.customerId,
    status: c.status,
    changes: [input.kind],
  });
  return { id, kind: input.kind, authorId, text: input.text, data, at: now };
}

/**
 * A reply that cannot reach the customer (nor a contact left with the case's answer) is refused (422 naming `body.kind` and why) before
 * anything is written: it is not logged as sent and stops no clock.
 */
async function refuseUnsendableReply(
  tx: Executor,
  orgId: string,
  c: { customerId: string | null; responseId: string | null },
) {
  const { obstacle } = await findReplyRoute(tx, orgId, c);
  if (!obstacle) return;
  const message = `cannot be reply: ${REPLY_OBSTACLE_TEXT[obstacle]} (${obstacle}); add an internal note instead`;
  throw new AppError('unprocessable', `body.kind: ${message}`, [{ field: 'body.kind', message }]);
}

export type InboundEmail = { subject?: string; text: string };

/** A customer's e-mail about the case: on the timeline, and a case waiting for them moves on. */
export const recordInboundEmail = (
  ctx: AppContext,
  orgId: string,
  caseId: string,
  mail: InboundEmail,
  authorId: string | null,
) => ctx.db.withOrg(orgId, (tx) => writeInboundEmail(ctx, tx, orgId, caseId, mail, authorId));

async function writeInboundEmail(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  caseId: string,
  mail: InboundEmail,
  authorId: string | null,
) {
  const c = await findCase(tx, orgId, caseId, true);
  if (!c) throw notFound('case');
  const now = ctx.clock.now();
  const data = mail.subject ? { subject: mail.subject } : {};
  const id = await insertTimeline(tx, orgId, {
    caseId,
    kind: 'email_received',
    authorId,
    text: mail.text,
    data,
    at: now,
  });
  if (c.status === 'waiting_customer')
    await changeCaseInTx(ctx, tx, orgId, caseId, { status: 'in_progress' }, authorId);
  else
    await ctx.bus.emit(tx, 'case.updated', {
      orgId,
      caseId,
      customerId: c.customerId,
      status: c.status,
      changes: ['email_received'],
    });
  return { id, kind: 'email_received', authorId, text: mail.text, data, at: now };
}
