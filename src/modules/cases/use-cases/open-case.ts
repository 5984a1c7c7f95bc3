import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';
import { AppError, invalid } from '../../../lib/errors';
import { findCustomer, findCustomerByExternalId } from '../../customers/api';
import {
  type CaseRow,
  findLink,
  findOpenCaseOfCustomer,
  insertCase,
  insertLink,
  insertTimeline,
  lockCustomerFeedback,
} from '../data/repo-cases';
import type { TitleParts } from '../data/tables';
import { FALLBACK_TIER, type Priority } from '../domain/model';
import { computeDeadlines } from '../domain/sla';
import { chooseOwner } from './assign-case';
import { checkCaseReferences } from './check-references';
import { queueCaseMail } from './notify';
import { scheduleEscalations } from './schedule-escalations';
import { findSlaTargets, loadCaseSetup } from './setup';

export type CaseSource = { sourceKey: string; kind: 'response' | 'event' | 'audit'; occurredAt: Date };

export type OpenCaseInput = {
  title: string;
  titleParts?: TitleParts | null;
  description?: string | null;
  priority: Priority;
  source: 'rule' | 'manual' | 'api';
  ruleId?: string | null;
  customerId?: string | null;
  responseId?: string | null;
  eventId?: string | null;
  teamId?: string | null;
  ownerId?: string | null;
  authorId?: string | null;
  /** The location the case is about: the answer's, the audited one's, or one a person names. */
  locationId?: string | null;
  link?: CaseSource;
  /** A resolution deadline set by the caller instead of the SLA's (a corrective action's due date). */
  resolutionDueAt?: Date;
};

/**
 * Opens a case: SLA targets of the customer's tier and the priority, due times in business
 * time, an owner, the escalation jobs — all in the caller's transaction.
 */
