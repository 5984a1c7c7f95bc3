import { describe, expect, it } from 'vitest';
import { countScoresByTopic } from './count-topics';
import { computeTopicEffects } from './topic-effects';

const nps = (d: number, p: number, pr: number) => [d, 0, 0, 0, 0, 0, 0, p, 0, 0, pr];

describe('computeTopicEffects', () => {
  it('matches a hand-worked NPS example', () => {
    // overall: 32 promoters, 10 passives, 18 detractors (n 60)
    // delivery: 2 P, 0 Pa, 8 D → NPS (2 − 8)/10 = −60; without: 30 P, 10 Pa, 10 D → NPS 40
    //   effect = −60 − 40 = −100
    //   var_with    = (0.2 + 0.8 − (0.2 − 0.8)²)/10 = 0.64/10 = 0.064  → 640 points²
    //   var_without = (0.6 + 0.2 − (0.6 − 0.2)²)/50 = 0.64/50 = 0.0128 → 128 points²
    //   z = −100/sqrt(768) = −3.608439, p = 2·Φ(−3.608439) = 0.000308
    // staff: 5 P → NPS 100; without: 27 P, 10 Pa, 18 D → NPS 100·9/55 = 16.3636; effect 83.6364
    const effects = computeTopicEffects(
      [
        { key: 'staff', counts: nps(0, 0, 5) },
        { key: 'delivery', counts: nps(8, 0, 2) },
      ],
      nps(18, 10, 32),
    );
    expect(effects.map((e) => e.key)).toEqual(['delivery', 'staff']);
    const [delivery, staff] = effects;
    expect(delivery.scoreWith).toBeCloseTo(-60, 10);
    expect(delivery.scoreWithout).toBeCloseTo(40, 10);
    expect(delivery.effect).toBeCloseTo(-100, 10);
    expect(delivery.pValue).toBeCloseTo(0.000308, 5);
    expect(delivery.share).toBeCloseTo(10 / 60, 12);
    expect(staff.effect).toBeCloseTo(100 - 900 / 55, 8);
    expect(staff.smallSample).toBe(true);
  });

  it('has no effect for a topic nobody or everybody mentions', () => {
    const [none, all] = computeTopicEffects(
      [
        { key: 'none', counts: nps(0, 0, 0) },
        { key: 'all', counts: nps(1, 1, 1) },
      ],
      nps(1, 1, 1),
    );
    expect(none.effect).toBeNull();
    expect(all.effect).toBeNull();
    expect(all.scoreWithout).toBeNull();
  });

  it('works for CSAT too', () => {
    // with: 0 of 2 satisfied (0%); without: 3 of 3 (100%) → effect −100 points
    const [late] = computeTopicEffects([{ key: 'late', counts: [1, 1, 0, 0, 0] }], [1, 1, 0, 1, 2], 'csat');
    expect(late.effect).toBeCloseTo(-100, 10);
  });
});

describe('countScoresByTopic', () => {
  it('tags answers and counts their scores per topic', () => {
    const taxonomy = [
      { key: 'delivery', keywords: { pl: ['kurier'], en: ['courier'] } },
      { key: 'price', keywords: { pl: ['cena'], en: ['price'] } },
    ];
    const { overall, topics } = countScoresByTopic(
      [
        { text: 'Kurier się spóźnił', score: 2 },
        { text: 'The courier was rude and the price too high', score: 5 },
        { text: 'Great price', score: 10, lang: 'en' },
        { text: 'Wszystko dobrze', score: 9, locale: 'pl' },
      ],
      taxonomy,
    );
    expect(overall).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(topics).toEqual([
      { key: 'delivery', counts: [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0] },
      { key: 'price', counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] },
    ]);
    const effects = computeTopicEffects(topics, overall);
    // delivery: NPS −100 with it, +100 without → −200
    expect(effects[0]).toMatchObject({ key: 'delivery', effect: -200 });
  });

  it('rejects scores off the scale', () => {
    expect(() => countScoresByTopic([{ text: 'x', score: 11 }], [])).toThrow(RangeError);
  });
});
