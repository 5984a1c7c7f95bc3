import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BasketBuilder,
  basketsOf,
  countAtLeast,
  ItemDictionary,
  liftWithBound,
  mineAssociationRules,
} from './association-rules';

const BREAD = 0;
const BUTTER = 1;
const MILK = 2;
const JAM = 3;
// Ten baskets. bread is in 6 of them (1 2 3 4 6 9), butter in 5 (1 2 3 5 6), both in 4 (1 2 3 6).
const TEN = [
  [BREAD, BUTTER],
  [BREAD, BUTTER, MILK],
  [BREAD, BUTTER, JAM],
  [BREAD, MILK],
  [BUTTER, MILK],
  [BREAD, BUTTER],
  [MILK],
  [JAM],
  [BREAD, JAM],
  [MILK, JAM],
];

describe('association rules by hand', () => {
  it('bread → butter: support, confidence, lift and the lift bound worked out', () => {
    const { rules } = mineAssociationRules(basketsOf(TEN), {
      minSupport: 0.3,
      minConfidence: 0.5,
      maxLength: 3,
    });
    // Only {bread, butter} is in ≥ 3 baskets (bread+milk, butter+milk, bread+jam: 2 each).
    expect(rules.map((r) => [r.antecedent, r.consequent])).toEqual([
      [[BUTTER], BREAD],
      [[BREAD], BUTTER],
    ]);
    const rule = rules.find((r) => r.consequent === BUTTER);
    // support = 4/10 = 0.4; confidence = 4/6 = 0.6667; lift = 10·4 / (6·5) = 1.3333
    expect(rule).toMatchObject({ count: 4, antecedentCount: 6, consequentCount: 5, baskets: 10 });
    expect(rule?.support).toBeCloseTo(0.4, 12);
    expect(rule?.confidence).toBeCloseTo(0.666667, 6);
    expect(rule?.lift).toBeCloseTo(1.333333, 6);
    // Var(ln lift) = 1/4 − 1/6 − 1/5 + (2·1.3333 − 1)/10 = 0.25 − 0.16667 − 0.2 + 0.16667 = 0.05;
    // √0.05 = 0.22361; bound = 1.3333 · exp(−1.96 · 0.22361) = 1.3333 · 0.64515 = 0.86020:
    // ten baskets cannot tell this lift from 1.
    expect(rule?.liftLower).toBeCloseTo(0.8602, 4);
    // butter → bread has confidence 4/5 = 0.8, the same lift and the same bound.
    expect(rules[0].confidence).toBeCloseTo(0.8, 12);
    expect(rules[0].liftLower).toBeCloseTo(0.8602, 4);
  });

  it('the same shares in ten times the baskets narrow the bound above 1', () => {
    const hundred = Array.from({ length: 10 }, () => TEN).flat();
    const rule = mineAssociationRules(basketsOf(hundred), {
      minSupport: 0.3,
      minConfidence: 0.5,
      maxLength: 2,
    }).rules.find((r) => r.consequent === BUTTER);
    // Var = 1/40 − 1/60 − 1/50 + 1.6667/100 = 0.005; bound = 1.3333 · exp(−1.96 · 0.070711) = 1.16078
    expect(rule?.lift).toBeCloseTo(1.333333, 6);
    expect(rule?.liftLower).toBeCloseTo(1.16078, 5);
    expect(liftWithBound(40, 60, 50, 100).liftLower).toBeCloseTo(1.16078, 5);
  });

  it('confidence, the longest itemset and a repeated line are respected', () => {
    const baskets = basketsOf([
      [BREAD, BUTTER, MILK],
      [BREAD, BUTTER, MILK, BREAD],
      [BREAD, BUTTER, MILK],
      [JAM],
    ]);
    const three = mineAssociationRules(baskets, { minSupport: 0.5, minConfidence: 0.9, maxLength: 3 });
    // a bread bought twice in one basket still makes bread's count 3, not 4
    expect(three.rules.every((r) => r.count === 3 && r.antecedentCount === 3)).toBe(true);
    expect(three.rules.some((r) => r.antecedent.length === 2)).toBe(true);
    const two = mineAssociationRules(baskets, { minSupport: 0.5, minConfidence: 0.9, maxLength: 2 });
    expect(two.rules.every((r) => r.antecedent.length === 1)).toBe(true);
    expect(two.rules).toHaveLength(6);
  });

  it('support is reached by the smallest count whose share is at least the threshold', () => {
    expect(countAtLeast(0.006, 9835)).toBe(60); // 59/9835 = 0.005999
    expect(countAtLeast(0.3, 10)).toBe(3);
    expect(countAtLeast(0.25, 4)).toBe(1);
  });

  it('every rule equals a brute-force count over all itemsets (random baskets)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom(0.05, 0.1, 0.2),
        fc.constantFrom(0.1, 0.5),
        (lists, minSupport, minConfidence) => {
          const mined = mineAssociationRules(basketsOf(lists), { minSupport, minConfidence, maxLength: 4 });
          const expected = bruteForce(lists, minSupport, minConfidence, 4);
          const key = (r: { antecedent: number[]; consequent: number; count: number }) =>
            `${r.antecedent.join(',')}→${r.consequent}:${r.count}`;
          expect(mined.rules.map(key).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});

function bruteForce(lists: number[][], minSupport: number, minConfidence: number, maxLength: number) {
  const n = lists.length;
  const sets = lists.map((l) => new Set(l));
  const count = (items: number[]) => sets.filter((s) => items.every((i) => s.has(i))).length;
  const out: string[] = [];
  for (let mask = 1; mask < 1 << 7; mask++) {
    const items = [0, 1, 2, 3, 4, 5, 6].filter((i) => mask & (1 << i));
    if (items.length < 2 || items.length > maxLength) continue;
    const c = count(items);
    if (c === 0 || c / n < minSupport) continue;
    for (const consequent of items) {
      const antecedent = items.filter((i) => i !== consequent);
      if (c / count(antecedent) >= minConfidence) out.push(`${antecedent.join(',')}→${consequent}:${c}`);
    }
  }
  return out;
}

describe('groceries (arules), against the published figures', () => {
  const text = readFileSync(
    new URL('../../../../test/fixtures/groceries/groceries.csv', import.meta.url),
    'utf8',
  );
  const dictionary = new ItemDictionary();
  const builder = new BasketBuilder();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    for (const name of line.split(',')) builder.add(dictionary.idOf(name.trim()));
    builder.close();
  }
  const baskets = builder.build();
  const name = (id: number) => dictionary.codes[id];

  it('holds 9,835 baskets over 169 items', () => {
    expect(baskets.count).toBe(9835);
    expect(dictionary.size).toBe(169);
  });

  it('yields 463 rules at support ≥ 0.006 and confidence ≥ 0.25, the top lifts to four digits', () => {
    const mined = mineAssociationRules(baskets, { minSupport: 0.006, minConfidence: 0.25, maxLength: 10 });
    expect(mined.rules).toHaveLength(463);
    const top = [...mined.rules].sort((a, b) => b.lift - a.lift).slice(0, 3);
    const shown = top.map((r) => ({
      rule: `{${r.antecedent.map(name).sort().join(', ')}} → {${name(r.consequent)}}`,
      support: r.support.toFixed(6),
      confidence: r.confidence.toFixed(4),
      lift: r.lift.toFixed(4),
    }));
    expect(shown).toEqual([
      { rule: '{herbs} → {root vegetables}', support: '0.007016', confidence: '0.4313', lift: '3.9565' },
      { rule: '{berries} → {whipped/sour cream}', support: '0.009049', confidence: '0.2722', lift: '3.7969' },
      {
        rule: '{other vegetables, tropical fruit, whole milk} → {root vegetables}',
        support: '0.007016',
        confidence: '0.4107',
        lift: '3.7681',
      },
    ]);
    // whole milk in 2,513 baskets (support 0.2555)
    const milk = mined.rules.find((r) => name(r.consequent) === 'whole milk');
    expect(milk?.consequentCount).toBe(2513);
    // the bound is below the lift, and 69 baskets make herbs → root vegetables' bound 3.32
    expect(top[0].liftLower).toBeLessThan(top[0].lift);
    expect(top[0].liftLower).toBeCloseTo(3.3198, 3);
  });
});
