import { type Priority, priorityRank } from './model';

/** What a rule looks at; every condition given must hold (lists: any of their values). */
export type RuleConditions = {
  /** Response rules: the score of this metric is at most `max`. */
  metric?: 'nps' | 'csat' | 'ces';
  max?: number;
  audiences?: string[];
  surveyIds?: string[];
  touchpoints?: string[];
  /** Response rules: the location the answer was given at (ids). */
  locations?: string[];
  channels?: string[];
  /** Customer conditions: service tier (null counts as standard), lifecycle stage, RFM segment (else `attributes.segment`). */
  tiers?: string[];
  stages?: string[];
  segments?: string[];
  /** Topic keys found in the response's texts. */
  topics?: string[];
  /** Event rules: the event type, and tags of which `data.tags` holds at least one. */
  eventTypes?: string[];
  tags?: string[];
};

export type CaseRule = {
  id: string | null;
  name: string;
  trigger: 'response' | 'event';
  conditions: RuleConditions;
  priority: Priority;
  teamId: string | null;
  position: number;
  enabled: boolean;
};

export type CustomerFacts = { tier: string; stage: string | null; segment: string | null } | null;

export type ResponseFacts = {
  trigger: 'response';
  surveyId: string;
  audience: string;
  channel: string;
  touchpoint: string | null;
  location: string | null;
  scores: { nps?: number; csat?: number; ces?: number };
  topics: ReadonlySet<string>;
  customer: CustomerFacts;
};

export type EventFacts = {
  trigger: 'event';
  type: string;
  channel: string | null;
  touchpoint: string | null;
  tags: readonly string[];
  customer: CustomerFacts;
};

export type Facts = ResponseFacts | EventFacts;

/** The rules an organization starts with: detractors, dissatisfied and effortful answers, refunds, complaints. */
export const DEFAULT_RULES: Omit<CaseRule, 'id' | 'teamId' | 'enabled'>[] = [
  {
    name: 'NPS detractor',
    trigger: 'response',
    conditions: { metric: 'nps', max: 6 },
    priority: 'normal',
    position: 10,
  },
  {
    name: 'Dissatisfied (CSAT)',
    trigger: 'response',
    conditions: { metric: 'csat', max: 2 },
    priority: 'normal',
    position: 20,
  },
  {
    name: 'High effort (CES)',
    trigger: 'response',
    conditions: { metric: 'ces', max: 3 },
    priority: 'normal',
    position: 30,
  },
  {
    name: 'Refund',
    trigger: 'event',
    conditions: { eventTypes: ['refund'] },
    priority: 'normal',
    position: 40,
  },
  {
    name: 'Complaint',
    trigger: 'event',
    conditions: { eventTypes: ['contact'], tags: ['complaint'] },
    priority: 'high',
    position: 50,
  },
];

const within = (allowed: readonly string[] | undefined, value: string | null | undefined) =>
  !allowed?.length || (value != null && allowed.includes(value));

const anyOf = (wanted: readonly string[] | undefined, present: Iterable<string>) => {
  if (!wanted?.length) return true;
  for (const v of present) if (wanted.includes(v)) return true;
  return false;
};

function matchesCustomer(c: RuleConditions, customer: CustomerFacts): boolean {
  if (!c.tiers?.length && !c.stages?.length && !c.segments?.length) return true;
  if (!customer) return false;
  return (
    within(c.tiers, customer.tier) && within(c.stages, customer.stage) && within(c.segments, customer.segment)
  );
}

function matchesResponse(c: RuleConditions, f: ResponseFacts): boolean {
  if (!within(c.audiences ?? ['customers'], f.audience)) return false;
  if (c.metric) {
    const score = f.scores[c.metric];
    if (score === undefined || score > (c.max ?? Number.NEGATIVE_INFINITY)) return false;
  }
  if (c.eventTypes?.length || c.tags?.length) return false;
  return (
    within(c.surveyIds, f.surveyId) &&
    within(c.touchpoints, f.touchpoint) &&
    within(c.locations, f.location) &&
    within(c.channels, f.channel) &&
    anyOf(c.topics, f.topics)
  );
}

function matchesEvent(c: RuleConditions, f: EventFacts): boolean {
  if (c.metric || c.topics?.length || c.surveyIds?.length || c.locations?.length) return false;
  return (
    within(c.eventTypes, f.type) &&
    anyOf(c.tags, f.tags) &&
    within(c.touchpoints, f.touchpoint) &&
    within(c.channels, f.channel)
  );
}

export function matchesRule(rule: CaseRule, facts: Facts): boolean {
  return matchesCustomer(rule.conditions, facts.customer) && mayMatchWithoutCustomer(rule, facts);
}

/** Whether the rule could match these facts for some customer: its customer conditions aside. */
export function mayMatchWithoutCustomer(rule: CaseRule, facts: Facts): boolean {
  if (!rule.enabled || rule.trigger !== facts.trigger) return false;
  return facts.trigger === 'response'
    ? matchesResponse(rule.conditions, facts)
    : matchesEvent(rule.conditions, facts);
}

/** The matching rule that asks for the most urgent handling; on a tie, the first by position. */
export function pickRule(rules: readonly CaseRule[], facts: Facts): CaseRule | undefined {
  let best: CaseRule | undefined;
  for (const rule of rules) {
    if (!matchesRule(rule, facts)) continue;
    if (
      !best ||
      priorityRank(rule.priority) > priorityRank(best.priority) ||
      (rule.priority === best.priority && rule.position < best.position)
    )
      best = rule;
  }
  return best;
}

/** Whether any rule needs topics: tagging texts is skipped otherwise. */
export const rulesUseTopics = (rules: readonly CaseRule[]) =>
  rules.some((r) => r.enabled && r.conditions.topics?.length);
