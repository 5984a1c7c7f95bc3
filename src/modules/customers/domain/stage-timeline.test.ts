import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type StageSignal, stageTimeline } from './stage-timeline';
import { DEFAULT_RULES, type LifecycleRules, type Stage } from './stages';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// Days in UTC: day d starts at d × 24 h.
const dayStart = (day: number) => day * DAY_MS;
const at = (day: number, hour = 12) => day * DAY_MS + hour * HOUR_MS;
const purchase = (day: number, hour = 12): StageSignal => ({ at: at(day, hour), day, kind: 'purchase' });
const visit = (day: number): StageSignal => ({ at: at(day), day, kind: 'contact' });
const referral = (day: number): StageSignal => ({ at: at(day), day, kind: 'referral' });
const answer = (day: number, nps: number): StageSignal => ({ at: at(day), day, kind: 'response', nps });

const timeline = (signals: StageSignal[], untilDay = 10_000, rules: LifecycleRules = DEFAULT_RULES) =>
  stageTimeline({ signals, rules, until: dayStart(untilDay), dayStart });
const moves = (signals: StageSignal[], untilDay?: number) =>
  timeline(signals, untilDay).moves.map((m) => `${m.from}>${m.to}@${m.at / DAY_MS}`);

describe('stageTimeline', () => {
  it('makes a visitor at the first contact and a buyer at the first purchase', () => {
    expect(moves([purchase(20), visit(10)])).toEqual([
      'potential>visitor@10.5',
      'visitor>buyer@20.5',
      'buyer>lost@201',
    ]);
  });

  it('makes a regular at the third purchase within 365 days, not at one outside', () => {
    // losing takes longer here, so that three purchases can span the whole window
    const rules = { ...DEFAULT_RULES, lostAfterDays: 300 };
    const of = (days: number[]) =>
      timeline(
        days.map((d) => purchase(d)),
        400,
        rules,
      ).moves.map((m) => `${m.from}>${m.to}@${m.at / DAY_MS}`);
    expect(of([0, 182, 365])).toEqual(['potential>buyer@0.5', 'buyer>regular@365.5', 'regular>buyer@366']);
    expect(of([0, 182, 366])).toEqual(['potential>buyer@0.5']);
    expect(moves([purchase(0), purchase(180), purchase(360)], 400)).toEqual([
      'potential>buyer@0.5',
      'buyer>regular@360.5',
      'regular>buyer@366',
    ]);
  });

  it('loses a buyer at the start of the day the last purchase turns 181 days old', () => {
    const t = timeline([purchase(0, 23)], 180);
    expect(t.stage).toBe('buyer');
    expect(t.reviewAt).toBe(dayStart(181));
    expect(moves([purchase(0, 23)], 181)).toEqual(['potential>buyer@0.9583333333333334', 'buyer>lost@181']);
    // a purchase on day 180 keeps the customer; it moves the day of loss
    expect(moves([purchase(0), purchase(180)], 400)).toEqual(['potential>buyer@0.5', 'buyer>lost@361']);
  });

  it('makes a regular loyal on a promoter answer and on a referral, each in its own time', () => {
    const regular = [purchase(0), purchase(10), purchase(20)];
    expect(moves([...regular, answer(30, 9), answer(40, 6)], 50)).toEqual([
      'potential>buyer@0.5',
      'buyer>regular@20.5',
      'regular>loyal@30.5',
      'loyal>regular@40.5',
    ]);
    // a referral counts for 365 days, while the customer stays regular
    const kept = [...regular, purchase(150), purchase(300), purchase(370), referral(30)];
    expect(moves(kept, 400).slice(2)).toEqual(['regular>loyal@30.5', 'loyal>regular@396']);
  });

  it('answers the stage at until and the next move by time alone', () => {
    const t = timeline([purchase(0), purchase(10), purchase(20)], 100);
    expect(t.stage).toBe('regular');
    expect(t.stageSince).toBe(at(20));
    expect(t.reviewAt).toBe(dayStart(201));
    expect(timeline([visit(5)], 100)).toEqual({
      moves: [{ at: at(5), from: 'potential', to: 'visitor' }],
      stage: 'visitor',
      stageSince: at(5),
      reviewAt: null,
    });
  });

  it('takes the value model verdict from when it was given, unless a purchase came after it', () => {
    const rules = { ...DEFAULT_RULES, lostAliveBelow: 0.2 };
    const alive = { probability: 0.1, at: at(50), day: 50 };
    const judged = stageTimeline({ signals: [purchase(0)], rules, until: dayStart(60), dayStart, alive });
    expect(judged.moves.map((m) => m.to)).toEqual(['buyer', 'lost']);
    expect(judged.stageSince).toBe(at(50));
    const boughtSince = stageTimeline({
      signals: [purchase(0), purchase(55)],
      rules,
      until: dayStart(60),
      dayStart,
      alive,
    });
    expect(boughtSince.stage).toBe('buyer');
  });

  /** The rules of stages.ts read at one instant from scratch, as the daily recompute reads them at now. */
  function stageAtNaive(signals: StageSignal[], rules: LifecycleRules, instant: number): Stage {
    const day = Math.floor(instant / DAY_MS);
    const past = signals.filter((s) => s.at <= instant);
    const purchases = past.filter((s) => s.kind === 'purchase');
    if (!purchases.length) return past.length ? 'visitor' : 'potential';
    const last = Math.max(...purchases.map((s) => s.day));
    if (day - last > rules.lostAfterDays) return 'lost';
    const recent = purchases.filter((s) => day - s.day <= rules.regularWindowDays).length;
    if (recent < rules.regularMinPurchases) return 'buyer';
    const answers = past.filter((s) => s.kind === 'response' && s.nps != null).sort((a, b) => a.at - b.at);
    const nps = answers.length ? answers[answers.length - 1].nps : null;
    const referred = past.some((s) => s.kind === 'referral' && day - s.day <= rules.referralWindowDays);
    return (nps != null && nps >= rules.loyalMinNps) || referred ? 'loyal' : 'regular';
  }

  it('agrees at every instant with the rules read from scratch (property)', () => {
    const signal = fc.record({
      minute: fc.integer({ min: 0, max: 900 * 24 * 60 }),
      kind: fc.constantFrom('purchase', 'purchase', 'referral', 'response', 'contact'),
      nps: fc.integer({ min: 0, max: 10 }),
    });
    const rules = fc.record({
      regularMinPurchases: fc.integer({ min: 1, max: 4 }),
      regularWindowDays: fc.integer({ min: 30, max: 400 }),
      loyalMinNps: fc.integer({ min: 7, max: 10 }),
      referralWindowDays: fc.integer({ min: 10, max: 400 }),
      lostAfterDays: fc.integer({ min: 10, max: 300 }),
      lostAliveBelow: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 25 }), rules, (raw, r) => {
        const signals: StageSignal[] = raw.map((s) => {
          const instant = s.minute * 60_000;
          return { at: instant, day: Math.floor(instant / DAY_MS), kind: s.kind, nps: s.nps };
        });
        const until = 1000 * DAY_MS;
        const t = stageTimeline({ signals, rules: r, until, dayStart });
        // every move is a real change at its instant, and nothing changes between moves
        let stage: Stage = 'potential';
        for (const m of t.moves) {
          expect(m.from).toBe(stage);
          expect(stageAtNaive(signals, r, m.at)).toBe(m.to);
          expect(stageAtNaive(signals, r, m.at - 1)).toBe(m.from);
          stage = m.to;
        }
        expect(t.stage).toBe(stage);
        expect(stageAtNaive(signals, r, until)).toBe(stage);
        for (let day = 0; day <= 1000; day += 7) {
          const instant = day * DAY_MS + 7 * HOUR_MS;
          const known = [...t.moves].reverse().find((m) => m.at <= instant);
          expect(stageAtNaive(signals, r, instant)).toBe(known ? known.to : 'potential');
        }
        if (t.reviewAt !== null) {
          expect(t.reviewAt).toBeGreaterThan(until);
          expect(stageAtNaive(signals, r, t.reviewAt)).not.toBe(stage);
          expect(stageAtNaive(signals, r, t.reviewAt - 1)).toBe(stage);
        }
      }),
      { numRuns: 400 },
    );
  });
});
