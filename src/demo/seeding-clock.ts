import type { Clock } from '../lib/clock';

/**
 * Runs `work` while the application's clock shows the instants it sets, then hands the clock
 * back: the demo lives through two years of cases — opened, answered, resolved at their own
 * times — through the same API, so every due time, timeline entry and SLA breach is computed
 * as it would have been then.
 */
export async function withSeedingClock<T>(clock: Clock, work: (setNow: (at: Date) => void) => Promise<T>) {
  const own = Object.getOwnPropertyDescriptor(clock, 'now');
  const real = clock.now.bind(clock);
  let shown: Date | undefined;
  clock.now = () => (shown ? new Date(shown) : real());
  try {
    return await work((at) => {
      shown = at;
    });
  } finally {
    if (own) Object.defineProperty(clock, 'now', own);
    else delete (clock as { now?: unknown }).now;
  }
}
