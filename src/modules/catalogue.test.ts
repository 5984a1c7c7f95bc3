import { describe, expect, it } from 'vitest';
import { declaredEvents, webhookEvents } from './catalogue';
import { MODULES } from './registry';

describe('the events the manifests declare', () => {
  const subscribed = new Set(
    MODULES.flatMap((m) =>
      typeof m.subscribers === 'function' ? m.subscribers() : (m.subscribers ?? []),
    ).map((s) => s.event),
  );

  it('are each emitted by one module', () => {
    const names = declaredEvents().map((e) => e.event);
    expect(names.length).toBe(new Set(names).size);
  });

  it('are each subscribed to or offered as a webhook', () => {
    const idle = declaredEvents().filter((e) => !e.declaration.webhook && !subscribed.has(e.event));
    expect(idle.map((e) => `${e.module}: ${e.event}`)).toEqual([]);
  });

  it('reach no subscriber of an event nobody declares', () => {
    const declared = new Set(declaredEvents().map((e) => e.event));
    expect([...subscribed].filter((event) => !declared.has(event))).toEqual([]);
  });

  it('offer webhooks the catalogue of the API', () => {
    expect([...webhookEvents()].sort()).toEqual([
      'audit.completed',
      'case.assigned',
      'case.created',
      'case.follow_up_answered',
      'case.resolved',
      'case.updated',
      'customer.created',
      'customer.stage_changed',
      'customer.tier_changed',
      'goodwill.granted',
      'loyalty.invariant_broken',
      'loyalty.points_adjusted',
      'loyalty.points_earned',
      'loyalty.points_expired',
      'loyalty.points_expiring',
      'loyalty.redeemed',
      'loyalty.redemption_cancelled',
      'loyalty.tier_changed',
      'loyalty.tier_downgrade_pending',
      'offer.converted',
      'perk.assessed',
      'praise.received',
      'referral.qualified',
      'referral.rewarded',
      'response.created',
      'soco.assessed',
      'training.completed',
    ]);
  });
});
