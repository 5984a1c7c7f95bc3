import { describe, expect, it } from 'vitest';
import { type AuditItem, scoreVisit } from './audit-scoring';

const item = (
  id: string,
  component: AuditItem['component'],
  weight: number,
  critical = false,
): AuditItem => ({
  id,
  component,
  text: { en: id },
  weight,
  critical,
});

describe('audit scoring', () => {
  const items = [
    item('greet', 'ethical', 3),
    item('smile', 'ethical', 1),
    item('clean', 'aesthetic', 2),
    item('menu', 'aesthetic', 1),
    item('stock', 'service', 4, true),
    item('wifi', 'service', 2),
  ];

  it('weighs the applicable items, per component and over all', () => {
    // ethical: 3 of 4 = 75; aesthetic: menu n/a, clean failed = 0; service: 4 + 2 of 6 = 100.
    // over all: passed 3 + 4 + 2 = 9 of applicable 3 + 1 + 2 + 4 + 2 = 12 = 75.
    const s = scoreVisit(items, {
      greet: 'pass',
      smile: 'fail',
      clean: 'fail',
      menu: 'na',
      stock: 'pass',
      wifi: 'pass',
    });
    expect(s).toEqual({
      score: 75,
      components: { ethical: 75, aesthetic: 0, service: 100 },
      failed: false,
      failedCritical: [],
    });
  });

  it('fails a visit with a failed critical item whatever the score; nothing applicable scores null', () => {
    const s = scoreVisit(items, {
      greet: 'pass',
      smile: 'pass',
      clean: 'pass',
      menu: 'pass',
      stock: 'fail',
      wifi: 'pass',
    });
    // 9 of 13 = 69.23
    expect(s.score).toBe(69.23);
    expect(s.failed).toBe(true);
    expect(s.failedCritical).toEqual(['stock']);
    expect(scoreVisit(items, { greet: 'na' }).score).toBeNull();
  });
});
