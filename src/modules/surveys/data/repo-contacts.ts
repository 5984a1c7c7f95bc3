import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import type { ContactDetails } from '../domain/questions';
import { surveyResponseContacts, surveyResponses } from './tables';

export type ResponseContact = ContactDetails & {
  responseId: string;
  surveyId: string;
  consentedAt: Date;
};

const contactColumns = {
  responseId: surveyResponseContacts.responseId,
  surveyId: surveyResponseContacts.surveyId,
  email: surveyResponseContacts.email,
  phone: surveyResponseContacts.phone,
  consentedAt: surveyResponseContacts.consentedAt,
};

/** Records (or replaces) how the respondent of a response agreed to be reached. */
export async function saveResponseContact(
  tx: Executor,
  orgId: string,
  c: ContactDetails & { responseId: string; surveyId: string; customerId: string | null; at: Date },
) {
  const fields = { email: c.email, phone: c.phone, customerId: c.customerId, consentedAt: c.at };
  await tx
    .insert(surveyResponseContacts)
    .values({ orgId, responseId: c.responseId, surveyId: c.surveyId, ...fields })
    .onConflictDoUpdate({
      target: [surveyResponseContacts.orgId, surveyResponseContacts.responseId],
      set: fields,
    });
}

/**
 * The contact a respondent left with their response, if they agreed to be contacted, with the
 * language they answered in (so a reply to them is written in it).
 */
export async function findResponseContact(
  tx: Executor,
  orgId: string,
  responseId: string,
): Promise<(ResponseContact & { locale: string | null }) | undefined> {
  const [row] = await tx
    .select({ ...contactColumns, locale: surveyResponses.locale })
    .from(surveyResponseContacts)
    .leftJoin(
      surveyResponses,
      and(
        eq(surveyResponses.orgId, surveyResponseContacts.orgId),
        eq(surveyResponses.id, surveyResponseContacts.responseId),
      ),
    )
    .where(and(eq(surveyResponseContacts.orgId, orgId), eq(surveyResponseContacts.responseId, responseId)));
  return row;
}

/** A person's contacts: left with their own responses, or anonymously under their e-mail or phone. */
function ofPerson(orgId: string, p: { customerId: string; email: string | null; phone: string | null }) {
  const same: SQL[] = [eq(surveyResponseContacts.customerId, p.customerId)];
  if (p.email) same.push(eq(surveyResponseContacts.email, p.email.toLowerCase()));
  if (p.phone) same.push(eq(surveyResponseContacts.phone, p.phone));
  return and(eq(surveyResponseContacts.orgId, orgId), or(...same));
}

export function listContactsOfPerson(
  tx: Executor,
  orgId: string,
  p: { customerId: string; email: string | null; phone: string | null },
): Promise<ResponseContact[]> {
  return tx
    .select(contactColumns)
    .from(surveyResponseContacts)
    .where(ofPerson(orgId, p))
    .orderBy(asc(surveyResponseContacts.consentedAt))
    .limit(10_000);
}

export async function deleteContactsOfPerson(
  tx: Executor,
  orgId: string,
  p: { customerId: string; email: string | null; phone: string | null },
) {
  await tx.delete(surveyResponseContacts).where(ofPerson(orgId, p));
}
