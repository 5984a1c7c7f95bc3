import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import { before, byCreation } from '../../../db/keyset';
import { surveyContacts, surveyInvitations, surveyOptOuts, surveySettings } from './tables';

export type InvitationRow = {
  id: string;
  surveyId: string;
  customerId: string | null;
  channel: string;
  status: string;
  touchpoint: string | null;
  expiresAt: Date;
  sentAt: Date | null;
  remindersSent: number;
};

const invitationColumns = {
  id: surveyInvitations.id,
  surveyId: surveyInvitations.surveyId,
  customerId: surveyInvitations.customerId,
  channel: surveyInvitations.channel,
  status: surveyInvitations.status,
  touchpoint: surveyInvitations.touchpoint,
  expiresAt: surveyInvitations.expiresAt,
  sentAt: surveyInvitations.sentAt,
  remindersSent: surveyInvitations.remindersSent,
};

export async function insertInvitation(
  tx: Executor,
  orgId: string,
  inv: {
    surveyId: string;
    customerId: string;
    channel: 'email' | 'link';
    status: string;
    touchpoint?: string | null;
    expiresAt: Date;
    now: Date;
  },
): Promise<string> {
  const { now, ...fields } = inv;
  const [row] = await tx
    .insert(surveyInvitations)
    .values({ orgId, ...fields, createdAt: now })
    .returning({ id: surveyInvitations.id });
  return row.id;
}

export async function findInvitation(
  tx: Executor,
  orgId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .select(invitationColumns)
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.orgId, orgId), eq(surveyInvitations.id, id)));
  return row;
}

export async function markInvitation(
  tx: Executor,
  orgId: string,
  id: string,
  patch: Partial<{
    status: string;
    skipReason: string | null;
    sentAt: Date;
    answeredAt: Date;
    remindersSent: number;
    lastRemindedAt: Date;
  }>,
) {
  await tx
    .update(surveyInvitations)
    .set(patch)
    .where(and(eq(surveyInvitations.orgId, orgId), eq(surveyInvitations.id, id)));
}

/**
 * Sent, unanswered, unexpired e-mail invitations whose organization's reminder delay has passed
 * since the last e-mail and whose reminders are not used up, across organizations (system role).
 */
export async function findDueReminders(
  tx: Executor,
  now: Date,
  defaults: { afterHours: number; max: number },
  limit: number,
) {
  const afterHours = sql`coalesce(${surveySettings.reminderAfterHours}, ${defaults.afterHours})`;
  const maxReminders = sql`coalesce(${surveySettings.remindersMax}, ${defaults.max})`;
  return tx
    .select({
      orgId: surveyInvitations.orgId,
      id: surveyInvitations.id,
      remindersSent: surveyInvitations.remindersSent,
    })
    .from(surveyInvitations)
    .leftJoin(surveySettings, eq(surveySettings.orgId, surveyInvitations.orgId))
    .where(
      and(
        eq(surveyInvitations.status, 'sent'),
        eq(surveyInvitations.channel, 'email'),
        gt(surveyInvitations.expiresAt, now),
        sql`${surveyInvitations.remindersSent} < ${maxReminders}`,
        sql`coalesce(${surveyInvitations.lastRemindedAt}, ${surveyInvitations.sentAt}) <= ${now}::timestamptz - make_interval(hours => ${afterHours}::int)`,
      ),
    )
    .orderBy(asc(surveyInvitations.sentAt))
    .limit(limit);
}

export async function recordContact(
  tx: Executor,
  orgId: string,
  c: { customerId: string; surveyId: string; channel: string; at: Date },
) {
  await tx
    .insert(surveyContacts)
    .values({ orgId, customerId: c.customerId, surveyId: c.surveyId, channel: c.channel, contactedAt: c.at });
}

export async function countContactsSince(tx: Executor, orgId: string, customerId: string, since: Date) {
  const [row] = await tx
    .select({ n: count() })
    .from(surveyContacts)
    .where(
      and(
        eq(surveyContacts.orgId, orgId),
        eq(surveyContacts.customerId, customerId),
        gt(surveyContacts.contactedAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Serialises cap checks for one customer within the transaction (two invitations at once count as two). */
export async function lockCustomerContacts(tx: Executor, orgId: string, customerId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${orgId}:${customerId}`}, 7202))`);
}

export async function insertOptOut(
  tx: Executor,
  orgId: string,
  customerId: string,
  channel: string,
  now: Date,
) {
  await tx.insert(surveyOptOuts).values({ orgId, customerId, channel, createdAt: now }).onConflictDoNothing();
}

export async function hasOptedOut(tx: Executor, orgId: string, customerId: string, channel: string) {
  const [row] = await tx
    .select({ channel: surveyOptOuts.channel })
    .from(surveyOptOuts)
    .where(
      and(
        eq(surveyOptOuts.orgId, orgId),
        eq(surveyOptOuts.customerId, customerId),
        eq(surveyOptOuts.channel, channel),
      ),
    );
  return Boolean(row);
}

export async function listInvitationsOfCustomer(tx: Executor, orgId: string, customerId: string) {
  return tx
    .select({ ...invitationColumns, createdAt: surveyInvitations.createdAt })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.orgId, orgId), eq(surveyInvitations.customerId, customerId)))
    .orderBy(asc(surveyInvitations.createdAt))
    .limit(10_000);
}

export async function listOptOutsOfCustomer(tx: Executor, orgId: string, customerId: string) {
  return tx
    .select({ channel: surveyOptOuts.channel, createdAt: surveyOptOuts.createdAt })
    .from(surveyOptOuts)
    .where(and(eq(surveyOptOuts.orgId, orgId), eq(surveyOptOuts.customerId, customerId)));
}

/** The first time the invitation's personal link was opened; later visits keep it. */
export async function markInvitationOpened(tx: Executor, orgId: string, id: string, at: Date) {
  await tx
    .update(surveyInvitations)
    .set({ openedAt: at })
    .where(
      and(
        eq(surveyInvitations.orgId, orgId),
        eq(surveyInvitations.id, id),
        isNull(surveyInvitations.openedAt),
      ),
    );
}

export type InvitationListRow = {
  id: string;
  customerId: string | null;
  channel: string;
  status: string;
  skipReason: string | null;
  touchpoint: string | null;
  createdAt: Date;
  sentAt: Date | null;
  openedAt: Date | null;
  answeredAt: Date | null;
  expiresAt: Date;
  remindersSent: number;
};

/** A survey's invitations, newest first, after a (created at, id) position. */
export function listSurveyInvitations(
  tx: Executor,
  orgId: string,
  surveyId: string,
  q: { limit: number; after?: [string, string] },
): Promise<InvitationListRow[]> {
  const order = byCreation(surveyInvitations);
  return tx
    .select({
      id: surveyInvitations.id,
      customerId: surveyInvitations.customerId,
      channel: surveyInvitations.channel,
      status: surveyInvitations.status,
      skipReason: surveyInvitations.skipReason,
      touchpoint: surveyInvitations.touchpoint,
      createdAt: surveyInvitations.createdAt,
      sentAt: surveyInvitations.sentAt,
      openedAt: surveyInvitations.openedAt,
      answeredAt: surveyInvitations.answeredAt,
      expiresAt: surveyInvitations.expiresAt,
      remindersSent: surveyInvitations.remindersSent,
    })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.orgId, orgId),
        eq(surveyInvitations.surveyId, surveyId),
        before(order, q.after && [new Date(q.after[0]), q.after[1]]),
      ),
    )
    .orderBy(...order.map((c) => desc(c)))
    .limit(q.limit + 1);
}
