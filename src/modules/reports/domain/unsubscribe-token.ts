import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../lib/crypto';

const MAC_BYTES = 16;
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const macOf = (secret: string, ids: Buffer) =>
  createHmac('sha256', secret).update('reports/unsubscribe/v1').update(ids).digest().subarray(0, MAC_BYTES);

/**
 * The token of a digest's unsubscribe link: the organization and subscription ids and an HMAC of
 * them under the subscription's own secret, so it works without logging in and dies with it.
 */
export function signUnsubscribeToken(orgId: string, subscriptionId: string, secret: string): string {
  const ids = Buffer.concat([uuidBytes(orgId), uuidBytes(subscriptionId)]);
  return Buffer.concat([ids, macOf(secret, ids)]).toString('base64url');
}

/** The ids a token names, before its signature is checked (the secret is looked up by them). */
export function readUnsubscribeToken(token: string): { orgId: string; subscriptionId: string } | undefined {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 32 + MAC_BYTES) return undefined;
  return { orgId: uuidOf(raw.subarray(0, 16)), subscriptionId: uuidOf(raw.subarray(16, 32)) };
}

/** Whether the token carries a valid signature under `secret` (compared in constant time). */
export function isUnsubscribeTokenValid(token: string, secret: string): boolean {
  const raw = Buffer.from(token, 'base64url');
  const ids = raw.subarray(0, 32);
  return safeEqual(macOf(secret, ids).toString('hex'), raw.subarray(32).toString('hex'));
}
