import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTooFew, withholdSmallGroups } from './anonymity';

const g = (key: string, protectedN: number) => ({ key, protectedN });

describe('anonymity threshold', () => {
  it('withholds groups of 1 to threshold−1 protected respondents and keeps customer-only groups', () => {
    const { shown, withheld } = withholdSmallGroups([g('a', 0), g('b', 3), g('c', 5), g('d', 7)], 5);
    // b alone (3) could be recovered by subtraction, so the smallest other protected group goes too.
    expect(shown.map((x) => x.key)).toEqual(['a', 'd']);
    expect(withheld).toBe(2);
  });

  it('withholds nothing more when the withheld groups already reach the threshold together', () => {
    const { shown } = withholdSmallGroups([g('a', 3), g('b', 4), g('c', 9)], 5);
    expect(shown.map((x) => x.key)).toEqual(['c']);
  });

  it('never shows a group under the threshold nor leaves a recoverable remainder', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { maxLength: 12 }), fc.integer({ min: 2, max: 8 }), (ns, k) => {
        const groups = ns.map((n, i) => g(String(i), n));
        const { shown, withheld } = withholdSmallGroups(groups, k);
        expect(shown.every((x) => !isTooFew(x.protectedN, k))).toBe(true);
        const hiddenSum =
          groups.reduce((s, x) => s + x.protectedN, 0) - shown.reduce((s, x) => s + x.protectedN, 0);
        // Whatever is hidden is either nothing, at least k people together, or all there is.
        expect(hiddenSum === 0 || hiddenSum >= k || shown.every((x) => x.protectedN === 0)).toBe(true);
        expect(shown.length + withheld).toBe(groups.length);
      }),
    );
  });
});
