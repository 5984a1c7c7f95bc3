import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './business-time';
import { instantOfLocal, localPartsOf } from './time-zone';

const nineToFive = [[9 * 60, 17 * 60]] as const;
const weekdays = (hours: BusinessCalendar['week'][number]) => [[], hours, hours, hours, hours, hours, []];

const warsaw: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  week: weekdays(nineToFive),
  holidays: new Set(['2026-04-06']), // Easter Monday
};

const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes', () => {
  it('carries work past the weekend and a holiday', () => {
    // Friday 2026-04-03 15:00 in Warsaw (CEST, +02:00); 4 working hours: 2 on Friday, 2 on Tuesday.
    expect(addBusinessMinutes(at('2026-04-03T13:00:00Z'), 240, warsaw).toISOString()).toBe(
      '2026-04-07T09:00:00.000Z',
    );
  });

  it('starts counting at the next opening when asked at night', () => {
    expect(addBusinessMinutes(at('2026-03-02T22:00:00Z'), 30, warsaw).toISOString()).toBe(
      '2026-03-03T08:30:00.000Z',
    );
  });

  it('ends exactly at closing time rather than at the next opening', () => {
    expect(addBusinessMinutes(at('2026-03-02T08:00:00Z'), 480, warsaw).toISOString()).toBe(
      '2026-03-02T16:00:00.000Z',
    );
  });

  it('keeps local working hours across a daylight-saving change', () => {
    // Friday 2026-03-27 16:00 CET (+01:00) → Monday 2026-03-30 10:00 CEST (+02:00).
    expect(addBusinessMinutes(at('2026-03-27T15:00:00Z'), 120, warsaw).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('counts a round-the-clock day that lost an hour to daylight saving as 23 hours', () => {
    const always: BusinessCalendar = {
      timeZone: 'Europe/Warsaw',
      week: Array(7).fill([[0, 1440]]),
      holidays: new Set(),
    };
    expect(businessMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), always)).toBe(
      23 * 60,
    );
  });

  it('finds no working time in hours the clocks skip, and never counts backwards over them', () => {
    // Sundays 02:30–03:00 in Prague: on 2026-03-29 the clocks jump from 02:00 to 03:00.
    const nightShift: BusinessCalendar = {
      timeZone: 'Europe/Prague',
      week: [[[150, 180]], [], [], [], [], [], []],
      holidays: new Set(),
    };
    const saturday = at('2026-03-28T12:00:00Z');
    expect(businessMinutesBetween(saturday, at('2026-03-30T12:00:00Z'), nightShift)).toBe(0);
    // the next half hour of work is the Sunday after: 2026-04-05 02:30–03:00 CEST (+02:00)
    expect(addBusinessMinutes(saturday, 10, nightShift).toISOString()).toBe('2026-04-05T00:40:00.000Z');
  });

  it('handles split shifts and half-hour zones', () => {
    const kolkata: BusinessCalendar = {
      timeZone: 'Asia/Kolkata',
      week: weekdays([
        [9 * 60, 13 * 60],
        [14 * 60, 18 * 60],
      ]),
      holidays: new Set(),
    };
    // Monday 12:30 IST (07:00Z) + 60 min: 30 before lunch, 30 after → 14:30 IST.
    expect(addBusinessMinutes(at('2026-03-02T07:00:00Z'), 60, kolkata).toISOString()).toBe(
      '2026-03-02T09:00:00.000Z',
    );
  });

  it('refuses a calendar with no working time', () => {
    const never: BusinessCalendar = { timeZone: 'UTC', week: Array(7).fill([]), holidays: new Set() };
    expect(() => addBusinessMinutes(at('2026-03-02T00:00:00Z'), 1, never)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('skips nights, the weekend and holidays', () => {
    // Friday 15:00 CEST → Tuesday 11:00 CEST: 2 h Friday, Monday is Easter, 2 h Tuesday.
    expect(businessMinutesBetween(at('2026-04-03T13:00:00Z'), at('2026-04-07T09:00:00Z'), warsaw)).toBe(240);
  });

  it('is zero for an empty or reversed span', () => {
    expect(businessMinutesBetween(at('2026-03-02T10:00:00Z'), at('2026-03-02T10:00:00Z'), warsaw)).toBe(0);
    expect(businessMinutesBetween(at('2026-03-02T11:00:00Z'), at('2026-03-02T10:00:00Z'), warsaw)).toBe(0);
  });
});

const ZONES = [
  'UTC',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Moscow',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
];

const arbCalendar = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 0, maxLength: 4 }).map((marks) => {
        const sorted = [...marks].sort((a, b) => a - b).map((h) => h * 30);
        const out: [number, number][] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) out.push([sorted[i], sorted[i + 1]]);
        return out;
      }),
      { minLength: 7, maxLength: 7 },
    ),
    holidays: fc
      .array(fc.integer({ min: 0, max: 60 }), { maxLength: 5 })
      .map((days) => new Set(days.map((d) => new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10)))),
  })
  // At least three working hours a week: the 20,000 minutes a property adds then fit within the
  // five years the calculator searches (a calendar open 30 minutes a week would not).
  .filter((c) => c.week.flat().reduce((sum, [open, close]) => sum + close - open, 0) >= 180);

const arbInstant = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) })
  .map((ms) => new Date(ms));

describe('business time properties', () => {
  it('counts back exactly the minutes it added', () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, fc.integer({ min: 0, max: 20_000 }), (cal, start, minutes) => {
        const end = addBusinessMinutes(start, minutes, cal);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(businessMinutesBetween(start, end, cal)).toBe(minutes);
      }),
      { numRuns: 150 },
    );
  });

  it('adds in steps the same as at once', () => {
    fc.assert(
      fc.property(
        arbCalendar,
        arbInstant,
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (cal, start, a, b) => {
          const stepwise = addBusinessMinutes(addBusinessMinutes(start, a, cal), b, cal);
          expect(stepwise.getTime()).toBe(addBusinessMinutes(start, a + b, cal).getTime());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('splits a span anywhere into parts that sum to the whole', () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, arbInstant, arbInstant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const whole = businessMinutesBetween(a, c, cal);
        expect(businessMinutesBetween(a, b, cal) + businessMinutesBetween(b, c, cal)).toBeCloseTo(whole, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('lands inside working hours of a working day', () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, fc.integer({ min: 1, max: 20_000 }), (cal, start, minutes) => {
        const end = addBusinessMinutes(start, minutes, cal).getTime();
        // The last working minute before `end` is working time: one minute back counts one minute.
        expect(businessMinutesBetween(new Date(end - 60_000), new Date(end), cal)).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('instantOfLocal', () => {
  it('round-trips wall-clock times that exist', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), arbInstant, (zone, instant) => {
        const p = localPartsOf(instant.getTime(), zone);
        const back = instantOfLocal(p.year, p.month, p.day, p.hour * 60 + p.minute, zone);
        const again = localPartsOf(back, zone);
        expect([again.year, again.month, again.day, again.hour, again.minute]).toEqual([
          p.year,
          p.month,
          p.day,
          p.hour,
          p.minute,
        ]);
      }),
      { numRuns: 300 },
    );
  });
});
