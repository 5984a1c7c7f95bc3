import { createHash } from 'node:crypto';

/**
 * The customer's draw for an offer: a number in [0, 1) from a hash of the two ids, the same every
 * time it is asked, independent between offers. A customer is held out of the offer (kept as its
 * control group, never shown it) when the draw falls below the offer's holdout share.
 */
export function holdoutDraw(offerId: string, customerId: string): number {
  const digest = createHash('sha256').update(`${offerId}:${customerId}`).digest();
  // 52 bits: exactly representable, uniform over [0, 1).
  return (digest.readUInt32BE(0) * 2 ** 20 + (digest.readUInt32BE(4) >>> 12)) / 2 ** 52;
}

export const isHeldOut = (offerId: string, customerId: string, share: number) =>
  holdoutDraw(offerId, customerId) < share;
