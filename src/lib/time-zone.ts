// Wall-clock arithmetic in IANA time zones through Intl.DateTimeFormat: no date library needed.

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is a zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time of an instant in a time zone. */
export function localPartsOf(instantMs: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/** Minutes the zone's wall clock is ahead of UTC at an instant. */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const whole = instantMs - (((instantMs % 1000) + 1000) % 1000);
  const p = localPartsOf(whole, timeZone);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole) / 60_000;
}

/**
 * The instant a wall clock in `timeZone` shows `minuteOfDay` on a date (minute 1440 is the next
 * midnight). A time skipped by a daylight-saving jump moves forward by the jump's length, as
 * Temporal's 'compatible' disambiguation does.
 */
export function instantOfLocal(
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = asUtc - offsetMinutesAt(asUtc, timeZone) * 60_000;
  const offset = offsetMinutesAt(first, timeZone);
  const second = asUtc - offset * 60_000;
  if (offsetMinutesAt(second, timeZone) === offset) return second;
  // In a gap neither guess is exact; the later one is the wall time pushed past the jump.
  return Math.max(first, second);
}
