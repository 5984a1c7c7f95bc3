import type { Executor } from '../../../db/database';
import type { DomainEvents } from '../../../events/bus';
import type { AppContext } from '../../../http/types';
import { pickLocale } from '../../../i18n/locales';
import { type CustomerRef, findCustomer, findCustomers } from '../../customers/api';
import { type CaseRuleRow, listRules } from '../data/repo-settings';
import type { TitleParts } from '../data/tables';
import type { Priority } from '../domain/model';
import {
  type CaseRule,
  type CustomerFacts,
  type EventFacts,
  mayMatchWithoutCustomer,
  pickRule,
  type RuleConditions,
  rulesUseTopics,
} from '../domain/rules';
import { caseText } from '../messages';
import { takeNegativeFeedback } from './open-case';
import { topicsOfResponse } from './response-topics';
import { type CaseSetup, loadCaseSetup } from './setup';

const toRule = (r: CaseRuleRow): CaseRule => ({
  ...r,
  conditions: r.conditions as RuleConditions,
  priority: r.priority as Priority,
});

const factsOf = (c: CustomerRef | undefined): CustomerFacts =>
  c
    ? {
        tier: c.serviceTier ?? 'standard',
        stage: c.lifecycleStage,
        segment: c.rfmSegment ?? (typeof c.attributes.segment === 'string' ? c.attributes.segment : null),
      }
    : null;

/**
 * The organization's setup and enabled rules of one trigger, loaded once per batch; the setup
 * first, as its first use stores the default rules.
 */
async function loadRules(ctx: AppContext, tx: Executor, orgId: string, trigger: 'response' | 'event') {
  const setup = await loadCaseSetup(ctx, tx, orgId);
  return { setup, rules: await listEnabledRules(tx, orgId, trigger) };
}

const listEnabledRules = async (tx: Executor, orgId: string, trigger: 'response' | 'event') =>
  (await listRules(tx, orgId)).map(toRule).filter((r) => r.trigger === trigger && r.enabled);

/** Payloads of a batch by organization (a batch normally has one). */
function byOrg<T extends { orgId: string }>(payloads: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const p of payloads) {
    const list = out.get(p.orgId);
    if (list) list.push(p);
    else out.set(p.orgId, [p]);
  }
  return out;
}

/**
 * A generated title: its parts, rendered in each reader's language, and its text in the
 * organization's language (what a search or an older client reads).
 */
function titled(setup: CaseSetup, parts: TitleParts | null, fallback = '') {
  if (!parts) return { title: fallback, titleParts: null };
  return { title: caseText(pickLocale(setup.org.defaultLocale), parts.key, parts.params), titleParts: parts };
}

/** Survey answers: the rules decide whether each opens (or joins) a case. */
export async function takeResponses(
  ctx: AppContext,
  tx: Executor,
  payloads: DomainEvents['response.created'][],
) {
  for (const [orgId, batch] of byOrg(payloads)) {
    const { setup, rules } = await loadRules(ctx, tx, orgId, 'response');
    if (!rules.length) continue;
    // An employee's pulse answer is anonymous: it is read in groups, in the eNPS report, never
    // one by one on a case.
    for (const p of batch) if (p.audience !== 'employees') await takeResponse(ctx, tx, p, setup, rules);
  }
}

