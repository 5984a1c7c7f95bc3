import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseDayNumber } from '../../../lib/day-number';
import { limitPeriodStartDay, rewardRefusal } from './rewards';

describe('limit periods of a reward', () => {
  const start = (day: string, period: Parameters<typeof limitPeriodStartDay>[1]) => {
    const n = limitPeriodStartDay(parseDayNumber(day), period);
    return n === null ? null : formatDayNumber(n);
  };
  it('start on the day, the Monday, the first of the month or of the year', () => {
    // 2026-12-03 is a Thursday; its week began on Monday 2026-11-30.
    expect(start('2026-12-03', 'day')).toBe('2026-12-03');
    expect(start('2026-12-03', 'week')).toBe('2026-11-30');
    expect(start('2026-11-30', 'week')).toBe('2026-11-30');
    expect(start('2026-12-06', 'week')).toBe('2026-11-30');
    expect(start('1970-01-01', 'week')).toBe('1969-12-29');
    expect(start('2026-12-03', 'month')).toBe('2026-12-01');
    expect(start('2026-12-03', 'year')).toBe('2026-01-01');
    expect(start('2026-12-03', 'ever')).toBeNull();
  });
});

describe('why a reward is refused', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const open = { active: true, activeFrom: null, activeTo: null, stock: null, perCustomerLimit: null };
  it('allows an active, unlimited reward', () => {
    expect(rewardRefusal(open, now, 1000)).toBeNull();
  });
  it('refuses outside its dates or when switched off; the end is exclusive', () => {
    expect(rewardRefusal({ ...open, active: false }, now, 0)).toBe('reward_inactive');
    expect(rewardRefusal({ ...open, activeFrom: new Date('2026-12-04T00:00:00Z') }, now, 0)).toBe(
      'reward_inactive',
    );
    expect(rewardRefusal({ ...open, activeTo: now }, now, 0)).toBe('reward_inactive');
    expect(rewardRefusal({ ...open, activeFrom: now }, now, 0)).toBeNull();
  });
  it('refuses when the stock is gone, or the customer took their share', () => {
    expect(rewardRefusal({ ...open, stock: 0 }, now, 0)).toBe('out_of_stock');
    expect(rewardRefusal({ ...open, stock: 1 }, now, 0)).toBeNull();
    expect(rewardRefusal({ ...open, perCustomerLimit: 2 }, now, 1)).toBeNull();
    expect(rewardRefusal({ ...open, perCustomerLimit: 2 }, now, 2)).toBe('limit_reached');
  });
});
