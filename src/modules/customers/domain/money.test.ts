import { describe, expect, it } from 'vitest';
import { convertMinor, minorDigits, rateAt } from './money';

describe('money', () => {
  it('knows minor units of currencies', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('converts minor units across currencies of different exponents', () => {
    expect(convertMinor(10000, 'PLN', 'EUR', 0.23)).toBe(2300); // 100.00 zł → 23.00 €
    expect(convertMinor(1000, 'JPY', 'EUR', 0.0062)).toBe(620); // ¥1000 → 6.20 €
    expect(convertMinor(620, 'EUR', 'JPY', 161.29)).toBe(1000); // 6.20 € → ¥1000
    expect(convertMinor(1000, 'KWD', 'EUR', 2.8)).toBe(280); // 1.000 KD → 2.80 €
    expect(convertMinor(1, 'PLN', 'EUR', 0.23)).toBe(0);
  });

  it('finds the rate in force at an instant', () => {
    const timeline = [
      { fromMs: 100, rate: 1, validFrom: 'a' },
      { fromMs: 200, rate: 2, validFrom: 'b' },
      { fromMs: 300, rate: 3, validFrom: 'c' },
    ];
    expect(rateAt(timeline, 99)).toBeUndefined();
    expect(rateAt(timeline, 100)?.rate).toBe(1);
    expect(rateAt(timeline, 299)?.rate).toBe(2);
    expect(rateAt(timeline, 300)?.rate).toBe(3);
    expect(rateAt(timeline, 1e12)?.rate).toBe(3);
    expect(rateAt(undefined, 100)).toBeUndefined();
  });
});
