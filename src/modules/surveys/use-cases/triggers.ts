import { z } from 'zod';
import type { Executor } from '../../../db/database';
import { on, onBatch } from '../../../events/bus';
import type { AppContext } from '../../../http/types';
import { defineJob } from '../../../jobs/queue';
import { findCustomer } from '../../customers/api';
import * as repo from '../data/repo-surveys';
import { inviteCustomer } from './invite';

const MINUTE_MS = 60_000;
/** Events imported long after they happened trigger nobody: the moment to ask has passed. */
const STALE_AFTER_MS = 7 * 24 * 60 * MINUTE_MS;

type Cause = { orgId: string; customerId: string; eventType: string; causeId: string; at: Date };

/**
 * Queues the surveys whose triggers listen for each cause's type, once per cause, after their
 * delay. Triggers are looked up once per organization for all the types of a batch, so an
 * imported batch costs one query, not one per event.
 */
async function queueTriggered(ctx: AppContext, tx: Executor, causes: readonly Cause[]) {
  const now = ctx.clock.now().getTime();
  const typesOf = new Map<string, Set<string>>();
  for (const e of causes) typesOf.set(e.orgId, (typesOf.get(e.orgId) ?? new Set()).add(e.eventType));
  const triggersOf = new Map<string, repo.EventTrigger[]>();
  for (const [orgId, types] of typesOf) {
    for (const trigger of await repo.findTriggersForEvents(tx, orgId, [...types])) {
      const key = `${orgId}\u0000${trigger.eventType}`;
      triggersOf.set(key, [...(triggersOf.get(key) ?? []), trigger]);
    }
  }
  if (!triggersOf.size) return;
  for (const e of causes) {
    for (const trigger of triggersOf.get(`${e.orgId}\u0000${e.eventType}`) ?? []) {
      const due = e.at.getTime() + trigger.delayMinutes * MINUTE_MS;
      if (due < now - STALE_AFTER_MS) continue;
      await ctx.jobs.enqueue(
        TRIGGER_JOB,
        {
          orgId: e.orgId,
          payload: { surveyId: trigger.surveyId, customerId: e.customerId },
          runAt: new Date(Math.max(due, now)),
          dedupeKey: `survey-trigger:${trigger.surveyId}:${e.eventType}:${e.causeId}`,
        },
        tx,
      );
    }
  }
}

/** Survey triggers: interaction events and resolved cases queue the surveys that listen for them. */
export const triggerSubscribers = [
  onBatch('event.recorded', async (ctx, tx, batch) => {
    const causes = batch
      .filter((e) => e.type !== 'survey_response')
      .map((e) => ({
        orgId: e.orgId,
        customerId: e.customerId,
        eventType: e.type,
        causeId: e.eventId,
        at: e.occurredAt,
      }));
    if (causes.length) await queueTriggered(ctx, tx, causes);
  }),
  on('case.resolved', async (ctx, tx, e) => {
    if (!e.customerId) return;
    await queueTriggered(ctx, tx, [
      {
        orgId: e.orgId,
        customerId: e.customerId,
        eventType: 'case.resolved',
        causeId: e.caseId,
        at: ctx.clock.now(),
      },
    ]);
  }),
];

/** The delayed job: invite the customer if the survey is still active (consent and cap apply). */
export const TRIGGER_JOB = defineJob({
  name: 'surveys.trigger-invite',
  scope: 'org',
  payload: z.object({ surveyId: z.string(), customerId: z.string() }),
  handle: (ctx, payload, job) => runTriggeredInvite(ctx, job.orgId, payload),
});

async function runTriggeredInvite(
  ctx: AppContext,
  orgId: string,
  payload: { surveyId: string; customerId: string },
) {
  await ctx.db.withOrg(orgId, async (tx) => {
    const survey = await repo.findSurvey(tx, orgId, payload.surveyId);
    const customer = await findCustomer(tx, orgId, payload.customerId);
    if (survey?.status !== 'active' || !customer) return;
    await inviteCustomer(ctx, tx, orgId, { surveyId: survey.id, customer });
  });
}