async function takeResponse(
  ctx: AppContext,
  tx: Executor,
  p: DomainEvents['response.created'],
  setup: CaseSetup,
  rules: CaseRule[],
) {
  const { orgId } = p;
  const customer = p.customerId ? await findCustomer(tx, orgId, p.customerId) : undefined;
  const topics =
    rulesUseTopics(rules) && p.texts.length
      ? await topicsOfResponse(ctx, tx, orgId, {
          topics: setup.settings.topics,
          texts: p.texts,
          locale: p.locale,
        })
      : [];
  const rule = pickRule(rules, {
    trigger: 'response',
    surveyId: p.surveyId,
    audience: p.audience,
    channel: p.channel,
    touchpoint: p.touchpoint,
    location: p.location ?? null,
    scores: p.scores,
    topics: new Set(topics),
    customer: factsOf(customer),
  });
  if (!rule) return;
  const metric = rule.conditions.metric ?? (Object.keys(p.scores)[0] as keyof typeof p.scores | undefined);
  const titleParts: TitleParts | null = metric
    ? { key: 'titleResponse', params: { metric: metric.toUpperCase(), score: p.scores[metric] ?? '' } }
    : null;
  await takeNegativeFeedback(ctx, tx, orgId, {
    ...titled(setup, titleParts, rule.name),
    description: p.texts.join('\n\n') || null,
    priority: rule.priority,
    ruleId: rule.id,
    customerId: customer?.id ?? null,
    responseId: p.responseId,
    locationId: p.location ?? null,
    teamId: rule.teamId,
    link: { sourceKey: `response:${p.responseId}`, kind: 'response', occurredAt: p.submittedAt },
    summary: { responseId: p.responseId, surveyId: p.surveyId, scores: p.scores, ruleId: rule.id, topics },
  });
}

/**
 * Interaction events (a refund, a complaint): the event rules decide. Most events (purchases,
 * visits) match no rule whatever their customer, so only the rest cost a customer lookup, and
 * those customers are read in one query.
 */
export async function takeEvents(ctx: AppContext, tx: Executor, payloads: DomainEvents['event.recorded'][]) {
  for (const [orgId, batch] of byOrg(payloads)) {
    // No rule at all may mean an organization whose defaults are not stored yet: the setup
    // stores them. Otherwise the setup is read only when some event may open a case.
    let rules = await listEnabledRules(tx, orgId, 'event');
    let setup = rules.length ? undefined : await loadCaseSetup(ctx, tx, orgId);
    if (setup) rules = await listEnabledRules(tx, orgId, 'event');
    // Most events (purchases, visits) are of a type no rule names: they are passed over first.
    const types = rules.some((r) => !r.conditions.eventTypes?.length)
      ? undefined
      : new Set(rules.flatMap((r) => r.conditions.eventTypes ?? []));
    const candidates = batch
      .filter((p) => !types || types.has(p.type))
      .map((p) => ({ p, facts: eventFactsOf(p) }))
      .filter(({ facts }) => rules.some((r) => mayMatchWithoutCustomer(r, facts)));
    if (!candidates.length) continue;
    setup ??= await loadCaseSetup(ctx, tx, orgId);
    const customers = await findCustomers(
      tx,
      orgId,
      candidates.map(({ p }) => p.customerId),
    );
    for (const { p, facts } of candidates) {
      const customer = customers.get(p.customerId);
      const rule = pickRule(rules, { ...facts, customer: factsOf(customer) });
      if (rule) await openEventCase(ctx, tx, p, setup, rule, customer);
    }
  }
}

function eventFactsOf(p: DomainEvents['event.recorded']): EventFacts {
  const tags = Array.isArray(p.data.tags)
    ? p.data.tags.filter((t): t is string => typeof t === 'string')
    : [];
  return {
    trigger: 'event',
    type: p.type,
    channel: p.channel,
    touchpoint: p.touchpoint,
    tags,
    customer: null,
  };
}

function openEventCase(
  ctx: AppContext,
  tx: Executor,
  p: DomainEvents['event.recorded'],
  setup: CaseSetup,
  rule: CaseRule,
  customer: CustomerRef | undefined,
) {
  return takeNegativeFeedback(ctx, tx, p.orgId, {
    ...titled(setup, { key: 'titleEvent', params: { type: p.type } }),
    priority: rule.priority,
    ruleId: rule.id,
    customerId: customer?.id ?? null,
    eventId: p.eventId,
    teamId: rule.teamId,
    link: { sourceKey: `event:${p.eventId}`, kind: 'event', occurredAt: p.occurredAt },
    summary: { eventId: p.eventId, type: p.type, ruleId: rule.id },
  });
}
