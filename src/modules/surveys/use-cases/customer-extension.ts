import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { type CustomerExtension, findCustomer } from '../../customers/api';
import { deleteContactsOfPerson, listContactsOfPerson } from '../data/repo-contacts';
import { listInvitationsOfCustomer, listOptOutsOfCustomer } from '../data/repo-invitations';
import { listCustomerResponses, type ResponseRow, unlinkCustomerResponses } from '../data/repo-responses';
import * as repo from '../data/repo-surveys';
import type { Answers } from '../domain/questions';
import { toResponseDto } from './list-responses';

/** Whom a person's contacts are filed under: their own responses, and anonymous ones left with their e-mail. */
async function personOf(tx: Executor, orgId: string, customerId: string) {
  const customer = await findCustomer(tx, orgId, customerId);
  return { customerId, email: customer?.email ?? null, phone: null };
}

/** The profile's latest survey response, the export's responses, and erasure of what is personal. */
export const surveyExtensions = (ctx: AppContext): CustomerExtension[] => [
  {
    name: 'latestResponse',
    profile: async (tx, orgId, customerId) => {
      const [latest] = await listCustomerResponses(tx, orgId, customerId, 1);
      if (!latest) return null;
      const survey = await repo.findSurvey(tx, orgId, latest.surveyId);
      const { id, surveyId, scores, submittedAt, channel, touchpoint, status } = toResponseDto(latest, null);
      return {
        responseId: id,
        surveyId,
        surveyName: survey?.name ?? null,
        status,
        scores,
        channel,
        touchpoint,
        submittedAt,
      };
    },
  },
  {
    name: 'surveyResponses',
    export: async (tx, orgId, customerId) => ({
      responses: (await listCustomerResponses(tx, orgId, customerId, 100_000)).map((r) =>
        toResponseDto(r, null),
      ),
      invitations: await listInvitationsOfCustomer(tx, orgId, customerId),
      optOuts: await listOptOutsOfCustomer(tx, orgId, customerId),
      contactConsents: await listContactsOfPerson(tx, orgId, await personOf(tx, orgId, customerId)),
    }),
    // Scores stay for anonymous aggregates; free text (it may name the person), the contact details
    // left for a reply and the link go.
    erase: async (tx, orgId, customerId) => {
      const textIds = new Map<string, Set<string>>();
      const blank = (row: ResponseRow): Answers => {
        const ids = textIds.get(`${row.surveyId}:${row.version}`) ?? new Set<string>();
        return Object.fromEntries(Object.entries(row.answers).filter(([id]) => !ids.has(id)));
      };
      for (const r of await listCustomerResponses(tx, orgId, customerId, 100_000)) {
        const key = `${r.surveyId}:${r.version}`;
        if (textIds.has(key)) continue;
        const questions = (await repo.findQuestions(tx, orgId, r.surveyId, r.version)) ?? [];
        textIds.set(key, new Set(questions.filter((q) => q.type === 'text').map((q) => q.id)));
      }
      await deleteContactsOfPerson(tx, orgId, await personOf(tx, orgId, customerId));
      await unlinkCustomerResponses(tx, orgId, customerId, blank, ctx.clock.now());
    },
  },
];
