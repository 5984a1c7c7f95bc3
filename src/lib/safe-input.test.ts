import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInputProblem, isDayInRange, isInstantInRange, numberProblem, textProblem } from './safe-input';

describe('input no column can store', () => {
  it('finds NUL and lone surrogates, and nothing in well-formed text', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\ud800')).toMatch(/surrogate/);
    expect(textProblem('x\udc00')).toMatch(/surrogate/);
    expect(textProblem('\udc00\ud800')).toMatch(/surrogate/);
    expect(textProblem('Zażółć 😀 \u200b')).toBeUndefined();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        (s) => textProblem(s.replaceAll('\u0000', '')) === undefined,
      ),
    );
  });

  it('finds denormals and non-finite numbers, not ±0 or small normal numbers', () => {
    expect(numberProblem(5e-324)).toMatch(/denormal/);
    expect(numberProblem(-2.2250738585072e-308)).toMatch(/denormal/);
    expect(numberProblem(Number.NaN)).toMatch(/finite/);
    for (const n of [0, -0, 2.2250738585072014e-308, 1e-300, 1e308, -1])
      expect(numberProblem(n)).toBeUndefined();
  });

  it('names the path of the first bad string, key or number', () => {
    expect(findInputProblem({ a: [1, { b: 'ok', c: 'x\u0000' }] })).toEqual({
      path: ['a', 1, 'c'],
      message: expect.stringMatching(/NUL/),
    });
    expect(findInputProblem({ attributes: { 'k\ud800': 1 } })).toEqual({
      path: ['attributes'],
      message: expect.stringMatching(/^keys .*surrogate/),
    });
    expect(findInputProblem([0, 5e-324])?.path).toEqual([1]);
    expect(findInputProblem({ a: [null, true, 'fine', 1.5, { b: [] }] })).toBeUndefined();
  });

  it('takes calendar dates of the years 1000 to 9999 that exist', () => {
    for (const ok of ['1000-01-01', '2024-02-29', '2000-02-29', '9999-12-31'])
      expect(isDayInRange(ok)).toBe(true);
    for (const bad of [
      '0000-01-01',
      '0999-12-31',
      '10000-01-01',
      '2023-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-1-1',
    ])
      expect(isDayInRange(bad), bad).toBe(false);
  });

  it('takes instants whose time in UTC falls in those years', () => {
    expect(isInstantInRange('1000-01-01T00:00:00Z')).toBe(true);
    expect(isInstantInRange('2026-03-01T10:00:00.123456+01:00')).toBe(true);
    expect(isInstantInRange('9999-12-31T23:59:59.999Z')).toBe(true);
    expect(isInstantInRange('1000-01-01T00:30:00+01:00')).toBe(false); // 0999-12-31 in UTC
    expect(isInstantInRange('9999-12-31T23:00:00-05:00')).toBe(false); // 10000-01-01 in UTC
    expect(isInstantInRange('0000-01-01T00:00:00Z')).toBe(false);
    expect(isInstantInRange('+010000-01-01T00:00:00Z')).toBe(false);
    expect(isInstantInRange('2026-02-30T00:00:00Z')).toBe(false);
    expect(isInstantInRange('2026-01-01T25:00:00Z')).toBe(false);
  });
});
