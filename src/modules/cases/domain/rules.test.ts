import { describe, expect, it } from 'vitest';
import { type CaseRule, DEFAULT_RULES, type EventFacts, pickRule, type ResponseFacts } from './rules';

const defaults: CaseRule[] = DEFAULT_RULES.map((r, i) => ({
  ...r,
  id: `r${i}`,
  teamId: null,
  enabled: true,
}));

const response = (over: Partial<ResponseFacts> = {}): ResponseFacts => ({
  trigger: 'response',
  surveyId: 's1',
  audience: 'customers',
  channel: 'email',
  touchpoint: null,
  location: null,
  scores: {},
  topics: new Set(),
  customer: null,
  ...over,
});

const event = (over: Partial<EventFacts> = {}): EventFacts => ({
  trigger: 'event',
  type: 'purchase',
  channel: null,
  touchpoint: null,
  tags: [],
  customer: null,
  ...over,
});

describe('default case rules', () => {
  it.each([
    [{ nps: 6 }, 'NPS detractor'],
    [{ nps: 7 }, undefined],
    [{ csat: 2 }, 'Dissatisfied (CSAT)'],
    [{ csat: 3 }, undefined],
    [{ ces: 3 }, 'High effort (CES)'],
    [{ ces: 4 }, undefined],
    [{ nps: 0, csat: 5 }, 'NPS detractor'],
  ])('scores %o → %s', (scores, rule) => {
    expect(pickRule(defaults, response({ scores }))?.name).toBe(rule);
  });

  it('leaves employee surveys alone', () => {
    expect(pickRule(defaults, response({ audience: 'employees', scores: { nps: 0 } }))).toBeUndefined();
  });

  it('catches refunds and contacts tagged as complaints, with complaints more urgent', () => {
    expect(pickRule(defaults, event({ type: 'refund' }))?.priority).toBe('normal');
    expect(pickRule(defaults, event({ type: 'contact', tags: ['vip', 'complaint'] }))?.priority).toBe('high');
    expect(pickRule(defaults, event({ type: 'contact', tags: ['question'] }))).toBeUndefined();
    expect(pickRule(defaults, event({ type: 'purchase' }))).toBeUndefined();
  });
});

describe('custom conditions', () => {
  const rule = (over: Partial<CaseRule>): CaseRule => ({
    id: 'c',
    name: 'custom',
    trigger: 'response',
    conditions: {},
    priority: 'urgent',
    teamId: null,
    position: 1,
    enabled: true,
    ...over,
  });

  it('needs every condition: survey, touchpoint, location, tier, stage, segment and topic', () => {
    const r = rule({
      conditions: {
        metric: 'nps',
        max: 8,
        surveyIds: ['s1'],
        touchpoints: ['store'],
        locations: ['krk'],
        tiers: ['premium'],
        stages: ['loyal'],
        segments: ['champions'],
        topics: ['billing'],
      },
    });
    const fit = response({
      scores: { nps: 8 },
      touchpoint: 'store',
      location: 'krk',
      topics: new Set(['billing']),
      customer: { tier: 'premium', stage: 'loyal', segment: 'champions' },
    });
    expect(pickRule([r], fit)).toBe(r);
    expect(pickRule([r], { ...fit, touchpoint: 'web' })).toBeUndefined();
    expect(pickRule([r], { ...fit, location: 'waw' })).toBeUndefined();
    expect(pickRule([r], { ...fit, location: null })).toBeUndefined();
    expect(pickRule([r], { ...fit, topics: new Set() })).toBeUndefined();
    expect(
      pickRule([r], { ...fit, customer: { tier: 'standard', stage: 'loyal', segment: 'champions' } }),
    ).toBeUndefined();
    expect(pickRule([r], { ...fit, customer: null })).toBeUndefined();
    expect(pickRule([{ ...r, enabled: false }], fit)).toBeUndefined();
  });

  it('picks the most urgent matching rule, then the first by position', () => {
    const low = rule({ id: 'low', priority: 'low', position: 0, conditions: { metric: 'nps', max: 6 } });
    const high = rule({ id: 'high', priority: 'high', position: 9, conditions: { metric: 'nps', max: 6 } });
    const high2 = rule({ id: 'high2', priority: 'high', position: 3, conditions: { metric: 'nps', max: 6 } });
    expect(pickRule([low, high, high2], response({ scores: { nps: 2 } }))?.id).toBe('high2');
  });
});
