import { describe, expect, it } from 'vitest';
import { isSortKey } from './customer-sorts';

describe('sort keys of customer list cursors', () => {
  it('takes what the list writes for each order', () => {
    expect(isSortKey('-clv', '66016')).toBe(true);
    expect(isSortKey('clv', '-9223372036854775808')).toBe(true);
    expect(isSortKey('-aliveProbability', '0.8731')).toBe(true);
    expect(isSortKey('aliveProbability', '2')).toBe(true);
    expect(isSortKey('aliveProbability', '1.5e-05')).toBe(true);
    expect(isSortKey('-lastPurchase', '2026-02-28')).toBe(true);
    expect(isSortKey('lastPurchase', '0001-01-01')).toBe(true);
    expect(isSortKey('lastPurchase', '2024-02-29')).toBe(true);
  });

  it('refuses what the database could not read as the order’s type', () => {
    expect(isSortKey('-clv', '9223372036854775808')).toBe(false);
    expect(isSortKey('-clv', '1.5')).toBe(false);
    expect(isSortKey('-aliveProbability', 'NaN')).toBe(false);
    expect(isSortKey('-aliveProbability', 'Infinity')).toBe(false);
    expect(isSortKey('-aliveProbability', '0x10')).toBe(false);
    expect(isSortKey('-lastPurchase', '2026-13-45')).toBe(false);
    expect(isSortKey('-lastPurchase', '2025-02-29')).toBe(false);
    expect(isSortKey('-lastPurchase', '0000-01-01')).toBe(false);
    expect(isSortKey('-lastPurchase', '99999-01-01')).toBe(false);
    expect(isSortKey('lastPurchase', '')).toBe(false);
  });
});