export async function openCase(ctx: AppContext, tx: Executor, orgId: string, input: OpenCaseInput) {
  const now = ctx.clock.now();
  const setup = await loadCaseSetup(ctx, tx, orgId);
  const customer = input.customerId ? await findCustomer(tx, orgId, input.customerId) : undefined;
  const tier = customer?.serviceTier ?? FALLBACK_TIER;
  const targets = await findSlaTargets(tx, orgId, tier, input.priority);
  const deadlines = computeDeadlines(
    {
      createdAt: now,
      cycle: 1,
      cycleStartedAt: now,
      pausedMinutes: 0,
      firstRespondedAt: null,
      firstResponseWarnAt: now,
      firstResponseDueAt: now,
    },
    targets,
    setup.settings.warnShare,
    setup.calendar,
  );
  const teamId = input.teamId ?? setup.settings.defaultTeamId;
  const ownerId =
    input.ownerId ?? (await chooseOwner(tx, orgId, { customerOwnerId: customer?.ownerId ?? null, teamId }));
  const c = await insertCase(tx, orgId, {
    title: input.title,
    titleParts: input.titleParts ?? null,
    description: input.description ?? null,
    priority: input.priority,
    source: input.source,
    ruleId: input.ruleId ?? null,
    customerId: customer?.id ?? null,
    responseId: input.responseId ?? null,
    eventId: input.eventId ?? null,
    ownerId,
    teamId,
    locationId: input.locationId ?? null,
    tier,
    ...targets,
    ...deadlines,
    ...(input.resolutionDueAt && {
      resolutionDueAt: input.resolutionDueAt,
      resolutionWarnAt:
        deadlines.resolutionWarnAt < input.resolutionDueAt
          ? deadlines.resolutionWarnAt
          : input.resolutionDueAt,
    }),
    cycleStartedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await insertTimeline(tx, orgId, {
    caseId: c.id,
    kind: 'created',
    authorId: input.authorId,
    data: { source: input.source, ruleId: input.ruleId ?? null, responseId: input.responseId ?? null },
    at: now,
  });
  if (input.link) await insertLink(tx, orgId, { ...input.link, caseId: c.id }, now);
  if (ownerId) await noteAssignment(ctx, tx, orgId, c, ownerId, input.authorId ?? null);
  await scheduleEscalations(ctx, tx, orgId, c);
  await ctx.bus.emit(tx, 'case.created', {
    orgId,
    caseId: c.id,
    customerId: c.customerId,
    priority: c.priority,
  });
  if (c.ownerId || c.teamId) {
    await ctx.bus.emit(tx, 'case.assigned', {
      orgId,
      caseId: c.id,
      customerId: c.customerId,
      ownerId: c.ownerId,
      teamId: c.teamId,
    });
  }
  return c;
}

/** Records an assignment and tells the new owner by e-mail. */
export async function noteAssignment(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  c: CaseRow,
  ownerId: string,
  authorId: string | null,
) {
  const id = await insertTimeline(tx, orgId, {
    caseId: c.id,
    kind: 'assigned',
    authorId,
    data: { ownerId },
    at: ctx.clock.now(),
  });
  await queueCaseMail(
    ctx,
    tx,
    orgId,
    { template: 'assigned', caseId: c.id, userId: ownerId },
    `case:${c.id}:assigned:${id}`,
  );
}

export type ManualCase = {
  title: string;
  description?: string;
  priority: Priority;
  customerExternalId?: string;
  responseId?: string;
  teamId?: string;
  ownerId?: string;
  locationId?: string;
};

/**
 * A case opened by a person or an API client, in its own transaction: the customer and every reference
 * must exist (a 400 naming the field), and a survey response has one case at most (409).
 */
export function openCaseByHand(
  ctx: AppContext,
  orgId: string,
  b: ManualCase,
  by: { source: 'manual' | 'api'; authorId: string | null },
) {
  return ctx.db.withOrg(orgId, async (tx) => {
    const customer = b.customerExternalId
      ? await findCustomerByExternalId(tx, orgId, b.customerExternalId)
      : undefined;
    if (b.customerExternalId && !customer)
      throw invalid('body.customerExternalId', 'no customer has this id');
    await checkCaseReferences(tx, orgId, b);
    const link = b.responseId ? `response:${b.responseId}` : undefined;
    if (link && (await findLink(tx, orgId, link))) {
      throw new AppError('conflict', 'responseId: this response already has a case');
    }
    return openCase(ctx, tx, orgId, {
      link: link ? { sourceKey: link, kind: 'response', occurredAt: ctx.clock.now() } : undefined,
      title: b.title,
      description: b.description,
      priority: b.priority,
      source: by.source,
      customerId: customer?.id,
      responseId: b.responseId,
      teamId: b.teamId,
      ownerId: b.ownerId,
      locationId: b.locationId,
      authorId: by.authorId,
    });
  });
}

export type Feedback = Omit<OpenCaseInput, 'source' | 'link'> & {
  link: CaseSource;
  summary: Record<string, unknown>;
};

/**
 * Negative feedback that a rule caught: a customer's open case takes it as a timeline entry;
 * otherwise it opens a case. A response or event already linked is ignored (retries are safe).
 */
export async function takeNegativeFeedback(ctx: AppContext, tx: Executor, orgId: string, f: Feedback) {
  const now = ctx.clock.now();
  if (f.customerId) {
    // One at a time per customer, so two answers arriving together open one case.
    await lockCustomerFeedback(tx, orgId, f.customerId);
    const open = await findOpenCaseOfCustomer(tx, orgId, f.customerId);
    if (open) {
      if (!(await insertLink(tx, orgId, { ...f.link, caseId: open.id }, now))) return open;
      await insertTimeline(tx, orgId, { caseId: open.id, kind: 'feedback_added', data: f.summary, at: now });
      await ctx.bus.emit(tx, 'case.updated', {
        orgId,
        caseId: open.id,
        customerId: open.customerId,
        status: open.status,
        changes: ['feedback'],
      });
      return open;
    }
  }
  if (await findLink(tx, orgId, f.link.sourceKey)) return undefined;
  const { summary: _summary, ...input } = f;
  return openCase(ctx, tx, orgId, { ...input, source: 'rule' });
}
