import { describe, expect, it } from 'vitest';
import { type Arrival, movedByArrivals } from './stages';

const DAY = new Date('2026-01-10T12:00:00Z');
const arrival = (
  customerId: string,
  type: string,
  stageBefore: string | null,
  firstContactBefore: Date | null = DAY,
  occurredAt = new Date('2026-03-01T12:00:00Z'),
): Arrival => ({ customerId, type, occurredAt, stageBefore, firstContactBefore });

describe('movedByArrivals', () => {
  it('decides every purchase, referral and answer, whatever the stage', () => {
    const moved = movedByArrivals(
      ['purchase', 'referral', 'survey_response'].map((type) => arrival(type, type, 'loyal')),
    );
    expect(moved).toEqual(['purchase', 'referral', 'survey_response']);
  });

  it('decides any event of a potential customer, one whose stage was not read, or of unknown first contact', () => {
    expect(
      movedByArrivals([
        arrival('a', 'visit', 'potential'),
        arrival('b', 'visit', null),
        arrival('c', 'visit', 'buyer', null),
      ]),
    ).toEqual(['a', 'b', 'c']);
  });

  it('decides a visit older than the first contact, not a later one', () => {
    const before = new Date('2025-12-01T00:00:00Z');
    expect(
      movedByArrivals([arrival('early', 'visit', 'buyer', DAY, before), arrival('late', 'contact', 'buyer')]),
    ).toEqual(['early']);
  });

  it('names each customer once', () => {
    expect(movedByArrivals([arrival('a', 'purchase', 'buyer'), arrival('a', 'purchase', 'buyer')])).toEqual([
      'a',
    ]);
  });
});
