import { randomInt } from 'node:crypto';

/**
 * A customer's personal referral code: eight characters of an alphabet without the ones people
 * confuse when they read a code aloud or copy it by hand (0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V).
 */
export const REFERRAL_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const REFERRAL_CODE_LENGTH = 8;

/** A fresh random code (23^8 ≈ 78 billion of them: a clash is retried, never shown). */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++)
    code += REFERRAL_ALPHABET[randomInt(REFERRAL_ALPHABET.length)];
  return code;
}

/**
 * A code as a person typed it, in the form it is stored: upper case, without spaces and dashes.
 * Undefined when it cannot be a code of ours.
 */
export function normalizeReferralCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== REFERRAL_CODE_LENGTH) return undefined;
  for (const ch of code) if (!REFERRAL_ALPHABET.includes(ch)) return undefined;
  return code;
}
