import { describe, expect, it } from 'vitest';
import { type Arrival, splitArrivals } from './stages';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const FIRST_CONTACT = day(5);
const arrival = (
  customerId: string,
  type: string,
  stageBefore: string | null,
  occurredAt = day(40),
  firstContactBefore: Date | null = FIRST_CONTACT,
): Arrival => ({ customerId, type, occurredAt, stageBefore, firstContactBefore });
// Windows starting long ago: every event is inside them, unless a test says otherwise.
const OPEN = { regularFrom: day(1), referralFrom: day(1), activeFrom: day(1) };
const current = (arrived: Arrival[], cutoffs = OPEN) => splitArrivals(arrived, cutoffs).current;
const past = (arrived: Arrival[], cutoffs = OPEN) => splitArrivals(arrived, cutoffs).past;

describe('splitArrivals', () => {
  it('moves the stage now of a potential customer on any contact, and of anyone whose stage was not read', () => {
    expect(current([arrival('a', 'visit', 'potential'), arrival('b', 'visit', null)])).toEqual(['a', 'b']);
  });

  it('moves the stage now on a purchase of a visitor, buyer or lost customer; a regular one only in the past', () => {
    const arrived = ['visitor', 'buyer', 'lost', 'regular', 'loyal'].map((stage) =>
      arrival(stage, 'purchase', stage),
    );
    expect(current(arrived)).toEqual(['visitor', 'buyer', 'lost']);
    expect(past(arrived)).toEqual(['regular', 'loyal']);
  });

  it('moves the stage now on a referral of a regular customer, on every answer, and never on a later visit', () => {
    const arrived = [
      ...['visitor', 'buyer', 'regular', 'loyal', 'lost'].map((stage) =>
        arrival(`ref-${stage}`, 'referral', stage),
      ),
      arrival('answer', 'survey_response', 'loyal'),
      arrival('visit', 'visit', 'buyer'),
      arrival('refund', 'refund', 'regular'),
    ];
    expect(current(arrived)).toEqual(['ref-regular', 'answer']);
    expect(past(arrived)).toEqual(['ref-visitor', 'ref-buyer', 'ref-loyal', 'ref-lost']);
  });

  it('leaves events older than the window they could matter in to the past', () => {
    const cutoffs = { regularFrom: day(10), referralFrom: day(20), activeFrom: day(30) };
    const arrived = [
      arrival('buyer-old', 'purchase', 'buyer', day(9)),
      arrival('buyer-in', 'purchase', 'buyer', day(10)),
      arrival('lost-old', 'purchase', 'lost', day(29)),
      arrival('lost-in', 'purchase', 'lost', day(30)),
      arrival('visitor-old', 'purchase', 'visitor', day(1)),
      arrival('regular-old', 'referral', 'regular', day(19)),
      arrival('regular-in', 'referral', 'regular', day(20)),
      arrival('potential-old', 'visit', 'potential', day(1)),
    ];
    expect(current(arrived, cutoffs)).toEqual([
      'buyer-in',
      'lost-in',
      'visitor-old',
      'regular-in',
      'potential-old',
    ]);
    expect(past(arrived, cutoffs)).toEqual(['buyer-old', 'lost-old', 'regular-old']);
  });

  it('rewrites the past for a visit older than the first contact, or of unknown first contact', () => {
    const arrived = [
      arrival('early', 'visit', 'buyer', day(2)),
      arrival('later', 'contact', 'buyer', day(6)),
      arrival('unknown', 'visit', 'buyer', day(6), null),
    ];
    expect(current(arrived)).toEqual([]);
    expect(past(arrived)).toEqual(['early', 'unknown']);
  });

  it('names a customer once, in the stage now when any of its events moves that', () => {
    const arrived = [arrival('a', 'purchase', 'buyer', day(2)), arrival('a', 'purchase', 'buyer')];
    expect(splitArrivals(arrived, { ...OPEN, regularFrom: day(3) })).toEqual({ current: ['a'], past: [] });
  });
});
