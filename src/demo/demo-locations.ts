import { createRandom } from '../lib/seeded-random';
import type { DemoPeople } from './step-people';

/**
 * Where each answer was given: delivery answers at the online shop, the others at the cafés, with
 * Mokotów's guests clearly happier and Oliwa's clearly less happy than the rest (who overlap).
 */
const CAFE_WEIGHTS: Record<string, { promoter: number; passive: number; detractor: number }> = {
  'WAW-MOK': { promoter: 1.9, passive: 0.8, detractor: 0.25 },
  'WAW-SRO': { promoter: 1.1, passive: 1.1, detractor: 0.9 },
  'KRK-KAZ': { promoter: 0.9, passive: 1, detractor: 0.9 },
  'GDA-OLI': { promoter: 0.35, passive: 0.9, detractor: 2.2 },
};

const classOf = (nps: number) => (nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor');

/** A function giving each answer (by its touchpoint and NPS) the code of its location, or none. */
export function demoLocationPicker(people: DemoPeople | undefined) {
  const codes = new Set((people?.locations ?? []).map((l) => l.code));
  const cafes = Object.keys(CAFE_WEIGHTS).filter((c) => codes.has(c));
  const random = createRandom(2718);
  return (r: { touchpoint: string; nps: number }): string | undefined => {
    if (r.touchpoint === 'delivery') return codes.has('ONLINE') ? 'ONLINE' : undefined;
    if (!cafes.length) return undefined;
    const cls = classOf(r.nps);
    const total = cafes.reduce((s, c) => s + CAFE_WEIGHTS[c][cls], 0);
    let x = random.next() * total;
    for (const c of cafes) {
      x -= CAFE_WEIGHTS[c][cls];
      if (x < 0) return c;
    }
    return cafes[cafes.length - 1];
  };
}

/** Targets of the locations: the cafés aim at the chain's goals, the online shop a little lower. */
export const DEMO_LOCATION_TARGETS: Record<string, { nps: number; csat: number; ces: number }> = {
  'WAW-MOK': { nps: 40, csat: 85, ces: 5.5 },
  'WAW-SRO': { nps: 40, csat: 85, ces: 5.5 },
  'KRK-KAZ': { nps: 40, csat: 85, ces: 5.5 },
  'GDA-OLI': { nps: 40, csat: 85, ces: 5.5 },
  ONLINE: { nps: 30, csat: 80, ces: 5.5 },
};
