import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseDayNumber, toDayNumber } from './day-number';

describe('day numbers', () => {
  it('agree with the JavaScript calendar over several centuries', () => {
    for (let n = -200_000; n < 200_000; n += 97) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(formatDayNumber(n)).toBe(iso);
      expect(parseDayNumber(iso)).toBe(n);
    }
  });

  it('parse the CDNOW calendar', () => {
    expect(parseDayNumber('1970-01-01')).toBe(0);
    expect(parseDayNumber('19970930') - parseDayNumber('1997-01-01')).toBe(272);
    expect(parseDayNumber('1998-06-30') - parseDayNumber('1997-09-30')).toBe(273);
    expect(toDayNumber(2000, 2, 29)).toBe(parseDayNumber('2000-02-29'));
    expect(parseDayNumber('2024-05-06T10:00:00+02:00')).toBe(parseDayNumber('2024-05-06'));
  });

  it('reject malformed or impossible dates', () => {
    for (const bad of ['1997-02-30', '2023-02-29', '1997-13-01', '1997/01/01', 'abc', '']) {
      expect(parseDayNumber(bad)).toBeNaN();
    }
  });
});
