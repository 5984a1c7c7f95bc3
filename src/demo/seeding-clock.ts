import type { AppContext } from '../http/types';

/**
 * Runs `work` while the application's clock shows the instants it sets, then hands the clock
 * back: the demo lives through two years of cases — opened, answered, resolved at their own
 * times — through the same API, so every due time, timeline entry and SLA breach is computed
 * as it would have been then. The jobs they leave run afterwards.
 */
export async function withSeedingClock<T>(
  { clock, jobs }: Pick<AppContext, 'clock' | 'jobs'>,
  work: (setNow: (at: Date) => void) => Promise<T>,
) {
  // The worker rests meanwhile: leases and due times read against a clock that jumps would not hold.
  const polling = jobs.polling;
  if (polling) await jobs.stop();
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
    if (polling) jobs.start();
  }
}
