import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../lib/seeded-random';
import { holdoutDraw, isHeldOut } from './offer-holdout';

const uuid = (r: ReturnType<typeof createRandom>) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(r.next() * 16).toString(16));

describe('the holdout draw', () => {
  it('is the same every time for an offer and a customer, and differs between offers', () => {
    const r = createRandom(7);
    const offer = uuid(r);
    const other = uuid(r);
    const customers = Array.from({ length: 200 }, () => uuid(r));
    for (const c of customers) expect(holdoutDraw(offer, c)).toBe(holdoutDraw(offer, c));
    const same = customers.filter((c) => isHeldOut(offer, c, 0.5) === isHeldOut(other, c, 0.5)).length;
    expect(same).toBeGreaterThan(60);
    expect(same).toBeLessThan(140);
  });

  it('holds out close to the share asked (within four standard errors over 20,000 customers)', () => {
    const r = createRandom(11);
    const offer = uuid(r);
    for (const share of [0.05, 0.1, 0.3]) {
      const n = 20_000;
      let held = 0;
      for (let i = 0; i < n; i++) if (isHeldOut(offer, uuid(r), share)) held += 1;
      const se = Math.sqrt((share * (1 - share)) / n);
      expect(Math.abs(held / n - share)).toBeLessThan(4 * se);
    }
  });

  it('lies in [0, 1) and holds nobody out at share 0', () => {
    const r = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const d = holdoutDraw(uuid(r), uuid(r));
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
    expect(isHeldOut(uuid(r), uuid(r), 0)).toBe(false);
  });
});
