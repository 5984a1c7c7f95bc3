import { randomUUID } from 'node:crypto';
import type { DomainEvents } from '../../src/events/bus';
import type { AppContext } from '../../src/http/types';
import { ensureCustomer } from '../../src/modules/customers/api';

export type ResponseInput = Partial<Omit<DomainEvents['response.created'], 'orgId' | 'customerId'>> & {
  /** External id of the customer who answered; created when new. */
  customer?: string;
};

/**
 * Emits `response.created` the way the surveys module does: inside the organization's transaction.
 * Only the domain event: the customer's signals and stage follow the survey_response interaction
 * event, which a real response (the surveys API) records first.
 */
export async function emitResponse(ctx: AppContext, orgId: string, input: ResponseInput = {}) {
  const { customer, ...rest } = input;
  const payload = await ctx.db.withOrg(orgId, async (tx) => {
    const customerId = customer ? await ensureCustomer(ctx, tx, orgId, customer) : null;
    const p: DomainEvents['response.created'] = {
      orgId,
      responseId: randomUUID(),
      surveyId: 'survey-1',
      customerId,
      audience: 'customers',
      channel: 'link',
      touchpoint: null,
      locale: 'en',
      submittedAt: ctx.clock.now(),
      scores: {},
      texts: [],
      answers: {},
      ...rest,
    };
    await ctx.bus.emit(tx, 'response.created', p);
    return p;
  });
  return payload;
}

/** Many responses, one transaction each. */
export async function emitResponses(ctx: AppContext, orgId: string, inputs: ResponseInput[]) {
  for (const input of inputs) await emitResponse(ctx, orgId, input);
}
