import { describe, expect, it } from 'vitest';
import { newReferralCode, normalizeReferralCode, REFERRAL_ALPHABET } from './referral-code';
import { fingerprintsOf, newcomerRefusal, selfReferral } from './referral-guards';

const party = (o: Partial<Parameters<typeof selfReferral>[0]>) => ({
  id: 'a',
  email: null,
  phone: null,
  paymentFingerprints: [],
  ...o,
});

describe('referral codes', () => {
  it('are eight characters nobody confuses, and read back however they were typed', () => {
    for (const ch of '015820OIL SUVBZ') expect(REFERRAL_ALPHABET).not.toContain(ch);
    const code = newReferralCode();
    expect(code).toMatch(new RegExp(`^[${REFERRAL_ALPHABET}]{8}$`));
    expect(normalizeReferralCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code);
    expect(normalizeReferralCode('ABC')).toBeUndefined();
    expect(normalizeReferralCode('00000000')).toBeUndefined();
  });
});

describe('self-referral', () => {
  it('is the same customer, e-mail (any case), phone (its digits) or payment fingerprint', () => {
    expect(selfReferral(party({}), party({}))).toBe('self_referral');
    expect(selfReferral(party({ email: 'A@x.com' }), party({ id: 'b', email: ' a@X.com' }))).toBe(
      'same_email',
    );
    expect(selfReferral(party({ phone: '+48 600 100 200' }), party({ id: 'b', phone: '600-100-200' }))).toBe(
      'same_phone',
    );
    expect(
      selfReferral(
        party({ paymentFingerprints: ['f1'] }),
        party({ id: 'b', paymentFingerprints: ['f2', 'f1'] }),
      ),
    ).toBe('same_payment');
    expect(
      selfReferral(
        party({ email: 'a@x.com', phone: '123' }),
        party({ id: 'b', email: 'b@x.com', phone: '123' }),
      ),
    ).toBeNull();
    expect(fingerprintsOf({ paymentFingerprint: ' f ' }, { paymentFingerprint: 3 }, undefined)).toEqual([
      'f',
    ]);
  });
});

describe('newcomers', () => {
  const claimedAt = new Date('2026-03-01T00:00:00Z');
  it('refuses a customer who bought before the claim, or was known longer than the window', () => {
    expect(
      newcomerRefusal({
        knownSince: claimedAt,
        claimedAt,
        newCustomerDays: 30,
        earlierPurchaseAt: new Date('2026-02-01'),
      }),
    ).toBe('already_bought');
    expect(
      newcomerRefusal({
        knownSince: new Date('2026-01-29T23:59:59Z'),
        claimedAt,
        newCustomerDays: 30,
        earlierPurchaseAt: null,
      }),
    ).toBe('existing_customer');
    expect(
      newcomerRefusal({
        knownSince: new Date('2026-01-30T00:00:00Z'),
        claimedAt,
        newCustomerDays: 30,
        earlierPurchaseAt: null,
      }),
    ).toBeNull();
  });
});
