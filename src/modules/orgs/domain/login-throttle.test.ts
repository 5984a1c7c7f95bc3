import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_THROTTLE,
  LOGIN_LOCK_MS,
  LOGIN_MAX_FAILURES,
  LOGIN_WINDOW_MS,
  RESERVATION_STALE_MS,
  reserveAttempt,
  settleAttempt,
  type ThrottleState,
} from './login-throttle';

const MIN = 60 * 1000;

describe('login throttle', () => {
  it('locks after the fifth failure, for 15 minutes, whatever the password', () => {
    let s: ThrottleState = EMPTY_THROTTLE;
    let now = 0;
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const r = reserveAttempt(s, now);
      expect(r.allowed).toBe(true);
      s = settleAttempt(r.state, now, false, now);
      now += MIN;
    }
    expect(s.lockedUntil).toBe(now - MIN + LOGIN_LOCK_MS);
    expect(reserveAttempt(s, now).allowed).toBe(false);
    expect(reserveAttempt(s, now - MIN + LOGIN_LOCK_MS).allowed).toBe(true);
  });

  it('lets a right password free its own reservation only', () => {
    let s: ThrottleState = EMPTY_THROTTLE;
    for (let i = 0; i < 4; i++) s = settleAttempt(reserveAttempt(s, i).state, i, false, i);
    const right = reserveAttempt(s, 10);
    expect(right.allowed).toBe(true);
    // While it is checked, no other attempt gets in: four failures and one check make five.
    expect(reserveAttempt(right.state, 11).allowed).toBe(false);
    s = settleAttempt(right.state, 10, true, 12);
    expect(s.failures).toHaveLength(4);
    const last = reserveAttempt(s, 13);
    expect(last.allowed).toBe(true);
    s = settleAttempt(last.state, 13, false, 14);
    expect(s.lockedUntil).toBe(14 + LOGIN_LOCK_MS);
  });

  it('counts a reservation that never settles as a failure', () => {
    let s: ThrottleState = EMPTY_THROTTLE;
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) s = reserveAttempt(s, i).state;
    expect(reserveAttempt(s, RESERVATION_STALE_MS + 10).allowed).toBe(false);
    expect(reserveAttempt(s, LOGIN_WINDOW_MS + 10).allowed).toBe(true);
    // Settling late changes nothing: the failure is already counted.
    const late = settleAttempt(s, 0, true, RESERVATION_STALE_MS + 10);
    expect(late.failures).toHaveLength(LOGIN_MAX_FAILURES);
  });

  it('never checks more than five wrong passwords within 15 minutes, in any interleaving', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('reserve' as const), right: fc.boolean() }),
      fc.record({ kind: fc.constant('settle' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5 * MIN }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        let s: ThrottleState = EMPTY_THROTTLE;
        let now = 0;
        const inFlight: { at: number; right: boolean }[] = [];
        const wrongChecked: number[] = [];
        let lockedAfterFifth: number | null = null;
        for (const st of steps) {
          if (st.kind === 'wait') now += st.ms;
          else if (st.kind === 'reserve') {
            const r = reserveAttempt(s, now);
            s = r.state;
            if (lockedAfterFifth !== null && now < lockedAfterFifth) expect(r.allowed).toBe(false);
            if (r.allowed) {
              inFlight.push({ at: now, right: st.right });
              if (!st.right) wrongChecked.push(now);
            }
          } else if (inFlight.length) {
            const [attempt] = inFlight.splice(st.pick % inFlight.length, 1);
            s = settleAttempt(s, attempt.at, attempt.right, now);
            if (s.lockedUntil !== null && s.lockedUntil > now) lockedAfterFifth = s.lockedUntil;
          }
        }
        for (let i = LOGIN_MAX_FAILURES; i < wrongChecked.length; i++) {
          expect(wrongChecked[i] - wrongChecked[i - LOGIN_MAX_FAILURES]).toBeGreaterThanOrEqual(
            LOGIN_WINDOW_MS,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
