import { describe, expect, it } from 'vitest';
import { computeNps } from '../modules/feedback/domain/metrics/nps';
import { SMALL_SAMPLE_THRESHOLD } from '../modules/feedback/domain/metrics/scales';
import { rankLocations } from '../modules/people/domain/leaderboard';
import { demoLocationPicker } from './demo-locations';
import { generateDemo } from './generate';

describe('the demo’s answers by location', () => {
  it('at the README’s size: Mokotów surely first, Oliwa surely last, the rest overlapping', () => {
    const data = generateDemo({ customers: 5000, seed: 20260302, now: new Date('2026-11-20T10:00:00Z') });
    const codes = ['WAW-MOK', 'WAW-SRO', 'KRK-KAZ', 'GDA-OLI', 'ONLINE'];
    const pick = demoLocationPicker({
      locations: codes.map((code) => ({ id: code, code, name: code })),
      departments: [],
      teams: [],
      employees: [],
    });
    const counts = new Map(codes.map((c) => [c, new Array(11).fill(0) as number[]]));
    for (const r of data.responses) {
      const code = pick(r);
      expect(code).toBeDefined();
      counts.get(code!)![r.nps]++;
    }
    const board = codes.map((id) => ({ id, ...computeNps(counts.get(id)!) }));
    const ranks = rankLocations(board, SMALL_SAMPLE_THRESHOLD);
    expect(board.every((b) => b.n >= SMALL_SAMPLE_THRESHOLD)).toBe(true);
    expect(ranks.get('WAW-MOK')?.rank).toEqual({ best: 1, worst: 1 });
    expect(ranks.get('GDA-OLI')?.rank).toEqual({ best: 5, worst: 5 });
    for (const c of ['WAW-SRO', 'KRK-KAZ', 'ONLINE']) expect(ranks.get(c)?.standing).toBe('overlaps');
  });
});
