import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFollowUpToken, signFollowUpToken, verifyFollowUpToken } from './follow-up-token';

describe('follow-up tokens', () => {
  it('carry their claim, fit one short path segment and verify only under their secret', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.integer({ min: 1, max: 65_535 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (orgId, caseId, cycle, seconds) => {
          const expiresAt = new Date(seconds * 1000);
          const token = signFollowUpToken('secret-a', { orgId, caseId, cycle, expiresAt });
          expect(token.length).toBeLessThanOrEqual(100);
          expect(token).toMatch(/^[\w.-]+$/);
          const claim = readFollowUpToken(token)!;
          expect(claim).toMatchObject({ orgId, caseId, cycle, expiresAt });
          expect(verifyFollowUpToken('secret-a', claim)).toBe(true);
          expect(verifyFollowUpToken('secret-b', claim)).toBe(false);
        },
      ),
    );
  });

  it('refuses tokens that are not shaped like one', () => {
    for (const bad of ['', 'a.b', 'x'.repeat(51), `${'A'.repeat(51)}.${'B'.repeat(22)}.c`]) {
      expect(readFollowUpToken(bad)).toBeUndefined();
    }
  });
});
