import { describe, expect, it } from 'vitest';
import { movedByArrivals } from './stages';

const arrival = (customerId: string, type: string, stageBefore: string | null) => ({
  customerId,
  type,
  occurredAt: new Date(0),
  stageBefore,
});

describe('movedByArrivals', () => {
  it('decides a potential customer on any contact and anyone whose stage was not read', () => {
    expect(movedByArrivals([arrival('a', 'visit', 'potential'), arrival('b', 'visit', null)])).toEqual([
      'a',
      'b',
    ]);
  });

  it('decides a purchase of a visitor, buyer or lost customer, not of a regular or loyal one', () => {
    const moved = movedByArrivals(
      ['visitor', 'buyer', 'lost', 'regular', 'loyal'].map((stage) => arrival(stage, 'purchase', stage)),
    );
    expect(moved).toEqual(['visitor', 'buyer', 'lost']);
  });

  it('decides a referral of a regular customer only', () => {
    const moved = movedByArrivals(
      ['visitor', 'buyer', 'regular', 'loyal', 'lost'].map((stage) => arrival(stage, 'referral', stage)),
    );
    expect(moved).toEqual(['regular']);
  });

  it('decides every survey answer (a new latest NPS) and no visit or contact of a known customer', () => {
    const moved = movedByArrivals([
      arrival('loyal', 'survey_response', 'loyal'),
      arrival('buyer', 'visit', 'buyer'),
      arrival('lost', 'contact', 'lost'),
      arrival('regular', 'refund', 'regular'),
    ]);
    expect(moved).toEqual(['loyal']);
  });

  it('names a customer once however many of its events move it', () => {
    expect(movedByArrivals([arrival('a', 'purchase', 'buyer'), arrival('a', 'purchase', 'buyer')])).toEqual([
      'a',
    ]);
  });
});
