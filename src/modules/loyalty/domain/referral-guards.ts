/** Why a referral is refused, as the API and the dashboard name it. */
export const REFERRAL_REFUSALS = [
  'unknown_code',
  'self_referral',
  'same_email',
  'same_phone',
  'same_payment',
  'existing_customer',
  'already_bought',
  'already_referred',
  'cap_reached',
] as const;
export type ReferralRefusal = (typeof REFERRAL_REFUSALS)[number];

export const REFERRAL_STATUSES = ['pending', 'attributed', 'rewarded', 'refused', 'void'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_SOURCES = ['api', 'attribute', 'event'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** What the guards compare of the two customers. */
export type ReferralParty = {
  id: string;
  email: string | null;
  phone: string | null;
  /** `attributes.paymentFingerprint`, and any the qualifying purchase named. */
  paymentFingerprints: readonly string[];
};

const sameEmail = (a: string | null, b: string | null) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Digits only, the last nine: +48 600 100 200 and 600-100-200 are one phone. */
const phoneKey = (p: string | null) => {
  const digits = (p ?? '').replace(/\D/g, '');
  return digits.length >= 6 ? digits.slice(-9) : null;
};

/** The fingerprints a customer's attributes or an event's data carry. */
export function fingerprintsOf(...sources: (Record<string, unknown> | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const v = s?.paymentFingerprint;
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
  }
  return out;
}

/**
 * Whether the referred customer is the referrer under another name: the same customer, the same
 * e-mail address (case aside), the same phone (its digits), or a payment fingerprint in common.
 */
export function selfReferral(referrer: ReferralParty, referred: ReferralParty): ReferralRefusal | null {
  if (referrer.id === referred.id) return 'self_referral';
  if (sameEmail(referrer.email, referred.email)) return 'same_email';
  const a = phoneKey(referrer.phone);
  if (a && a === phoneKey(referred.phone)) return 'same_phone';
  if (referrer.paymentFingerprints.some((f) => referred.paymentFingerprints.includes(f)))
    return 'same_payment';
  return null;
}

/** The newcomer guards: known too long before naming the code, or bought before it. */
export function newcomerRefusal(o: {
  knownSince: Date;
  claimedAt: Date;
  newCustomerDays: number;
  /** The customer's first purchase, when it is not the one this claim came with. */
  earlierPurchaseAt: Date | null;
}): ReferralRefusal | null {
  if (o.earlierPurchaseAt && o.earlierPurchaseAt < o.claimedAt) return 'already_bought';
  if (o.claimedAt.getTime() - o.knownSince.getTime() > o.newCustomerDays * 86_400_000)
    return 'existing_customer';
  return null;
}
