import { describe, expect, it } from 'vitest';
import { movedByArrivals } from './stages';

const arrival = (customerId: string, type: string, stageBefore: string | null, occurredAt = new Date(0)) => ({
  customerId,
  type,
  occurredAt,
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

  it('leaves out events older than the window they could matter in', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    const cutoffs = { regularFrom: day(10), referralFrom: day(20), activeFrom: day(30) };
    const moved = movedByArrivals(
      [
        arrival('buyer-old', 'purchase', 'buyer', day(9)),
        arrival('buyer-in', 'purchase', 'buyer', day(10)),
        arrival('lost-old', 'purchase', 'lost', day(29)),
        arrival('lost-in', 'purchase', 'lost', day(30)),
        arrival('visitor-old', 'purchase', 'visitor', day(1)),
        arrival('regular-old', 'referral', 'regular', day(19)),
        arrival('regular-in', 'referral', 'regular', day(20)),
        arrival('potential-old', 'visit', 'potential', day(1)),
      ],
      cutoffs,
    );
    expect(moved).toEqual(['buyer-in', 'lost-in', 'visitor-old', 'regular-in', 'potential-old']);
  });
});
